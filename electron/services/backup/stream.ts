// The chunked AES-256-GCM stream of a backup: the package payload's scheme
// (packages/SPEC.md §6.3: counter nonces, final-chunk flag), sealed and opened one chunk
// at a time so memory stays at two chunks whatever the backup's size.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/ipc/errors';
import { AEAD_TAG_BYTES, NODE_AEAD } from '../crypto/algorithms';
import { AuthenticationFailure } from '../crypto/primitives';
import { chunkNonce, TAG_BYTES } from '../packages/envelope';

/*
 * AES-GCM over a chunk in pieces that fit the CPU cache, into a buffer reused from chunk
 * to chunk: the same measurement as the package stream (crypto/stream-worker.ts) — whole
 * 1 MiB calls run at less than half the speed — and no per-chunk garbage, which keeps
 * peak memory flat.
 */
const PIECE = 32 * 1024;

function sealInto(key: Buffer, nonce: Buffer, plain: Buffer, out: Buffer): Buffer {
  const cipher = createCipheriv(NODE_AEAD, key, nonce, { authTagLength: AEAD_TAG_BYTES });
  let at = 0;
  for (let i = 0; i < plain.length; i += PIECE) at += cipher.update(plain.subarray(i, i + PIECE)).copy(out, at);
  at += cipher.final().copy(out, at);
  at += cipher.getAuthTag().copy(out, at);
  return out.subarray(0, at);
}

/** Decrypts into `out`; the plaintext may be used only because this returns (tag verified). */
function openInto(key: Buffer, nonce: Buffer, sealed: Buffer, out: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new AuthenticationFailure('Sealed data is shorter than its tag');
  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  const decipher = createDecipheriv(NODE_AEAD, key, nonce, { authTagLength: AEAD_TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let at = 0;
  for (let i = 0; i < body.length; i += PIECE) at += decipher.update(body.subarray(i, i + PIECE)).copy(out, at);
  try {
    at += decipher.final().copy(out, at);
  } catch {
    throw new AuthenticationFailure();
  }
  return out.subarray(0, at);
}

/** Seals plaintext as it arrives; a full chunk waits until we know whether it is the last. */
export class ChunkSealer {
  private current: Buffer;
  private fill = 0;
  private pending: Buffer | null = null;
  private spare: Buffer;
  private index = 0;
  private readonly out: Buffer;
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
    this.out = Buffer.allocUnsafe(chunkSize + TAG_BYTES);
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
    // The sink finishes with `out` before the next seal: one output buffer serves every chunk.
    const sealed = sealInto(this.key, chunkNonce(this.index, last), plain, this.out);
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
  const plainBuffer = Buffer.allocUnsafe(chunkSize);
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
      plain = openInto(key, chunkNonce(index, last), sealed, plainBuffer);
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
    openInto(key, chunkNonce(index, false), sealed, Buffer.allocUnsafe(sealed.length));
    return true;
  } catch {
    return false;
  }
}
