import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../logger';

// Every file the app writes goes to a temporary name beside its target and is renamed
// into place when complete, so a crash never leaves a half-written file under the real
// name. The marker in the temporary name lets start-up find and remove leftovers.

const PARTIAL_MARKER = '.partial-';

export function partialPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${PARTIAL_MARKER}${randomBytes(6).toString('hex')}`);
}

export function isPartialPath(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') && name.includes(PARTIAL_MARKER);
}

/** Writes `data` to `target` all at once or not at all; synced before the rename. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const partial = partialPathFor(target);
  try {
    const handle = await open(partial, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export interface AtomicWrite {
  stream: WriteStream;
  /** Flushes, closes and renames into place. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

/** A stream to a temporary file that becomes `target` only on commit. */
export async function openAtomicWrite(target: string): Promise<AtomicWrite> {
  await mkdir(dirname(target), { recursive: true });
  const partial = partialPathFor(target);
  const stream = createWriteStream(partial, { flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  const close = () =>
    new Promise<void>((resolve, reject) => {
      if (stream.closed) return resolve();
      stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  return {
    stream,
    commit: async () => {
      await close();
      await rename(partial, target);
    },
    abort: async () => {
      stream.destroy();
      await rm(partial, { force: true });
    },
  };
}

/**
 * Removes temporary files left by a crash anywhere under `root`. Runs at start-up,
 * when the single-instance lock guarantees that no other writer is active.
 */
export async function sweepPartialFiles(root: string, logger: Logger): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (isPartialPath(path)) {
        const size = entry.isFile() ? (await stat(path)).size : 0;
        await rm(path, { recursive: true, force: true });
        removed.push(path);
        logger.warn('Removed a file left half-written by an earlier crash', { path, size });
      } else if (entry.isDirectory() && !entry.isSymbolicLink() && entry.name !== 'Chromium') {
        await walk(path);
      }
    }
  };
  await walk(root);
  return removed;
}
