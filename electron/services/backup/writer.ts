import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { AppError } from '../../../shared/ipc/errors';
import { createSha256, randomBytes, randomUUID } from '../crypto/primitives';
import { partialPathFor } from '../storage/atomic';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_SCRYPT,
  type BackupHeader,
  type BackupManifest,
  DEFAULT_CHUNK_SIZE,
  deriveBackupKeys,
  encodePreamble,
  frameHead,
  headerMac,
  MANIFEST_ENTRY,
} from './format';
import { ChunkSealer } from './stream';

export interface BackupWriterOptions {
  target: string;
  passphrase: string;
  includesOfficeKeys: boolean;
  software: string;
  now: Date;
  chunkSize?: number;
  scrypt?: { N: number; r: number; p: number };
}

export type ManifestEntry = BackupManifest['entries'][number];

/**
 * Writes one backup file: header, then frames through the chunk sealer, then the
 * manifest — all to a temporary name beside the target, renamed only by `commit`.
 */
export class BackupFileWriter {
  readonly entries: ManifestEntry[] = [];
  /** One read buffer for every file: allocating one per file left megabytes of garbage per file. */
  private readonly readBuffer = Buffer.allocUnsafe(1024 * 1024);
  private constructor(
    readonly header: BackupHeader,
    private readonly handle: FileHandle,
    private readonly partial: string,
    private readonly target: string,
    private readonly sealer: ChunkSealer,
    private position: number,
  ) {}

  static async create(options: BackupWriterOptions): Promise<BackupFileWriter> {
    const scrypt = options.scrypt ?? BACKUP_SCRYPT;
    const kdf = { name: 'scrypt' as const, ...scrypt, salt: randomBytes(16).toString('base64') };
    const payloadSalt = randomBytes(16).toString('base64');
    const keys = await deriveBackupKeys(options.passphrase, kdf, payloadSalt);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      backupId: randomUUID(),
      createdAt: options.now.toISOString(),
      software: options.software,
      kdf,
      keyCheck: keys.keyCheck.toString('base64'),
      payload: {
        encryption: 'AES-256-GCM-chunked',
        chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
        salt: payloadSalt,
      },
      includesOfficeKeys: options.includesOfficeKeys,
    };
    const preamble = encodePreamble(header);
    const partial = partialPathFor(options.target);
    const handle = await open(partial, 'wx', 0o600);
    try {
      const head = Buffer.concat([preamble, headerMac(keys.headerKey, preamble)]);
      await writeAll(handle, head, 0);
      let writer: BackupFileWriter | undefined;
      const sealer = new ChunkSealer(keys.payloadKey, header.payload.chunkSize, async (sealed) => {
        if (!writer) throw new Error('writer not ready');
        await writeAll(handle, sealed, writer.position);
        writer.position += sealed.length;
      });
      writer = new BackupFileWriter(header, handle, partial, options.target, sealer, head.length);
      return writer;
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** Bytes in the file so far. */
  get bytesWritten(): number {
    return this.position;
  }

  /** A whole entry held in memory (settings, a page of rows, the manifest). */
  async addBytes(name: string, data: Uint8Array): Promise<ManifestEntry> {
    await this.sealer.write(frameHead(name, data.length));
    await this.sealer.write(data);
    const entry = { name, size: data.length, sha256: createSha256().update(data).digest('hex') };
    this.entries.push(entry);
    return entry;
  }

  /** A file streamed from disk; its size must not change while it is read. */
  async addFile(name: string, path: string, size: number, signal?: AbortSignal): Promise<ManifestEntry> {
    await this.sealer.write(frameHead(name, size));
    const hash = createSha256();
    const source = await open(path, 'r');
    try {
      const buffer = this.readBuffer;
      let done = 0;
      while (done < size) {
        if (signal?.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
        const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, size - done), done);
        if (bytesRead === 0) break;
        const piece = buffer.subarray(0, bytesRead);
        hash.update(piece);
        await this.sealer.write(piece);
        done += bytesRead;
      }
      if (done !== size || (await source.stat()).size !== size) {
        throw new AppError('IO_ERROR', `${name} changed while it was being backed up`, { params: { name } });
      }
    } finally {
      await source.close();
    }
    const entry = { name, size, sha256: hash.digest('hex') };
    this.entries.push(entry);
    return entry;
  }

  /** Appends the manifest, seals the last chunk, syncs and renames into place. */
  async commit(manifest: BackupManifest): Promise<{ path: string; size: number }> {
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    await this.sealer.write(frameHead(MANIFEST_ENTRY, bytes.length));
    await this.sealer.write(bytes);
    await this.sealer.finish();
    await this.handle.sync();
    await this.handle.close();
    await rename(this.partial, this.target);
    return { path: this.target, size: this.position };
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.partial, { force: true });
  }
}

async function writeAll(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}
