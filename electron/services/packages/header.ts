import { officeIdentitySchema } from '../../../shared/domain/office';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { canonicalBytes } from '../canonical-json';
import { ed25519Verify } from '../crypto/primitives';
import { ciphertextSize, isValidChunkSize } from './envelope';

export const PACKAGE_FORMAT = 'supervision-desk-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = 'sdpkg';
export const ENTRY_HEADER = 'header.json';
export const ENTRY_SIGNATURE = 'header.sig';
export const ENTRY_PAYLOAD = 'payload.bin';
/** The entries of a v1 package, in their required order. */
export const PACKAGE_ENTRIES = [ENTRY_HEADER, ENTRY_SIGNATURE, ENTRY_PAYLOAD] as const;
export const MAX_HEADER_BYTES = 64 * 1024;
const SIGNATURE_DOMAIN = Buffer.from('supervision-desk-package/1 header\n');

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, { message: `must be ${bytes} bytes` });
const isoTime = z.iso.datetime();

export const stanzaSchema = z.strictObject({
  keyFingerprint: hex64,
  ephemeralPublicKey: base64(32),
  wrappedKey: base64(48),
});

export const headerSchema = z
  .strictObject({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
    packageId: z.uuid(),
    createdAt: isoTime,
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    schemaVersion: z.string().min(1).max(64),
    sender: z.strictObject({ organId: z.uuid(), organ: officeIdentitySchema, keyFingerprint: hex64 }),
    recipient: z.strictObject({
      organId: z.uuid(),
      organName: z.string().min(1).max(60),
      divisionCode: z.string().regex(/^\d{6}$/),
      keyFingerprint: hex64,
    }),
    bag: z.strictObject({
      /** SHA-256 of tagmanifest-sha256.txt, which pins every other byte of the bag. */
      digest: hex64,
      fileCount: z.number().int().min(1).max(1_000_000),
      dataBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    }),
    payload: z.strictObject({
      encryption: z.literal('AES-256-GCM-chunked'),
      chunkSize: z.number().int().refine(isValidChunkSize, { message: 'chunk size' }),
      plaintextSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      ciphertextSize: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      salt: base64(16),
    }),
    keys: z.array(stanzaSchema).min(1).max(8),
  })
  .refine((h) => h.payload.ciphertextSize === ciphertextSize(h.payload.plaintextSize, h.payload.chunkSize), {
    message: 'ciphertextSize does not follow from plaintextSize and chunkSize',
    path: ['payload', 'ciphertextSize'],
  });

export type PackageHeader = z.infer<typeof headerSchema>;

/** The header bytes as written: canonical JSON, so identical inputs give identical packages. */
export const encodeHeader = (header: PackageHeader): Buffer => canonicalBytes(header);

export const headerSigningMessage = (headerBytes: Uint8Array): Buffer => Buffer.concat([SIGNATURE_DOMAIN, headerBytes]);

export function verifyHeaderSignature(headerBytes: Uint8Array, signature: Uint8Array, signingKey: Uint8Array): boolean {
  return ed25519Verify(signingKey, headerSigningMessage(headerBytes), signature);
}

/**
 * Parses header.json in two steps, so that a future format is recognised as such
 * (PKG_UNSUPPORTED_VERSION) before its fields are held against v1's schema.
 */
export function parseHeader(bytes: Uint8Array): PackageHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('PKG_MALFORMED', 'header.json is not valid UTF-8 JSON', { params: { detail: 'header.json' } });
  }
  const envelope = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(raw);
  if (!envelope.success || envelope.data.format !== PACKAGE_FORMAT) {
    throw new AppError('PKG_NOT_A_PACKAGE', 'header.json does not describe a dossier package');
  }
  if (envelope.data.formatVersion !== PACKAGE_FORMAT_VERSION) {
    throw new AppError(
      'PKG_UNSUPPORTED_VERSION',
      `Package format version ${envelope.data.formatVersion} is not supported (this software reads version ${PACKAGE_FORMAT_VERSION})`,
      { params: { version: String(envelope.data.formatVersion).slice(0, 20), supported: PACKAGE_FORMAT_VERSION } },
    );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = `header.json ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
    throw new AppError('PKG_MALFORMED', detail, { params: { detail } });
  }
  return parsed.data;
}
