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
