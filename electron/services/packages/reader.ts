import { AppError } from '../../../shared/ipc/errors';
import { AuthenticationFailure, type KeyObject } from '../crypto/primitives';
import { DecryptPipeline, SinkWorker } from '../crypto/stream-worker';
import type { TrustRegistry } from '../keys/trust-registry';
import { BagReader, type ReadBag } from './bag';
import { chunkCount, payloadKey, TAG_BYTES, unwrapFileKey } from './envelope';
import {
  ENTRY_HEADER,
  ENTRY_PAYLOAD,
  ENTRY_SIGNATURE,
  MAX_HEADER_BYTES,
  PACKAGE_ENTRIES,
  type PackageHeader,
  parseHeader,
  verifyHeaderSignature,
} from './header';
import { readSmallEntry, readZipDirectory, type ZipEntry } from './zip';

/** A package whose container and header passed every check that needs no key. */
export interface OpenedPackage {
  path: string;
  fileSize: number;
  header: PackageHeader;
  headerBytes: Buffer;
  signature: Buffer;
  payload: ZipEntry;
}

const headerDamaged = (name: string) => () =>
  new AppError('PKG_HEADER_DAMAGED', `${name} is damaged (its checksum does not match)`, { params: { name } });

/**
 * Step one of reading (SPEC.md §7, checks 1–9): the container's structure, the
 * format version, the entry set and the header's fields. Uses no key and decrypts nothing.
 */
export async function openPackage(path: string): Promise<OpenedPackage> {
  const directory = await readZipDirectory(path);
  const byName = new Map(directory.entries.map((e) => [e.name, e]));
  const headerEntry = byName.get(ENTRY_HEADER);
  if (!headerEntry) throw new AppError('PKG_NOT_A_PACKAGE', 'The file has no package header');
  const headerBytes = await readSmallEntry(path, headerEntry, MAX_HEADER_BYTES, headerDamaged(ENTRY_HEADER));
  const header = parseHeader(headerBytes);
  for (const entry of directory.entries) {
    if (!(PACKAGE_ENTRIES as readonly string[]).includes(entry.name)) {
      throw new AppError('PKG_UNEXPECTED_ENTRY', `${entry.name} does not belong in a dossier package`, {
        params: { name: entry.name },
      });
    }
  }
  const names = directory.entries.map((e) => e.name);
  if (names.join('\n') !== PACKAGE_ENTRIES.join('\n')) {
    const missing = PACKAGE_ENTRIES.find((n) => !names.includes(n));
    const detail = missing ? `${missing} is missing` : 'entries are out of order';
    throw new AppError('PKG_MALFORMED', `The package container is malformed: ${detail}`, { params: { detail } });
  }
  const signatureEntry = byName.get(ENTRY_SIGNATURE) as ZipEntry;
  if (signatureEntry.size !== 64) {
    throw new AppError('PKG_MALFORMED', 'header.sig must hold one 64-byte signature', {
      params: { detail: 'header.sig' },
    });
  }
  const signature = await readSmallEntry(path, signatureEntry, 64, headerDamaged(ENTRY_SIGNATURE));
  const payload = byName.get(ENTRY_PAYLOAD) as ZipEntry;
  if (payload.size !== header.payload.ciphertextSize) {
    throw new AppError(
      'PKG_SIZE_MISMATCH',
      `payload.bin holds ${payload.size} bytes, the header declares ${header.payload.ciphertextSize}`,
      { params: { name: ENTRY_PAYLOAD, detail: 'differs from the signed header' } },
    );
  }
  return { path, fileSize: directory.fileSize, header, headerBytes, signature, payload };
}

/** What the reader needs to know about a sender key; from the trust registry or a certificate. */
export interface SenderKey {
  organId: string;
  signingPublicKey: Uint8Array;
  revoked: boolean;
}

/** Sender keys as the trust registry knows them; revoked keys are found and marked. */
export function senderKeysOf(trust: Pick<TrustRegistry, 'findKey'>): (fingerprint: string) => SenderKey | null {
  return (fingerprint) => {
    const found = trust.findKey(fingerprint);
    return found
      ? {
          organId: found.organ.organId,
          signingPublicKey: found.signingPublicKey,
          revoked: found.key.revokedAt !== null,
        }
      : null;
  };
}

/**
 * Step two (checks 10–12): the sender is known, not revoked, and signed exactly this
 * header. Only after this is anything about the package believed.
 */
export function authenticateSender(
  opened: OpenedPackage,
  lookup: (fingerprint: string) => SenderKey | null,
  ownFingerprints: readonly string[],
): void {
  const { sender } = opened.header;
  const organ = `${sender.organ.name} (${sender.organ.divisionCode})`;
  if (ownFingerprints.includes(sender.keyFingerprint)) {
    throw new AppError('PKG_OWN_PACKAGE', 'This package was sent by this office itself');
  }
  const key = lookup(sender.keyFingerprint);
  if (!key || key.organId !== sender.organId) {
    throw new AppError('PKG_UNKNOWN_SENDER', `The sender ${organ} is not in the trust registry`, {
      params: { organ },
    });
  }
  if (key.revoked) {
    throw new AppError('PKG_SENDER_REVOKED', `The key of ${organ} has been revoked`, { params: { organ } });
  }
  if (!verifyHeaderSignature(opened.headerBytes, opened.signature, key.signingPublicKey)) {
    throw new AppError('PKG_BAD_SIGNATURE', `The package signature of ${organ} does not verify`, {
      params: { organ },
    });
  }
}

/** Step three (check 13): addressed to this organ and to a key generation we hold. */
export function checkRecipient(opened: OpenedPackage, ownOrganId: string, ownFingerprints: readonly string[]): void {
  const { recipient } = opened.header;
  if (recipient.organId !== ownOrganId || !ownFingerprints.includes(recipient.keyFingerprint)) {
    throw new AppError('PKG_WRONG_RECIPIENT', `This package is addressed to ${recipient.organName}`, {
      params: { organ: `${recipient.organName} (${recipient.divisionCode})` },
    });
  }
}

export interface ReaderKey {
  fingerprint: string;
  privateKey: KeyObject;
  publicKey: Uint8Array;
}

/** Opens the stanza addressed to one of our keys (recipient's, or our own as sender). */
export function unwrapPackageKey(opened: OpenedPackage, keys: readonly ReaderKey[]): Buffer {
  for (const key of keys) {
    const stanza = opened.header.keys.find((s) => s.keyFingerprint === key.fingerprint);
    if (!stanza) continue;
    try {
      return unwrapFileKey(stanza, key.privateKey, key.publicKey, opened.header.packageId);
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) throw error;
    }
  }
  throw new AppError('PKG_NO_KEY', "None of this office's keys can open this package");
}

export interface DecryptOptions {
  /** Path for each payload file (by its bag path and hash), or null to verify only. */
  placeFile(bagPath: string, sha256: string): string | null;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/**
 * Step four: decrypts the payload chunk by chunk on a worker thread, parses the bag
 * as it streams and lets the sink worker hash and write the files. Any failure
 * deletes what was written and throws the precise error.
 */
export async function decryptPackage(
  opened: OpenedPackage,
  fileKey: Uint8Array,
  options: DecryptOptions,
): Promise<ReadBag> {
  const { header, payload } = opened;
  const { chunkSize, ciphertextSize, plaintextSize } = header.payload;
  const count = chunkCount(plaintextSize, chunkSize);
  const source = new DecryptPipeline({
    path: opened.path,
    offset: payload.dataOffset,
    size: ciphertextSize,
    chunkSize,
    key: payloadKey(fileKey, Buffer.from(header.payload.salt, 'base64')),
  });
  const sink = new SinkWorker(source.sinkReturns());
  const bag = new BagReader(
    {
      packageId: header.packageId,
      digest: header.bag.digest,
      fileCount: header.bag.fileCount,
      dataBytes: header.bag.dataBytes,
      plaintextSize,
    },
    sink,
    options.placeFile,
    (buffer) => source.recycle(buffer),
  );
  const onAbort = () => source.cancel();
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let i = 0; i < count; i++) {
      const event = await source.next();
      if (event.t === 'error') throw chunkError(event, count);
      if (event.index !== i) throw new Error(`Chunk ${event.index} arrived when ${i} was due`);
      await bag.push(event.buffer, event.length);
      source.credit();
      options.onProgress?.(Math.min((i + 1) * (chunkSize + TAG_BYTES), ciphertextSize), ciphertextSize);
    }
    return await bag.finish();
  } catch (error) {
    await source.stop();
    await sink.abort();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await source.stop();
    await sink.stop();
  }
}

function chunkError(event: { index: number; code: string; message: string }, count: number): Error {
  if (event.code === 'AUTH') {
    return event.index === count - 1
      ? new AppError('PKG_FINAL_CHUNK_DAMAGED', 'The last part of the package is damaged or was altered', {
          params: { chunk: event.index + 1, chunks: count },
        })
      : new AppError(
          'PKG_CHUNK_DAMAGED',
          `Part ${event.index + 1} of ${count} of the package is damaged or was altered`,
          {
            params: { chunk: event.index + 1, chunks: count },
          },
        );
  }
  if (event.code === 'TRUNCATED') return new AppError('PKG_TRUNCATED', 'The package file is incomplete (cut off)');
  if (event.code === 'CANCELLED') return new AppError('CANCELLED', 'The operation was cancelled');
  return Object.assign(new Error(event.message), { code: event.code });
}
