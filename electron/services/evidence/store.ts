import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/ipc/errors';
import { ensureFreeSpace, type StatFs } from '../storage/disk';
import { mimeTypeOf, sniffPreviewable } from './mime';

export interface EvidenceStoreOptions {
  /** Folder of the store, e.g. userData/evidence. */
  root: string;
  /** Injected so tests can pretend the disk is full. */
  statfs?: StatFs;
  /** Read size of the copy; memory use stays near a few of these whatever the file size. */
  chunkBytes?: number;
}

/** What the store knows about a file it holds. */
export interface StoredFile {
  sha256: string;
  size: number;
  fileName: string;
  mimeType: string;
  /** The same bytes were in the store already; nothing was copied. */
  alreadyStored: boolean;
}

export interface CopyOptions {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A file name as the record keeps it: at most 255 characters, the extension kept. */
export function recordableName(name: string): string {
  const clean =
    [...basename(name)].filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f').join('') || 'file';
  if (clean.length <= 255) return clean;
  const ext = extname(clean).slice(0, 16);
  return clean.slice(0, 255 - ext.length) + ext;
}

/**
 * The evidence store: files named by their SHA-256 under root/<first two hex>/<hash>,
 * written to root/tmp first and renamed into place when complete and hashed. Bytes are
 * never removed here: a dossier's "removed" evidence keeps its file.
 */
export class EvidenceStore {
  readonly root: string;
  private readonly tmp: string;
  private readonly statfs: StatFs | undefined;
  private readonly chunkBytes: number;
  private ready: Promise<void> | undefined;

  constructor(options: EvidenceStoreOptions) {
    this.root = options.root;
    this.tmp = join(options.root, 'tmp');
    this.statfs = options.statfs;
    this.chunkBytes = options.chunkBytes ?? 1024 * 1024;
  }

  /** Creates the folders and clears temporary files a crash may have left behind. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.tmp, { recursive: true });
      for (const name of await readdir(this.tmp)) await rm(join(this.tmp, name), { force: true, recursive: true });
    })();
    return this.ready;
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND', 'Not a SHA-256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Size of a stored file, or null if the store does not hold it. */
  async sizeOf(sha256: string): Promise<number | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  /** The previewable type of a stored file by its own first bytes, or null. */
  async previewTypeOf(sha256: string): Promise<string | null> {
    return sniffPreviewable(await this.head(this.pathOf(sha256)));
  }

  /** Refuses (INSUFFICIENT_SPACE), before anything is written, a copy the disk has no room for. */
  async ensureSpace(bytes: number): Promise<void> {
    await this.init();
    await ensureFreeSpace(this.root, bytes, this.statfs);
  }

  /** Copies a file into the store, hashing it on the way; memory stays bounded by the chunk size. */
  async addFile(source: string, options: CopyOptions = {}): Promise<StoredFile> {
    const info = await stat(source).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new AppError('NOT_FOUND', 'The file does not exist');
      throw error;
    });
    if (!info.isFile()) throw new AppError('EVIDENCE_NOT_A_FILE', 'Not a regular file');
    await this.ensureSpace(info.size);
    const fileName = basename(source);
    return this.write(fileName, info.size, options, async (sink) => {
      await pipeline(createReadStream(source, { highWaterMark: this.chunkBytes }), sink.transform, sink.file, {
        signal: options.signal,
      });
    });
  }

  /**
   * Starts receiving a file in pieces (a drag-and-dropped file with no path on disk).
   * The caller writes chunks in order, then finishes or aborts.
   */
  async beginUpload(fileName: string, size: number): Promise<EvidenceUpload> {
    await this.ensureSpace(size);
    const temp = this.tempPath();
    const handle = await open(temp, 'wx');
    return new EvidenceUpload(this, handle, temp, recordableName(fileName), size);
  }

  tempPath(): string {
    return join(this.tmp, `${randomBytes(12).toString('hex')}.part`);
  }

  /** Moves a complete, hashed temporary file to its place (or drops it if the bytes are already there). */
  async commit(temp: string, sha256: string, size: number, fileName: string, head: Uint8Array): Promise<StoredFile> {
    const target = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const existing = await stat(target).catch(() => null);
    // A held file of the wrong size was damaged: the fresh copy replaces it.
    const alreadyStored = existing?.isFile() === true && existing.size === size;
    if (alreadyStored) await rm(temp, { force: true });
    else await rename(temp, target);
    return { sha256, size, fileName: recordableName(fileName), mimeType: mimeTypeOf(head, fileName), alreadyStored };
  }

  private async write(
    fileName: string,
    expectedSize: number,
    options: CopyOptions,
    copy: (sink: { transform: Transform; file: NodeJS.WritableStream }) => Promise<void>,
  ): Promise<StoredFile> {
    await this.init();
    const temp = this.tempPath();
    const hash = createHash('sha256');
    let done = 0;
    let head = new Uint8Array(0);
    let lastReport = 0;
    const transform = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        if (head.length < 16) head = Uint8Array.from([...head, ...chunk.subarray(0, 16 - head.length)]);
        done += chunk.length;
        const now = Date.now();
        if (options.onProgress && (now - lastReport > 100 || done === expectedSize)) {
          lastReport = now;
          options.onProgress(done, expectedSize);
        }
        callback(null, chunk);
      },
    });
    const file = createWriteStream(temp, { flags: 'wx', flush: true });
    try {
      await copy({ transform, file });
      if (done !== expectedSize) {
        throw new AppError('EVIDENCE_SOURCE_CHANGED', 'The file changed while it was being copied');
      }
      return await this.commit(temp, hash.digest('hex'), done, fileName, head);
    } catch (error) {
      await rm(temp, { force: true });
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
      throw error;
    }
  }

  private async head(path: string): Promise<Uint8Array> {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(16);
      const { bytesRead } = await handle.read(buffer, 0, 16, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
}

/** A file arriving in chunks; hashed as it is written. */
export class EvidenceUpload {
  private readonly hash = createHash('sha256');
  private received = 0;
  private head = new Uint8Array(0);
  private closed = false;
  lastActivity = Date.now();

  constructor(
    private readonly store: EvidenceStore,
    private readonly handle: FileHandle,
    private readonly temp: string,
    readonly fileName: string,
    readonly size: number,
  ) {}

  get bytesReceived(): number {
    return this.received;
  }

  async write(chunk: Uint8Array): Promise<number> {
    if (this.closed) throw new AppError('NOT_FOUND', 'The upload is closed');
    if (this.received + chunk.length > this.size) {
      await this.abort();
      throw new AppError('EVIDENCE_SOURCE_CHANGED', 'More bytes than announced');
    }
    this.lastActivity = Date.now();
    if (this.head.length < 16) this.head = Uint8Array.from([...this.head, ...chunk.subarray(0, 16 - this.head.length)]);
    this.hash.update(chunk);
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
    this.received += chunk.length;
    return this.received;
  }

  async finish(): Promise<StoredFile> {
    if (this.closed) throw new AppError('NOT_FOUND', 'The upload is closed');
    if (this.received !== this.size) {
      await this.abort();
      throw new AppError('EVIDENCE_SOURCE_CHANGED', 'Fewer bytes than announced');
    }
    this.closed = true;
    try {
      await this.handle.sync();
      await this.handle.close();
      return await this.store.commit(this.temp, this.hash.digest('hex'), this.size, this.fileName, this.head);
    } catch (error) {
      await rm(this.temp, { force: true });
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}
