import { writeFileSync } from 'node:fs';
import { aeadSeal, randomBytes, randomUUID, sha256Hex } from '../../electron/services/crypto/primitives';
import {
  assembleBag,
  type BagEntry,
  CONTENT_PATH,
  entryHeader,
  evidencePathInBag,
} from '../../electron/services/packages/bag';
import {
  chunkCount,
  chunkNonce,
  ciphertextSize,
  payloadKey,
  wrapFileKey,
} from '../../electron/services/packages/envelope';
import { encodeHeader, headerSigningMessage, type PackageHeader } from '../../electron/services/packages/header';
import { sealPackage } from '../../electron/services/packages/writer';
import type { TestOffice } from './package-offices';
import { craftZip } from './zip-craft';

export interface BagShape {
  /** Payload entries in stream order (defaults: a valid content document and one file). */
  payload?: BagEntry[];
  /** manifest-sha256.txt as written (default: one line per payload entry). */
  manifest?: string;
  dataBytes?: number;
  fileCount?: number;
  schemaVersion?: string;
}

export const validContent = (files: string[] = []) =>
  Buffer.from(JSON.stringify({ dossiers: [{ id: 'd-1', title: '监督案卷', files }] }), 'utf8');

/** A file entry of the bag, named by its hash as the real writer names it. */
export function fileEntry(bytes: Buffer): BagEntry & { bytes: Buffer } {
  return { name: evidencePathInBag(sha256Hex(bytes)), bytes };
}

/**
 * A package signed and encrypted exactly like a real one, around a bag that may break
 * any rule — what a buggy or hostile sender holding a trusted key could produce.
 */
export async function craftSignedPackage(from: TestOffice, to: TestOffice, path: string, shape: BagShape = {}) {
  const evidence = Buffer.from('现场检查笔录');
  const payload = shape.payload ?? [
    { name: CONTENT_PATH, bytes: validContent([sha256Hex(evidence)]) },
    fileEntry(evidence),
  ];
  const sizeOf = (e: BagEntry) => ('bytes' in e ? e.bytes.length : e.size);
  const manifest =
    shape.manifest ??
    payload.map((e) => `${'bytes' in e ? sha256Hex(e.bytes) : (e.sha256 ?? '')}  ${e.name}\n`).join('');
  const createdAt = from.now.value;
  const packageId = randomUUID();
  const bag = assembleBag(
    { packageId, createdAt, sourceOrganization: from.identity.name, softwareAgent: 'crafted' },
    manifest,
    payload,
    shape.dataBytes ?? payload.reduce((sum, e) => sum + sizeOf(e), 0),
    shape.fileCount ?? payload.length,
  );
  const recipient = from.trust.activeKey(to.keys.organId());
  const own = from.keys.current();
  const signer = await from.keys.signer();
  await sealPackage({
    destination: path,
    packageId,
    createdAt,
    sequence: createdAt.getTime(),
    schemaVersion: shape.schemaVersion ?? 'test-bundle/1',
    sender: { organId: from.keys.organId(), organ: from.identity, keyFingerprint: own.fingerprint },
    recipient: {
      organId: recipient.organ.organId,
      organName: recipient.organ.organ.name,
      divisionCode: recipient.organ.organ.divisionCode,
      keyFingerprint: recipient.key.fingerprint,
    },
    bag,
    readers: [{ keyFingerprint: recipient.key.fingerprint, encryptionPublicKey: recipient.encryptionPublicKey }],
    sign: signer.sign,
    chunkSize: 4096,
  });
  return { packageId };
}

/** A bag entry whose frame may declare another size than the bytes that follow it. */
export interface RawFrame {
  name: string;
  bytes: Buffer;
  declaredSize?: number;
}

/**
 * Writes a package without the real writer: frames, chunks, stanzas, signature and ZIP
 * built here from the primitives, following SPEC.md. Used for frames the writer cannot
 * produce, and as a second implementation of the format.
 */
export async function craftRawPackage(
  from: TestOffice,
  to: TestOffice,
  path: string,
  frames: RawFrame[],
  meta: { manifest: string; dataBytes: number; fileCount: number },
): Promise<void> {
  const createdAt = from.now.value;
  const packageId = randomUUID();
  const bag = assembleBag(
    { packageId, createdAt, sourceOrganization: from.identity.name, softwareAgent: 'raw' },
    meta.manifest,
    [],
    meta.dataBytes,
    meta.fileCount,
  );
  const tagFrames: RawFrame[] = bag.entries.map((e) => ({
    name: e.name,
    bytes: Buffer.from('bytes' in e ? e.bytes : []),
  }));
  const plaintext = Buffer.concat(
    [...tagFrames, ...frames].flatMap((f) => [entryHeader(f.name, f.declaredSize ?? f.bytes.length), f.bytes]),
  );
  const chunkSize = 4096;
  const fileKey = randomBytes(32);
  const salt = randomBytes(16);
  const recipient = from.trust.activeKey(to.keys.organId());
  const own = from.keys.current();
  const key = payloadKey(fileKey, salt);
  const count = chunkCount(plaintext.length, chunkSize);
  const sealed: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    sealed.push(aeadSeal(key, chunkNonce(i, i === count - 1), plaintext.subarray(i * chunkSize, (i + 1) * chunkSize)));
  }
  const header: PackageHeader = {
    format: 'supervision-desk-package',
    formatVersion: 1,
    packageId,
    createdAt: createdAt.toISOString(),
    sequence: createdAt.getTime(),
    schemaVersion: 'test-bundle/1',
    sender: { organId: from.keys.organId(), organ: from.identity, keyFingerprint: own.fingerprint },
    recipient: {
      organId: recipient.organ.organId,
      organName: recipient.organ.organ.name,
      divisionCode: recipient.organ.organ.divisionCode,
      keyFingerprint: recipient.key.fingerprint,
    },
    bag: { digest: bag.digest, fileCount: meta.fileCount, dataBytes: meta.dataBytes },
    payload: {
      encryption: 'AES-256-GCM-chunked',
      chunkSize,
      plaintextSize: plaintext.length,
      ciphertextSize: ciphertextSize(plaintext.length, chunkSize),
      salt: salt.toString('base64'),
    },
    keys: [
      wrapFileKey(
        fileKey,
        { keyFingerprint: recipient.key.fingerprint, encryptionPublicKey: recipient.encryptionPublicKey },
        packageId,
        randomBytes(32),
      ),
    ],
  };
  const headerBytes = encodeHeader(header);
  const signature = (await from.keys.signer()).sign(headerSigningMessage(headerBytes));
  writeFileSync(
    path,
    craftZip([
      { name: 'header.json', data: headerBytes },
      { name: 'header.sig', data: signature },
      { name: 'payload.bin', data: Buffer.concat(sealed) },
    ]),
  );
}
