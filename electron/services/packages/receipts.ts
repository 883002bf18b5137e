import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { canonicalBytes } from '../canonical-json';
import { ed25519Verify } from '../crypto/primitives';
import type { ReceivedRecord } from './ledger';

export const RECEIPT_FORMAT = 'supervision-desk-receipt';
export const RECEIPT_EXTENSION = 'sdrcpt';
const RECEIPT_DOMAIN = 'supervision-desk-receipt/1\n';
const MAX_RECEIPT_BYTES = 64 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const receiptBodySchema = z.strictObject({
  packageId: z.uuid(),
  bagDigest: hex64,
  sequence: z.number().int().min(1),
  /** The organ that sent the package (and now receives this receipt). */
  sender: z.strictObject({ organId: z.uuid(), keyFingerprint: hex64 }),
  /** The organ that received the package and signs the receipt. */
  recipient: z.strictObject({
    organId: z.uuid(),
    organName: z.string().min(1).max(60),
    divisionCode: z.string().regex(/^\d{6}$/),
    keyFingerprint: hex64,
  }),
  receivedAt: z.iso.datetime(),
  issuedAt: z.iso.datetime(),
});

const receiptFileSchema = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  formatVersion: z.literal(1),
  receipt: z.record(z.string(), z.unknown()),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});

export type ReceiptBody = z.infer<typeof receiptBodySchema>;

const message = (body: unknown) => Buffer.concat([Buffer.from(RECEIPT_DOMAIN), canonicalBytes(body)]);

/** The signed receipt (回执) a recipient writes after committing an import. */
export function createReceipt(
  received: ReceivedRecord,
  own: { organId: string; organName: string; divisionCode: string; keyFingerprint: string },
  sign: (message: Uint8Array) => Buffer,
  now: Date,
): string {
  const body: ReceiptBody = {
    packageId: received.packageId,
    bagDigest: received.bagDigest,
    sequence: received.sequence,
    sender: { organId: received.sender.organId, keyFingerprint: received.sender.keyFingerprint },
    recipient: own,
    receivedAt: received.receivedAt,
    issuedAt: now.toISOString(),
  };
  const file = {
    format: RECEIPT_FORMAT,
    formatVersion: 1,
    receipt: body,
    signature: sign(message(body)).toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface ParsedReceipt {
  body: ReceiptBody;
  signature: Buffer;
  signed: Buffer;
}

export function readReceipt(bytes: Uint8Array): ParsedReceipt {
  const invalid = (why: string) => new AppError('RECEIPT_INVALID', `Not a valid receipt: ${why}`);
  if (bytes.length > MAX_RECEIPT_BYTES) throw invalid('too large');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid('not JSON');
  }
  const file = receiptFileSchema.safeParse(raw);
  if (!file.success) throw invalid('format');
  const body = receiptBodySchema.safeParse(file.data.receipt);
  if (!body.success) throw invalid('fields');
  return {
    body: body.data,
    signature: Buffer.from(file.data.signature, 'base64'),
    signed: message(file.data.receipt),
  };
}

export function verifyReceiptSignature(receipt: ParsedReceipt, signingPublicKey: Uint8Array): void {
  if (!ed25519Verify(signingPublicKey, receipt.signed, receipt.signature)) {
    throw new AppError('RECEIPT_BAD_SIGNATURE', 'The receipt signature does not verify');
  }
}
