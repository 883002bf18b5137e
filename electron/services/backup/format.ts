// The backup file format (BACKUP.md): a short header authenticated with a key derived
// from the passphrase, then one AES-256-GCM chunk stream — the same chunking, counter
// nonces and final-chunk flag as the package payload (packages/SPEC.md §6.3) — whose
// plaintext is a sequence of frames ending with the manifest.
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { canonicalBytes } from '../canonical-json';
import { constantTimeEqual, hkdfSha256, hmacSha256, type ScryptParams, scryptKey } from '../crypto/primitives';
import { DEFAULT_CHUNK_SIZE, isValidChunkSize } from '../packages/envelope';

export const BACKUP_FORMAT = 'supervision-desk-backup' as const;
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'sdbackup';
/** "SDBACKUP": lets any tool tell a backup from a package or a random file by its first bytes. */
export const BACKUP_MAGIC = Buffer.from('SDBACKUP', 'ascii');
export const MAX_HEADER_BYTES = 64 * 1024;
export const HEADER_MAC_BYTES = 32;
export const FRAME_MAGIC = Buffer.from('SDB1', 'ascii');
/** magic(4) ‖ name length u16 ‖ size u64. */
export const FRAME_HEAD_BYTES = 4 + 2 + 8;
export const MANIFEST_ENTRY = 'manifest.json';
export const SETTINGS_ENTRY = 'settings.json';
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** The same cost as the office keys' passphrase (keys/protector.ts): ~0.5 s, 128 MiB, once per backup. */
export const BACKUP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export { DEFAULT_CHUNK_SIZE };

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const backupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    backupId: z.uuid(),
    createdAt: z.string(),
    software: z.string().max(200),
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z.number().int(),
      r: z.number().int(),
      p: z.number().int(),
      salt: b64,
    }),
    /** 16 bytes derived from the passphrase key: tells a wrong passphrase from a damaged file. */
    keyCheck: b64,
    payload: z.object({
      encryption: z.literal('AES-256-GCM-chunked'),
      chunkSize: z.number().int(),
      salt: b64,
    }),
    includesOfficeKeys: z.boolean(),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z
  .object({
    format: z.literal('supervision-desk-backup-manifest'),
    backupId: z.uuid(),
    createdAt: z.string(),
    database: z.object({ name: z.string(), schemaVersion: z.number().int().nonnegative() }),
    /** Per Dexie table: rows, bytes of its NDJSON pages and SHA-256 over them in order. */
    tables: z.array(
      z.object({
        name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
        rows: z.number().int().nonnegative(),
        bytes: z.number().int().nonnegative(),
        pages: z.number().int().nonnegative(),
        sha256: sha256Hex,
      }),
    ),
    /** Per file area (evidence, documents, packages, keys): how many files and bytes. */
    areas: z.record(
      z.string(),
      z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
    ),
    /** Every frame before the manifest, in file order. */
    entries: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: sha256Hex })),
    includesOfficeKeys: z.boolean(),
  })
  .strict();
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupKeys {
  payloadKey: Buffer;
  headerKey: Buffer;
  keyCheck: Buffer;
}

const INFO = {
  check: 'supervision-desk-backup/1 key check',
  header: 'supervision-desk-backup/1 header',
  payload: 'supervision-desk-backup/1 payload',
};

/** scrypt(passphrase) → master; HKDF splits it into the check value, the header MAC key and the payload key. */
export async function deriveBackupKeys(
  passphrase: string,
  kdf: { N: number; r: number; p: number; salt: string },
  payloadSalt: string,
): Promise<BackupKeys> {
  const kdfSalt = Buffer.from(kdf.salt, 'base64');
  const master = await scryptKey(passphrase, kdfSalt, { N: kdf.N, r: kdf.r, p: kdf.p });
  const salt = Buffer.from(payloadSalt, 'base64');
  return {
    keyCheck: hkdfSha256(master, kdfSalt, INFO.check, 16),
    headerKey: hkdfSha256(master, salt, INFO.header, 32),
    payloadKey: hkdfSha256(master, salt, INFO.payload, 32),
  };
}

/** magic ‖ u32 BE header length ‖ header (canonical JSON); the MAC covers exactly these bytes. */
export function encodePreamble(header: BackupHeader): Buffer {
  const json = canonicalBytes(header);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json]);
}

export function headerMac(headerKey: Uint8Array, preamble: Uint8Array): Buffer {
  return hmacSha256(headerKey, preamble);
}

export function checkHeaderMac(headerKey: Uint8Array, preamble: Uint8Array, mac: Uint8Array): boolean {
  return constantTimeEqual(headerMac(headerKey, preamble), mac);
}

/** Bounds on the stored KDF, so a crafted file cannot make opening hang or exhaust memory. */
export function checkKdfBounds(kdf: BackupHeader['kdf']): void {
  const ok =
    Number.isInteger(Math.log2(kdf.N)) &&
    kdf.N >= 2 ** 10 &&
    kdf.N <= 2 ** 20 &&
    kdf.r >= 1 &&
    kdf.r <= 32 &&
    kdf.p >= 1 &&
    kdf.p <= 16 &&
    Buffer.from(kdf.salt, 'base64').length === 16;
  if (!ok) throw new AppError('BACKUP_DAMAGED', 'Unsupported key-derivation parameters in the backup header');
}

export function checkPayloadParams(payload: BackupHeader['payload']): void {
  if (!isValidChunkSize(payload.chunkSize) || Buffer.from(payload.salt, 'base64').length !== 16) {
    throw new AppError('BACKUP_DAMAGED', 'Unsupported payload parameters in the backup header');
  }
}

export function frameHead(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(FRAME_HEAD_BYTES + nameBytes.length);
  FRAME_MAGIC.copy(head, 0);
  head.writeUInt16BE(nameBytes.length, 4);
  head.writeBigUInt64BE(BigInt(size), 6);
  nameBytes.copy(head, FRAME_HEAD_BYTES);
  return head;
}

/** Names of frames: where each kind of content lives in the plaintext. */
export const entryNames = {
  tablePage: (table: string, page: number) => `db/${table}/${String(page).padStart(6, '0')}.ndjson`,
  file: (area: string, relative: string) => `files/${area}/${relative}`,
};

export const TABLE_PAGE = /^db\/([A-Za-z][A-Za-z0-9_]{0,63})\/(\d{6})\.ndjson$/;
export const FILE_ENTRY = /^files\/([a-z]+)\/(.+)$/;
