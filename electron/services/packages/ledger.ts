import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { readJsonFile, writeJsonAtomic } from '../atomic-file';

const exportRecordSchema = z.object({
  packageId: z.string(),
  sequence: z.number().int(),
  createdAt: z.string(),
  schemaVersion: z.string(),
  recipient: z.object({
    organId: z.string(),
    organName: z.string(),
    divisionCode: z.string(),
    keyFingerprint: z.string(),
  }),
  fileName: z.string(),
  path: z.string(),
  size: z.number().int(),
  bagDigest: z.string(),
  label: z.string(),
  refs: z.array(z.string()),
  contentSha256: z.string(),
  files: z.array(z.object({ sha256: z.string(), size: z.number().int() })),
  status: z.enum(['sent', 'delivered']),
  deliveredAt: z.string().nullable(),
  receiptImportedAt: z.string().nullable(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

const receivedRecordSchema = z.object({
  packageId: z.string(),
  sequence: z.number().int(),
  createdAt: z.string(),
  schemaVersion: z.string(),
  sender: z.object({
    organId: z.string(),
    organName: z.string(),
    divisionCode: z.string(),
    keyFingerprint: z.string(),
  }),
  recipientKeyFingerprint: z.string(),
  bagDigest: z.string(),
  fileCount: z.number().int(),
  receivedAt: z.string(),
  receiptWrittenAt: z.string().nullable(),
});
export type ReceivedRecord = z.infer<typeof receivedRecordSchema>;

const outboxSchema = z.object({
  formatVersion: z.literal(1),
  lastSequence: z.number().int().min(0),
  exports: z.array(exportRecordSchema),
});
const inboxSchema = z.object({
  formatVersion: z.literal(1),
  /** Highest sequence committed per sending organ. */
  senders: z.record(z.string(), z.object({ lastSequence: z.number().int(), lastPackageId: z.string() })),
  received: z.array(receivedRecordSchema),
});
type Outbox = z.infer<typeof outboxSchema>;
type Inbox = z.infer<typeof inboxSchema>;

/** Packages this office sent and received, and the sequence numbers that keep replays out. */
export class PackageLedger {
  private readonly outboxPath: string;
  private readonly inboxPath: string;

  constructor(dir: string) {
    this.outboxPath = join(dir, 'outbox.json');
    this.inboxPath = join(dir, 'inbox.json');
  }

  private read<T>(path: string, schema: z.ZodType<T>, empty: T): T {
    let raw: unknown;
    try {
      raw = readJsonFile(path);
    } catch (error) {
      throw new AppError('IO_ERROR', `${path} cannot be read`, { params: { detail: 'ledger' }, cause: error });
    }
    if (raw === undefined) return empty;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new AppError('IO_ERROR', `${path} is damaged`, { params: { detail: 'ledger' } });
    return parsed.data;
  }

  private outbox(): Outbox {
    return this.read(this.outboxPath, outboxSchema, { formatVersion: 1, lastSequence: 0, exports: [] });
  }

  private inbox(): Inbox {
    return this.read(this.inboxPath, inboxSchema, { formatVersion: 1, senders: {}, received: [] });
  }

  /**
   * The next per-sender sequence number, persisted before use. It is at least the
   * current time in milliseconds, so an office restored from an old key backup
   * (whose counter went back) still numbers its packages above everything it sent.
   */
  reserveSequence(now: Date): number {
    const outbox = this.outbox();
    const next = Math.max(outbox.lastSequence + 1, now.getTime());
    writeJsonAtomic(this.outboxPath, { ...outbox, lastSequence: next });
    return next;
  }

  recordExport(record: ExportRecord): void {
    const outbox = this.outbox();
    writeJsonAtomic(this.outboxPath, { ...outbox, exports: [...outbox.exports, record] });
  }

  exports(): ExportRecord[] {
    return this.outbox().exports;
  }

  findExport(packageId: string): ExportRecord | undefined {
    return this.outbox().exports.find((e) => e.packageId === packageId);
  }

  markDelivered(packageId: string, deliveredAt: string, receiptImportedAt: string): ExportRecord {
    const outbox = this.outbox();
    let updated: ExportRecord | undefined;
    const exports = outbox.exports.map((e) => {
      if (e.packageId !== packageId) return e;
      updated = { ...e, status: 'delivered' as const, deliveredAt, receiptImportedAt };
      return updated;
    });
    if (!updated) throw new AppError('RECEIPT_UNKNOWN_PACKAGE', 'No package with this id was sent from here');
    writeJsonAtomic(this.outboxPath, { ...outbox, exports });
    return updated;
  }

  /** Refuses a package already imported (replay) or older than the newest one from its sender. */
  checkFresh(header: { packageId: string; sequence: number; sender: { organId: string } }): void {
    const inbox = this.inbox();
    if (inbox.received.some((r) => r.packageId === header.packageId)) {
      throw new AppError('PKG_REPLAYED', 'This package has already been imported');
    }
    const last = inbox.senders[header.sender.organId];
    if (last && header.sequence <= last.lastSequence) {
      throw new AppError('PKG_OUTDATED', 'A newer package from this sender has already been imported', {
        params: { sequence: header.sequence, latest: last.lastSequence },
      });
    }
  }

  recordReceived(record: ReceivedRecord): void {
    const inbox = this.inbox();
    const last = inbox.senders[record.sender.organId];
    const senders = {
      ...inbox.senders,
      [record.sender.organId]:
        last && last.lastSequence > record.sequence
          ? last
          : { lastSequence: record.sequence, lastPackageId: record.packageId },
    };
    writeJsonAtomic(this.inboxPath, { ...inbox, senders, received: [...inbox.received, record] });
  }

  received(): ReceivedRecord[] {
    return this.inbox().received;
  }

  findReceived(packageId: string): ReceivedRecord | undefined {
    return this.inbox().received.find((r) => r.packageId === packageId);
  }

  markReceiptWritten(packageId: string, at: string): void {
    const inbox = this.inbox();
    const received = inbox.received.map((r) => (r.packageId === packageId ? { ...r, receiptWrittenAt: at } : r));
    writeJsonAtomic(this.inboxPath, { ...inbox, received });
  }
}
