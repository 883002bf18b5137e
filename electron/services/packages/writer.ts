import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { AppError } from '../../../shared/ipc/errors';
import { temporarySibling } from '../atomic-file';
import { randomBytes } from '../crypto/primitives';
import { EncryptPipeline } from '../crypto/stream-worker';
import { throwIfCancelled } from '../operations';
import { type BuiltBag, bagStreamItems } from './bag';
import {
  ciphertextSize,
  DEFAULT_CHUNK_SIZE,
  FILE_KEY_BYTES,
  isValidChunkSize,
  PAYLOAD_SALT_BYTES,
  payloadKey,
  wrapFileKey,
} from './envelope';
import {
  ENTRY_HEADER,
  ENTRY_PAYLOAD,
  ENTRY_SIGNATURE,
  encodeHeader,
  headerSigningMessage,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageHeader,
} from './header';
import { centralDirectory, crc32, LOCAL_CRC_OFFSET, localHeader, type ZipEntryLayout } from './zip';

/** A reader the file key is wrapped for: the recipient organ, and the sender itself. */
export interface PackageReaderKey {
  keyFingerprint: string;
  encryptionPublicKey: Uint8Array;
}

export interface SealPackageInput {
  /** Final path; the package is written beside it and renamed into place when complete. */
  destination: string;
  packageId: string;
  createdAt: Date;
  sequence: number;
  schemaVersion: string;
  sender: PackageHeader['sender'];
  recipient: PackageHeader['recipient'];
  bag: BuiltBag;
  /** The recipient first, then the sender's own key. */
  readers: PackageReaderKey[];
  sign(message: Uint8Array): Buffer;
  chunkSize?: number;
  /** Randomness for the file key, salt and ephemeral keys; fixed only for test vectors. */
  random?: (length: number) => Buffer;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export interface SealedPackage {
  path: string;
  size: number;
  header: PackageHeader;
}

/**
 * Writes a package (SPEC.md): header and signature first, then the payload streamed
 * through two worker threads (reading, then AES-256-GCM + CRC-32 with writes through the
 * libuv pool), with its CRC-32 patched into the local header at the end. Memory stays at a few chunks
 * whatever the size; nothing appears under `destination` unless everything succeeded.
 */
export async function sealPackage(input: SealPackageInput): Promise<SealedPackage> {
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!isValidChunkSize(chunkSize)) throw new RangeError(`Invalid chunk size ${chunkSize}`);
  const random = input.random ?? randomBytes;
  const fileKey = Buffer.from(random(FILE_KEY_BYTES));
  const salt = random(PAYLOAD_SALT_BYTES);
  const { items, plaintextSize, fileDigests } = bagStreamItems(input.bag.entries);
  const header: PackageHeader = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: input.packageId,
    createdAt: input.createdAt.toISOString(),
    sequence: input.sequence,
    schemaVersion: input.schemaVersion,
    sender: input.sender,
    recipient: input.recipient,
    bag: { digest: input.bag.digest, fileCount: input.bag.fileCount, dataBytes: input.bag.dataBytes },
    payload: {
      encryption: 'AES-256-GCM-chunked',
      chunkSize,
      plaintextSize,
      ciphertextSize: ciphertextSize(plaintextSize, chunkSize),
      salt: salt.toString('base64'),
    },
    keys: input.readers.map((reader) => wrapFileKey(fileKey, reader, input.packageId, random(32))),
  };
  const headerBytes = encodeHeader(header);
  const signature = input.sign(headerSigningMessage(headerBytes));
  const payloadKeyBytes = payloadKey(fileKey, salt);
  fileKey.fill(0);

  const temp = temporarySibling(input.destination);
  let handle: FileHandle | null = null;
  let pipeline: EncryptPipeline | null = null;
  let stopListening = () => {};
  try {
    throwIfCancelled(input.signal ?? new AbortController().signal);
    handle = await open(temp, 'wx', 0o644);
    const mtime = input.createdAt;
    const layout: ZipEntryLayout[] = [];
    let position = 0;
    const append = async (bytes: Uint8Array) => {
      await writeFully(handle as FileHandle, bytes, position);
      position += bytes.length;
    };
    for (const [name, data] of [
      [ENTRY_HEADER, headerBytes],
      [ENTRY_SIGNATURE, signature],
    ] as const) {
      layout.push({ name, size: data.length, crc: crc32(data), offset: position });
      await append(localHeader(name, data.length, crc32(data), mtime));
      await append(data);
    }
    const payloadSize = header.payload.ciphertextSize;
    const payloadEntry: ZipEntryLayout = { name: ENTRY_PAYLOAD, size: payloadSize, crc: 0, offset: position };
    layout.push(payloadEntry);
    await append(localHeader(ENTRY_PAYLOAD, payloadSize, 0, mtime));

    pipeline = new EncryptPipeline({ items, chunkSize, key: payloadKeyBytes, fd: handle.fd, position });
    let finished: { crc: number; written: number } | null = null;
    const active = pipeline;
    const onAbort = () => active.cancel();
    if (input.signal?.aborted) onAbort();
    input.signal?.addEventListener('abort', onAbort, { once: true });
    stopListening = () => input.signal?.removeEventListener('abort', onAbort);
    while (!finished) {
      const event = await pipeline.next();
      switch (event.t) {
        case 'progress':
          input.onProgress?.(event.written, payloadSize);
          break;
        case 'error':
          throw sourceError(event, items, fileDigests);
        case 'done':
          finished = { crc: event.crc, written: event.written };
          input.onProgress?.(event.written, payloadSize);
          break;
      }
    }
    if (finished.written !== payloadSize)
      throw new Error(`Payload size ${finished.written} differs from ${payloadSize}`);
    const crc = finished.crc;
    position += payloadSize;
    payloadEntry.crc = crc;
    const patch = Buffer.alloc(4);
    patch.writeUInt32LE(crc >>> 0);
    await writeFully(handle, patch, payloadEntry.offset + LOCAL_CRC_OFFSET);
    await append(centralDirectory(layout, mtime, position));
    await handle.close();
    handle = null;
    await rename(temp, input.destination);
    return { path: input.destination, size: position, header };
  } catch (error) {
    // The pipeline writes through this descriptor: stop it before closing.
    await pipeline?.stop();
    pipeline = null;
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    stopListening();
    await pipeline?.stop();
  }
}

async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

function sourceError(
  event: { item: number; code: string; message: string },
  items: ReturnType<typeof bagStreamItems>['items'],
  fileDigests: Map<number, string>,
): Error {
  const sha256 = fileDigests.get(event.item) ?? '';
  const item = items[event.item];
  const path = item?.kind === 'file' ? item.path : '';
  if (event.code === 'CANCELLED') return new AppError('CANCELLED', 'The operation was cancelled');
  if (event.code === 'ENOENT') {
    return new AppError('PKG_EVIDENCE_MISSING', `Evidence file ${sha256 || path} is missing`, { params: { sha256 } });
  }
  if (event.code === 'SIZE_CHANGED') {
    return new AppError('PKG_EVIDENCE_CHANGED', `Evidence file ${sha256 || path} changed size`, { params: { sha256 } });
  }
  // Errno codes (EACCES, EIO …) pass through so the IPC layer reports them as I/O errors.
  return Object.assign(new Error(`Reading ${path}: ${event.message}`), { code: event.code });
}
