import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  agreementPrivateKey,
  agreementPublicKeyOf,
  ed25519Sign,
  hkdfSha256,
  sha256Hex,
  signingPrivateKey,
  signingPublicKeyOf,
  x25519,
} from '../../electron/services/crypto/primitives';
import { keyFingerprint } from '../../electron/services/keys/fingerprint';
import { buildBag } from '../../electron/services/packages/bag';
import { chunkNonce, payloadKey, WRAP_INFO } from '../../electron/services/packages/envelope';
import { encodeHeader } from '../../electron/services/packages/header';
import { sealPackage } from '../../electron/services/packages/writer';
import { CITY_OFFICE, COUNTY_OFFICE } from '../e2e/support/office';

export const VECTOR_DIR = join(import.meta.dirname, '../fixtures/packages');
export const VECTOR_PACKAGE = join(VECTOR_DIR, 'vector-1.sdpkg');
export const VECTOR_VALUES = join(VECTOR_DIR, 'vector-1.json');

const fill = (byte: number, length = 32) => Buffer.alloc(length, byte);

/** Every input of test vector 1; nothing random. */
export const VECTOR_INPUTS = {
  senderSigningSeed: fill(0x01),
  senderEncryptionKey: fill(0x02),
  recipientSigningSeed: fill(0x03),
  recipientEncryptionKey: fill(0x04),
  senderOrganId: '11111111-1111-4111-8111-111111111111',
  recipientOrganId: '22222222-2222-4222-8222-222222222222',
  packageId: '33333333-3333-4333-8333-333333333333',
  createdAt: new Date('2026-03-01T08:00:00.000Z'),
  sequence: 1772352000000,
  schemaVersion: 'test-bundle/1',
  softwareAgent: 'Supervision Desk test vectors',
  chunkSize: 4096,
  /** What the writer draws from its random source, in order. */
  random: [fill(0x10), fill(0x20, 16), fill(0x30), fill(0x40)],
  files: [
    Buffer.from('现场检查笔录 / on-site inspection record\n', 'utf8'),
    Buffer.from(Array.from({ length: 7000 }, (_, i) => (i * 7) % 256)),
  ],
};

export function vectorContent(): Buffer {
  const files = VECTOR_INPUTS.files.map((f) => sha256Hex(f));
  return Buffer.from(JSON.stringify({ dossiers: [{ id: 'vector-1', title: '测试向量', files }] }), 'utf8');
}

export function vectorParties() {
  const v = VECTOR_INPUTS;
  const sender = {
    signingPublicKey: signingPublicKeyOf(v.senderSigningSeed),
    encryptionPublicKey: agreementPublicKeyOf(v.senderEncryptionKey),
  };
  const recipient = {
    signingPublicKey: signingPublicKeyOf(v.recipientSigningSeed),
    encryptionPublicKey: agreementPublicKeyOf(v.recipientEncryptionKey),
  };
  return {
    sender: { ...sender, fingerprint: keyFingerprint(sender.signingPublicKey, sender.encryptionPublicKey) },
    recipient: { ...recipient, fingerprint: keyFingerprint(recipient.signingPublicKey, recipient.encryptionPublicKey) },
  };
}

/** Writes vector 1 to `destination` with the real writer and the fixed inputs. */
export async function writeVectorPackage(destination: string): Promise<void> {
  const v = VECTOR_INPUTS;
  const parties = vectorParties();
  const dir = mkdtempSync(join(tmpdir(), 'pkg-vector-'));
  try {
    const files = v.files.map((bytes) => {
      const sha256 = sha256Hex(bytes);
      writeFileSync(join(dir, sha256), bytes);
      return { sha256, size: bytes.length, path: join(dir, sha256) };
    });
    const bag = buildBag(
      {
        packageId: v.packageId,
        createdAt: v.createdAt,
        sourceOrganization: COUNTY_OFFICE.name,
        softwareAgent: v.softwareAgent,
      },
      vectorContent(),
      files,
    );
    const random = [...v.random];
    await sealPackage({
      destination,
      packageId: v.packageId,
      createdAt: v.createdAt,
      sequence: v.sequence,
      schemaVersion: v.schemaVersion,
      sender: { organId: v.senderOrganId, organ: COUNTY_OFFICE, keyFingerprint: parties.sender.fingerprint },
      recipient: {
        organId: v.recipientOrganId,
        organName: CITY_OFFICE.name,
        divisionCode: CITY_OFFICE.divisionCode,
        keyFingerprint: parties.recipient.fingerprint,
      },
      bag,
      readers: [
        { keyFingerprint: parties.recipient.fingerprint, encryptionPublicKey: parties.recipient.encryptionPublicKey },
        { keyFingerprint: parties.sender.fingerprint, encryptionPublicKey: parties.sender.encryptionPublicKey },
      ],
      sign: (message) => ed25519Sign(signingPrivateKey(v.senderSigningSeed), message),
      chunkSize: v.chunkSize,
      random: (length) => {
        const next = random.shift();
        if (!next || next.length !== length) throw new Error('vector randomness used out of order');
        return Buffer.from(next);
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The intermediate values SPEC.md §10 lists, computed from the inputs step by step. */
export function vectorIntermediates(header: ReturnType<typeof JSON.parse>, headerBytes: Buffer) {
  const v = VECTOR_INPUTS;
  const parties = vectorParties();
  const [fileKey, salt, ephemeral] = v.random as [Buffer, Buffer, Buffer, Buffer];
  const ephemeralPublic = agreementPublicKeyOf(ephemeral);
  const shared = x25519(agreementPrivateKey(ephemeral), parties.recipient.encryptionPublicKey);
  return {
    senderFingerprint: parties.sender.fingerprint,
    recipientFingerprint: parties.recipient.fingerprint,
    senderSigningPublicKey: parties.sender.signingPublicKey.toString('hex'),
    recipientEncryptionPublicKey: parties.recipient.encryptionPublicKey.toString('hex'),
    recipientStanzaEphemeralPublicKey: ephemeralPublic.toString('hex'),
    recipientStanzaSharedSecret: shared.toString('hex'),
    recipientStanzaWrapKey: hkdfSha256(
      shared,
      Buffer.concat([ephemeralPublic, parties.recipient.encryptionPublicKey]),
      WRAP_INFO,
      32,
    ).toString('hex'),
    payloadKey: payloadKey(fileKey, salt).toString('hex'),
    firstChunkNonce: chunkNonce(0, false).toString('hex'),
    lastChunkNonce: chunkNonce(2, true).toString('hex'),
    bagDigest: header.bag.digest as string,
    contentSha256: sha256Hex(vectorContent()),
    headerSha256: sha256Hex(headerBytes),
    canonicalHeaderMatches: encodeHeader(header).equals(headerBytes),
  };
}

export const readVectorValues = () => JSON.parse(readFileSync(VECTOR_VALUES, 'utf8')) as Record<string, unknown>;
