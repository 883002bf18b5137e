import { type OfficeIdentity, officeIdentitySchema } from '../../../shared/domain/office';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { canonicalBytes } from '../canonical-json';
import { ed25519Verify } from '../crypto/primitives';
import { keyFingerprint } from './fingerprint';
import type { OfficeKeys } from './office-keys';

export const CERTIFICATE_FORMAT = 'supervision-desk-organ-certificate';
export const CERTIFICATE_EXTENSION = 'sdcert';
const CERTIFICATE_DOMAIN = 'supervision-desk-organ-certificate/1\n';
/** A certificate is a few KiB; anything much larger is not one. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes);

const certificateBodySchema = z.strictObject({
  organId: z.uuid(),
  organ: officeIdentitySchema,
  signingPublicKey: b64(32),
  encryptionPublicKey: b64(32),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  keyCreatedAt: z.iso.datetime(),
  issuedAt: z.iso.datetime(),
  /** Present after a rotation: the previous key vouches for this one. */
  previous: z
    .strictObject({
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      continuity: b64(64),
    })
    .optional(),
});

const certificateFileSchema = z.strictObject({
  format: z.literal(CERTIFICATE_FORMAT),
  formatVersion: z.literal(1),
  certificate: z.record(z.string(), z.unknown()),
  signature: b64(64),
});

export type CertificateBody = z.infer<typeof certificateBodySchema>;

/** An organ certificate (机关证书) that verified: its self-signature holds. */
export interface OrganCertificate {
  organId: string;
  organ: OfficeIdentity;
  fingerprint: string;
  signingPublicKey: Buffer;
  encryptionPublicKey: Buffer;
  keyCreatedAt: string;
  issuedAt: string;
  previous?: { fingerprint: string; continuity: Buffer };
}

const signedMessage = (body: unknown): Buffer => Buffer.concat([Buffer.from(CERTIFICATE_DOMAIN), canonicalBytes(body)]);

/** Builds this office's certificate file: identity, current public keys, self-signature. */
export async function issueCertificate(keys: OfficeKeys, organ: OfficeIdentity, now: Date): Promise<string> {
  const all = keys.generations();
  const current = all[all.length - 1];
  if (!current) throw new AppError('KEYS_NOT_SET_UP', 'The office has no keys yet');
  const previous = all[all.length - 2];
  const body: CertificateBody = {
    organId: keys.organId(),
    organ,
    signingPublicKey: current.signingPublicKey.toString('base64'),
    encryptionPublicKey: current.encryptionPublicKey.toString('base64'),
    fingerprint: current.fingerprint,
    keyCreatedAt: current.createdAt,
    issuedAt: now.toISOString(),
    ...(previous && current.continuity
      ? { previous: { fingerprint: previous.fingerprint, continuity: current.continuity.toString('base64') } }
      : {}),
  };
  const signer = await keys.signer();
  const file = {
    format: CERTIFICATE_FORMAT,
    formatVersion: 1,
    certificate: body,
    signature: signer.sign(signedMessage(body)).toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const invalid = (reason: string) =>
  new AppError('TRUST_CERTIFICATE_INVALID', `Not a valid organ certificate: ${reason}`, { params: { reason } });

/** Parses and checks a certificate file: format, self-signature, fingerprint. */
export function readCertificate(bytes: Uint8Array): OrganCertificate {
  if (bytes.length > MAX_CERTIFICATE_BYTES) throw invalid('too-large');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid('not-json');
  }
  const file = certificateFileSchema.safeParse(raw);
  if (!file.success) throw invalid('format');
  const bodyCheck = certificateBodySchema.safeParse(file.data.certificate);
  if (!bodyCheck.success) throw invalid('fields');
  const body = bodyCheck.data;
  const signingPublicKey = Buffer.from(body.signingPublicKey, 'base64');
  const encryptionPublicKey = Buffer.from(body.encryptionPublicKey, 'base64');
  if (keyFingerprint(signingPublicKey, encryptionPublicKey) !== body.fingerprint) throw invalid('fingerprint');
  // The signature covers the certificate object exactly as the issuer wrote it.
  if (
    !ed25519Verify(signingPublicKey, signedMessage(file.data.certificate), Buffer.from(file.data.signature, 'base64'))
  ) {
    throw invalid('signature');
  }
  return {
    organId: body.organId,
    organ: body.organ,
    fingerprint: body.fingerprint,
    signingPublicKey,
    encryptionPublicKey,
    keyCreatedAt: body.keyCreatedAt,
    issuedAt: body.issuedAt,
    ...(body.previous
      ? {
          previous: {
            fingerprint: body.previous.fingerprint,
            continuity: Buffer.from(body.previous.continuity, 'base64'),
          },
        }
      : {}),
  };
}
