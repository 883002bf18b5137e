import { readdirSync, rmSync } from 'node:fs';
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

const outboxSchema = z.object({ formatVersion: z.literal(1), lastSequence: z.number().int().min(0) });
const inboxSchema = z.object({
  formatVersion: z.literal(1),
  /** Highest sequence committed per sending organ. */
  senders: z.record(z.string(), z.object({ lastSequence: z.number().int(), lastPackageId: z.string() })),
});
type Outbox = z.infer<typeof outboxSchema>;
type Inbox = z.infer<typeof inboxSchema>;

const isPackageId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

/**
 * Packages this office sent and received, and the sequence numbers that keep replays
 * out. One small file per package (packages/exports/<id>.json, packages/received/<id>.json)
 * so that recording one costs the same after ten years as on the first day.
 */
export class PackageLedger {
  private readonly outboxPath: string;
  private readonly inboxPath: string;
  private readonly exportsDir: string;
  private readonly receivedDir: string;

  constructor(dir: string) {
    this.outboxPath = join(dir, 'outbox.json');
    this.inboxPath = join(dir, 'inbox.json');
    this.exportsDir = join(dir, 'exports');
    this.receivedDir = join(dir, 'received');
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

  private readAll<T>(dir: string, schema: z.ZodType<T>): T[] {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    return names.map((n) => this.read(join(dir, n), schema, undefined as T)).filter((r) => r !== undefined);
  }

  private outbox(): Outbox {
    return this.read(this.outboxPath, outboxSchema, { formatVersion: 1, lastSequence: 0 });
  }

  private inbox(): Inbox {
    return this.read(this.inboxPath, inboxSchema, { formatVersion: 1, senders: {} });
  }

  /**
   * The next per-sender sequence number, persisted before use. It is at least the
   * current time in milliseconds, so an office restored from an old key backup
   * (whose counter went back) still numbers its packages above everything it sent.
   */
  reserveSequence(now: Date): number {
    const next = Math.max(this.outbox().lastSequence + 1, now.getTime());
    writeJsonAtomic(this.outboxPath, { formatVersion: 1, lastSequence: next });
    return next;
  }

  recordExport(record: ExportRecord): void {
    writeJsonAtomic(join(this.exportsDir, `${record.packageId}.json`), record);
  }

  /** Oldest first. */
  exports(): ExportRecord[] {
    return this.readAll(this.exportsDir, exportRecordSchema).sort((a, b) => a.sequence - b.sequence);
  }

  findExport(packageId: string): ExportRecord | undefined {
    if (!isPackageId(packageId)) return undefined;
    return this.read<ExportRecord | undefined>(
      join(this.exportsDir, `${packageId}.json`),
      exportRecordSchema,
      undefined,
    );
  }

  markDelivered(packageId: string, deliveredAt: string, receiptImportedAt: string): ExportRecord {
    const record = this.findExport(packageId);
    if (!record) throw new AppError('RECEIPT_UNKNOWN_PACKAGE', 'No package with this id was sent from here');
    const updated: ExportRecord = { ...record, status: 'delivered', deliveredAt, receiptImportedAt };
    this.recordExport(updated);
    return updated;
  }

  /** Refuses a package already imported (replay) or older than the newest one from its sender. */
  checkFresh(header: { packageId: string; sequence: number; sender: { organId: string } }): void {
    if (this.findReceived(header.packageId)) {
      throw new AppError('PKG_REPLAYED', 'This package has already been imported');
    }
    const last = this.inbox().senders[header.sender.organId];
    if (last && header.sequence <= last.lastSequence) {
      throw new AppError('PKG_OUTDATED', 'A newer package from this sender has already been imported', {
        params: { sequence: header.sequence, latest: last.lastSequence },
      });
    }
  }

  /**
   * Records a package as received, all or nothing: a commit that fails here is undone
   * by its caller, so no trace of it may stay in the ledger.
   */
  recordReceived(record: ReceivedRecord): void {
    const inbox = this.inbox();
    const path = join(this.receivedDir, `${record.packageId}.json`);
    writeJsonAtomic(path, record);
    const last = inbox.senders[record.sender.organId];
    if (!last || last.lastSequence < record.sequence) {
      inbox.senders[record.sender.organId] = { lastSequence: record.sequence, lastPackageId: record.packageId };
      try {
        writeJsonAtomic(this.inboxPath, inbox);
      } catch (error) {
        rmSync(path, { force: true });
        throw error;
      }
    }
  }

  /** Oldest first. */
  received(): ReceivedRecord[] {
    return this.readAll(this.receivedDir, receivedRecordSchema).sort((a, b) =>
      a.receivedAt.localeCompare(b.receivedAt),
    );
  }

  findReceived(packageId: string): ReceivedRecord | undefined {
    if (!isPackageId(packageId)) return undefined;
    return this.read<ReceivedRecord | undefined>(
      join(this.receivedDir, `${packageId}.json`),
      receivedRecordSchema,
      undefined,
    );
  }

  markReceiptWritten(packageId: string, at: string): void {
    const record = this.findReceived(packageId);
    if (record) writeJsonAtomic(join(this.receivedDir, `${packageId}.json`), { ...record, receiptWrittenAt: at });
  }
}
