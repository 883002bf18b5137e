import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  aeadOpen,
  agreementPrivateKey,
  hkdfSha256,
  sha256Hex,
  x25519,
} from '../../../electron/services/crypto/primitives';
import {
  authenticateSender,
  checkRecipient,
  decryptPackage,
  openPackage,
  unwrapPackageKey,
} from '../../../electron/services/packages/reader';
import {
  readVectorValues,
  VECTOR_INPUTS,
  VECTOR_PACKAGE,
  vectorContent,
  vectorIntermediates,
  vectorParties,
  writeVectorPackage,
} from '../../support/package-vectors';

const scratch = mkdtempSync(join(tmpdir(), 'pkg-vectors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const values = readVectorValues();
const checkedIn = readFileSync(VECTOR_PACKAGE);

describe('test vector 1 (SPEC.md §10)', () => {
  it('is what the writer produces from the fixed inputs, byte for byte', async () => {
    const path = join(scratch, 'again.sdpkg');
    await writeVectorPackage(path);
    expect(sha256Hex(readFileSync(path))).toBe(values.packageSha256);
    expect(readFileSync(path).equals(checkedIn)).toBe(true);
  });

  it('has the intermediate values the spec lists', async () => {
    const opened = await openPackage(VECTOR_PACKAGE);
    expect(opened.header.payload.plaintextSize).toBeGreaterThan(2 * 4096);
    expect(opened.header.payload.plaintextSize).toBeLessThanOrEqual(3 * 4096);
    const { header, signature, payloadCrc32, packageSha256, packageSize, ...expected } = values;
    expect(opened.header).toEqual(header);
    expect(opened.signature.toString('hex')).toBe(signature);
    expect(opened.payload.crc).toBe(payloadCrc32);
    expect(vectorIntermediates(opened.header, opened.headerBytes)).toEqual(expected);
    expect([packageSha256, packageSize]).toEqual([sha256Hex(checkedIn), checkedIn.length]);
  });

  it('opens by the spec alone: stanza, payload key, chunks, frames', async () => {
    const opened = await openPackage(VECTOR_PACKAGE);
    const { header } = opened;
    const stanza = header.keys[0];
    if (!stanza) throw new Error('no stanza');
    const ephemeral = Buffer.from(stanza.ephemeralPublicKey, 'base64');
    const recipientPublic = vectorParties().recipient.encryptionPublicKey;
    const shared = x25519(agreementPrivateKey(VECTOR_INPUTS.recipientEncryptionKey), ephemeral);
    const wrapKey = hkdfSha256(
      shared,
      Buffer.concat([ephemeral, recipientPublic]),
      'supervision-desk-package/1 file key',
      32,
    );
    const fileKey = aeadOpen(
      wrapKey,
      Buffer.alloc(12),
      Buffer.from(stanza.wrappedKey, 'base64'),
      Buffer.from(header.packageId),
    );
    const key = hkdfSha256(
      fileKey,
      Buffer.from(header.payload.salt, 'base64'),
      'supervision-desk-package/1 payload',
      32,
    );
    const sealed = checkedIn.subarray(opened.payload.dataOffset, opened.payload.dataOffset + opened.payload.size);
    const parts: Buffer[] = [];
    const chunks = Math.ceil(sealed.length / (4096 + 16));
    for (let i = 0; i < chunks; i++) {
      const nonce = Buffer.alloc(12);
      nonce.writeUInt32BE(i, 7);
      nonce[11] = i === chunks - 1 ? 1 : 0;
      parts.push(aeadOpen(key, nonce, sealed.subarray(i * 4112, (i + 1) * 4112)));
    }
    const plaintext = Buffer.concat(parts);
    const frames: { name: string; bytes: Buffer }[] = [];
    for (let at = 0; at < plaintext.length; ) {
      expect(plaintext.subarray(at, at + 4).toString('ascii')).toBe('SDE1');
      const nameLength = plaintext.readUInt16BE(at + 4);
      const size = Number(plaintext.readBigUInt64BE(at + 6));
      const name = plaintext.subarray(at + 14, at + 14 + nameLength).toString('utf8');
      const start = at + 14 + nameLength;
      frames.push({ name, bytes: plaintext.subarray(start, start + size) });
      at = start + size;
    }
    const files = VECTOR_INPUTS.files.map((f) => ({ name: `data/files/${sha256Hex(f)}`, bytes: f }));
    files.sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(frames.map((f) => f.name)).toEqual([
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
      'data/content.json',
      ...files.map((f) => f.name),
    ]);
    expect(sha256Hex(frames[3]?.bytes as Buffer)).toBe(header.bag.digest);
    expect(frames[4]?.bytes).toEqual(vectorContent());
    expect(frames.slice(5).map((f) => f.bytes)).toEqual(files.map((f) => f.bytes));
  });

  it('is read by the reader as the recipient, and by the sender with its own key', async () => {
    const parties = vectorParties();
    const opened = await openPackage(VECTOR_PACKAGE);
    authenticateSender(
      opened,
      (fp) =>
        fp === parties.sender.fingerprint
          ? { organId: VECTOR_INPUTS.senderOrganId, signingPublicKey: parties.sender.signingPublicKey, revoked: false }
          : null,
      [parties.recipient.fingerprint],
    );
    checkRecipient(opened, VECTOR_INPUTS.recipientOrganId, [parties.recipient.fingerprint]);
    for (const [fingerprint, scalar, publicKey] of [
      [parties.recipient.fingerprint, VECTOR_INPUTS.recipientEncryptionKey, parties.recipient.encryptionPublicKey],
      [parties.sender.fingerprint, VECTOR_INPUTS.senderEncryptionKey, parties.sender.encryptionPublicKey],
    ] as const) {
      const fileKey = unwrapPackageKey(opened, [{ fingerprint, privateKey: agreementPrivateKey(scalar), publicKey }]);
      const bag = await decryptPackage(opened, fileKey, { placeFile: () => null });
      expect(bag.content).toEqual(vectorContent());
      expect(bag.files.map((f) => f.size).sort()).toEqual(VECTOR_INPUTS.files.map((f) => f.length).sort());
    }
  });
});
