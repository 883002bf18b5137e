// The chunked AES-256-GCM stream of a backup: the package payload's scheme
// (packages/SPEC.md §6.3: counter nonces, final-chunk flag), sealed and opened one chunk
// at a time so memory stays at two chunks whatever the backup's size.
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/ipc/errors';
import { AuthenticationFailure, aeadOpen, aeadSeal } from '../crypto/primitives';
import { chunkNonce, TAG_BYTES } from '../packages/envelope';

/** Seals plaintext as it arrives; a full chunk waits until we know whether it is the last. */
export class ChunkSealer {
  private current: Buffer;
  private fill = 0;
  private pending: Buffer | null = null;
  private spare: Buffer;
  private index = 0;
  /** Bytes written to the file so far (ciphertext and tags). */
  written = 0;
  plaintextBytes = 0;

  constructor(
    private readonly key: Buffer,
    private readonly chunkSize: number,
    private readonly sink: (sealed: Buffer) => Promise<void>,
  ) {
    this.current = Buffer.allocUnsafe(chunkSize);
    this.spare = Buffer.allocUnsafe(chunkSize);
  }

  async write(data: Uint8Array): Promise<void> {
    this.plaintextBytes += data.length;
    let offset = 0;
    while (offset < data.length) {
      const n = Math.min(this.chunkSize - this.fill, data.length - offset);
      this.current.set(data.subarray(offset, offset + n), this.fill);
      this.fill += n;
      offset += n;
      if (this.fill === this.chunkSize) {
        if (this.pending) await this.seal(this.pending, false);
        const full = this.current;
        this.current = this.pending ?? this.spare;
        this.pending = full;
        this.fill = 0;
      }
    }
  }

  async finish(): Promise<void> {
    if (this.fill > 0 || !this.pending) {
      if (this.pending) await this.seal(this.pending, false);
      await this.seal(this.current.subarray(0, this.fill), true);
    } else {
      await this.seal(this.pending, true);
    }
    this.pending = null;
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const sealed = aeadSeal(this.key, chunkNonce(this.index, last), plain);
    this.index++;
    await this.sink(sealed);
    this.written += sealed.length;
  }
}

/**
 * Opens the chunks of `handle` from `start` to its end, handing each verified plaintext
 * to `onChunk`. Damage names the chunk; a file cut at a chunk boundary is BACKUP_TRUNCATED.
 */
export async function openChunks(
  handle: FileHandle,
  start: number,
  fileSize: number,
  key: Buffer,
  chunkSize: number,
  onChunk: (plain: Buffer, index: number, chunks: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const sealedSize = chunkSize + TAG_BYTES;
  const remaining = fileSize - start;
  if (remaining < TAG_BYTES) throw new AppError('BACKUP_TRUNCATED', 'The backup ends before its data');
  const chunks = Math.ceil(remaining / sealedSize);
  const buffer = Buffer.allocUnsafe(sealedSize);
  for (let index = 0; index < chunks; index++) {
    if (signal?.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
    const position = start + index * sealedSize;
    const length = Math.min(sealedSize, fileSize - position);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(buffer, got, length - got, position + got);
      if (bytesRead === 0) throw new AppError('BACKUP_TRUNCATED', 'The backup file shrank while being read');
      got += bytesRead;
    }
    const sealed = buffer.subarray(0, length);
    const last = index === chunks - 1;
    let plain: Buffer;
    try {
      plain = aeadOpen(key, chunkNonce(index, last), sealed);
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) throw error;
      if (last && length >= TAG_BYTES && opensAsMiddle(key, index, sealed)) {
        throw new AppError('BACKUP_TRUNCATED', `The backup was cut off after chunk ${index + 1}`, {
          params: { chunk: index + 1, chunks },
        });
      }
      throw new AppError('BACKUP_DAMAGED', `Chunk ${index + 1} of ${chunks} is damaged`, {
        params: { chunk: index + 1, chunks },
      });
    }
    if (!last && plain.length !== chunkSize) throw new AppError('BACKUP_DAMAGED', 'Chunk of the wrong size');
    await onChunk(plain, index, chunks);
  }
}

function opensAsMiddle(key: Buffer, index: number, sealed: Buffer): boolean {
  try {
    aeadOpen(key, chunkNonce(index, false), sealed);
    return true;
  } catch {
    return false;
  }
}
