/**
 * Every error that crosses the IPC boundary carries one of these codes. The renderer
 * shows the localized text for the code (catalogue `errors.<CODE>`); `message` is the
 * English detail for logs and the CLI.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'IO_ERROR',
  'DISK_FULL',
  'INSUFFICIENT_SPACE',
  'NOT_CONFIGURED',
  'INTERNAL',
  // Documents: an issued document is immutable; these say why a request could not proceed.
  'DOCUMENT_ISSUED',
  'DOCUMENT_NOT_ISSUED',
  'DOCUMENT_VOIDED',
  'DOCUMENT_SUPERSEDED',
  'DOCUMENT_INTEGRITY',
  'DOCUMENT_RENDER_FAILED',
  'TABLE_TOO_LARGE',
  'TABLE_TOO_MANY_ROWS',
  'TABLE_FORMAT_UNSUPPORTED',
  'TABLE_UNREADABLE',
  'EVIDENCE_NOT_A_FILE',
  'EVIDENCE_SOURCE_CHANGED',
  'PATH_NOT_GRANTED',
  'CRYPTO_SELF_TEST_FAILED',
  // Office keys (本机关密钥)
  'KEYS_NOT_SET_UP',
  'KEYS_ALREADY_SET_UP',
  'KEYS_LOCKED',
  'KEYS_WRONG_PASSPHRASE',
  'KEYS_PROTECTION_UNAVAILABLE',
  'KEYS_FILE_DAMAGED',
  'KEYS_BACKUP_INVALID',
  'KEYS_BACKUP_OTHER_ORGAN',
  // Trust registry of other organs' certificates
  'TRUST_CERTIFICATE_INVALID',
  'TRUST_OWN_CERTIFICATE',
  'TRUST_KEY_REVOKED',
  'TRUST_PREVIEW_EXPIRED',
  'TRUST_FINGERPRINT_MISMATCH',
  'TRUST_NO_ACTIVE_KEY',
  // Dossier packages (案卷交换包)
  'PKG_NOT_A_PACKAGE',
  'PKG_TRUNCATED',
  'PKG_TRAILING_DATA',
  'PKG_MALFORMED',
  'PKG_UNSUPPORTED_VERSION',
  'PKG_UNSAFE_NAME',
  'PKG_LINK_ENTRY',
  'PKG_DUPLICATE_ENTRY',
  'PKG_COMPRESSED_ENTRY',
  'PKG_SIZE_MISMATCH',
  'PKG_UNEXPECTED_ENTRY',
  'PKG_UNLISTED_FILE',
  'PKG_MISSING_FILE',
  'PKG_LIMIT_EXCEEDED',
  'PKG_HEADER_DAMAGED',
  'PKG_BAD_SIGNATURE',
  'PKG_UNKNOWN_SENDER',
  'PKG_SENDER_REVOKED',
  'PKG_OWN_PACKAGE',
  'PKG_WRONG_RECIPIENT',
  'PKG_NO_KEY',
  'PKG_REPLAYED',
  'PKG_OUTDATED',
  'PKG_FROM_FUTURE',
  'PKG_CHUNK_DAMAGED',
  'PKG_FINAL_CHUNK_DAMAGED',
  'PKG_HASH_MISMATCH',
  'PKG_CRC_MISMATCH',
  'PKG_INVALID_DATA',
  'PKG_EVIDENCE_MISSING',
  'PKG_EVIDENCE_CHANGED',
  // Receipts (回执)
  'RECEIPT_INVALID',
  'RECEIPT_BAD_SIGNATURE',
  'RECEIPT_UNKNOWN_PACKAGE',
  'RECEIPT_WRONG_ORGAN',
  'RECEIPT_MISMATCH',
  // Backup and restore (备份与恢复)
  'BACKUP_NOT_A_BACKUP',
  'BACKUP_UNSUPPORTED_VERSION',
  'BACKUP_WRONG_PASSPHRASE',
  'BACKUP_DAMAGED',
  'BACKUP_TRUNCATED',
  'BACKUP_HASH_MISMATCH',
  'BACKUP_RESTORE_MISMATCH',
  'BACKUP_DATABASE_NEWER',
  'BACKUP_PASSPHRASE_NOT_STORED',
  'BACKUP_FOLDER_NOT_SET',
  'BACKUP_CHANGED_DURING',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Path into the input, e.g. ["office", "divisionCode"]. */
  path: (string | number)[];
  message: string;
}

export interface IpcError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Values for the localized message, e.g. { name: "a.pdf" }. */
  params?: Record<string, string | number>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by services to report an expected failure with a contract code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly issues?: FieldIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { params?: Record<string, string | number>; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params;
    this.issues = options.issues;
  }

  toIpcError(): IpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
