import { createHash, randomBytes } from 'node:crypto';
import { copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Same temporary naming as main's storage/atomic.ts (".<name>.partial-<hex>"), so its
// start-up sweep removes what a crash leaves; this one also sets the file mode.
const tmpName = (path: string) => join(dirname(path), `.${basename(path)}.partial-${randomBytes(6).toString('hex')}`);

/** Writes to a temporary name beside `path`, syncs, then renames into place. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = tmpName(path);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Copies a file so that `target` either keeps its old content or has the whole new one. */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  const tmp = tmpName(target);
  try {
    await copyFile(source, tmp);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256OfFile(path: string): Promise<string> {
  return sha256(await readFile(path));
}

/** A file name Windows, macOS and Linux all accept, from a document number and title. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => ((c.codePointAt(0) ?? 0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned.slice(0, 120) || 'document';
}

/** Runs tasks one after another: numbering and issuing must never interleave. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
