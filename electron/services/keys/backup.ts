import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { canonicalBytes } from '../canonical-json';
import {
  AuthenticationFailure,
  aeadOpen,
  aeadSeal,
  randomBytes,
  type ScryptParams,
  scryptKey,
} from '../crypto/primitives';
import type { OfficeKeys, SecretKeyGeneration } from './office-keys';
import { checkKdf, DEFAULT_SCRYPT, type PassphraseKdf } from './protector';

export const BACKUP_FORMAT = 'supervision-desk-key-backup' as const;
export const BACKUP_EXTENSION = 'sdkeys';
const MAX_BACKUP_BYTES = 4 * 1024 * 1024;

const backupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  organId: z.uuid(),
  createdAt: z.iso.datetime(),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string(),
  }),
  nonce: z.string(),
  ciphertext: z.string(),
});

const secretsSchema = z.strictObject({
  generations: z
    .array(
      z.strictObject({
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
        createdAt: z.string(),
        retiredAt: z.string().nullable(),
        signingSeed: z.string(),
        encryptionKey: z.string(),
        continuity: z.string().optional(),
      }),
    )
    .min(1),
});

type BackupFile = z.infer<typeof backupFileSchema>;

/** Everything but the ciphertext is bound to it as associated data. */
const associatedData = (file: Omit<BackupFile, 'ciphertext'>) => canonicalBytes(file);

/**
 * The encrypted key backup (密钥备份): every key generation, sealed with a passphrase
 * of its own (scrypt + AES-256-GCM), so that a new computer can take over the office.
 */
export async function createKeyBackup(
  keys: OfficeKeys,
  passphrase: string,
  now: Date,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const secrets = await keys.exportSecrets();
  const kdf: PassphraseKdf = { name: 'scrypt', ...params, salt: randomBytes(16).toString('base64') };
  const key = await scryptKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  const nonce = randomBytes(12);
  const header = {
    format: BACKUP_FORMAT,
    formatVersion: 1 as const,
    organId: keys.organId(),
    createdAt: now.toISOString(),
    kdf,
    nonce: nonce.toString('base64'),
  };
  const plaintext = canonicalBytes({
    generations: secrets.map((s) => ({
      fingerprint: s.fingerprint,
      createdAt: s.createdAt,
      retiredAt: s.retiredAt,
      signingSeed: s.signingSeed.toString('base64'),
      encryptionKey: s.encryptionKey.toString('base64'),
      ...(s.continuity ? { continuity: s.continuity } : {}),
    })),
  });
  const ciphertext = aeadSeal(key, nonce, plaintext, associatedData(header));
  plaintext.fill(0);
  for (const s of secrets) {
    s.signingSeed.fill(0);
    s.encryptionKey.fill(0);
  }
  return `${JSON.stringify({ ...header, ciphertext: ciphertext.toString('base64') }, null, 2)}\n`;
}

export interface OpenedBackup {
  organId: string;
  createdAt: string;
  generations: SecretKeyGeneration[];
}

/** Decrypts a backup file; a wrong passphrase and a damaged file get different codes. */
export async function openKeyBackup(bytes: Uint8Array, passphrase: string): Promise<OpenedBackup> {
  const invalid = (why: string) => new AppError('KEYS_BACKUP_INVALID', `Not a valid key backup: ${why}`);
  if (bytes.length > MAX_BACKUP_BYTES) throw invalid('too large');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid('not JSON');
  }
  const parsed = backupFileSchema.safeParse(raw);
  if (!parsed.success) throw invalid('format');
  const { ciphertext, ...header } = parsed.data;
  try {
    checkKdf(header.kdf);
  } catch {
    throw invalid('key-derivation parameters');
  }
  const nonce = Buffer.from(header.nonce, 'base64');
  if (nonce.length !== 12) throw invalid('nonce');
  const key = await scryptKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  let plaintext: Buffer;
  try {
    plaintext = aeadOpen(key, nonce, Buffer.from(ciphertext, 'base64'), associatedData(header));
  } catch (error) {
    // GCM cannot tell a wrong passphrase from a changed file; the passphrase is by far the likelier.
    if (error instanceof AuthenticationFailure) {
      throw new AppError('KEYS_WRONG_PASSPHRASE', 'The passphrase does not open this backup');
    }
    throw error;
  }
  const secrets = secretsSchema.safeParse(JSON.parse(plaintext.toString('utf8')));
  plaintext.fill(0);
  if (!secrets.success) throw invalid('contents');
  return {
    organId: header.organId,
    createdAt: header.createdAt,
    generations: secrets.data.generations.map((g) => ({
      fingerprint: g.fingerprint,
      createdAt: g.createdAt,
      retiredAt: g.retiredAt,
      signingSeed: Buffer.from(g.signingSeed, 'base64'),
      encryptionKey: Buffer.from(g.encryptionKey, 'base64'),
      ...(g.continuity ? { continuity: g.continuity } : {}),
    })),
  };
}
