import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OfficeIdentity } from '../../../shared/domain/office';
import { AppError, type FieldIssue } from '../../../shared/ipc/errors';
import { readJsonFile, writeFileAtomic, writeJsonAtomic } from '../atomic-file';
import { randomUUID, sha256Hex } from '../crypto/primitives';
import type { OfficeKeys } from '../keys/office-keys';
import type { TrustRegistry } from '../keys/trust-registry';
import { ensureFreeSpace } from '../storage/disk';
import { buildBag } from './bag';
import type { PackageEvidence } from './evidence-store';
import { PACKAGE_EXTENSION, type PackageHeader } from './header';
import { type ExportRecord, PackageLedger, type ReceivedRecord } from './ledger';
import {
  authenticateSender,
  checkRecipient,
  decryptPackage,
  type OpenedPackage,
  openPackage,
  type ReaderKey,
  senderKeysOf,
  unwrapPackageKey,
} from './reader';
import { createReceipt, readReceipt, verifyReceiptSignature } from './receipts';
import { sealPackage } from './writer';

/**
 * What the package carries is the caller's business: the dossier bundle, checked by
 * the dossier schema. The service only asks whether the data is acceptable.
 */
export interface PayloadSchema {
  /** The schemaVersion written into packages this office sends. */
  readonly schemaVersion: string;
  validate(schemaVersion: string, data: unknown, files: readonly { sha256: string; size: number }[]): FieldIssue[];
}

export interface PackageServiceOptions {
  /** userData; the service keeps userData/packages (ledger, quarantine). */
  userDataDir: string;
  keys: OfficeKeys;
  trust: TrustRegistry;
  office(): OfficeIdentity | null;
  evidence: PackageEvidence;
  payloadSchema: PayloadSchema;
  softwareAgent: string;
  now?: () => Date;
  chunkSize?: number;
}

export interface ExportRequest {
  recipientOrganId: string;
  data: unknown;
  /** SHA-256 of each evidence file or issued document to include, from the evidence store. */
  files: string[];
  /** A line for the export list, e.g. the dossier numbers. */
  label: string;
  /** Ids of the dossiers (or other records) the package carries. */
  refs: string[];
}

export interface PartySummary {
  organId: string;
  organName: string;
  divisionCode: string;
  keyFingerprint: string;
}

/** What the renderer writes into its database, after which it commits or discards the import. */
export interface ImportedPackage {
  importId: string;
  packageId: string;
  sequence: number;
  createdAt: string;
  schemaVersion: string;
  sender: PartySummary;
  data: unknown;
  files: { sha256: string; size: number }[];
}

export type ImportOutcome =
  | { path: string; fileName: string; ok: true; package: ImportedPackage }
  | {
      path: string;
      fileName: string;
      ok: false;
      error: { code: string; message: string; params?: Record<string, string | number>; issues?: FieldIssue[] };
    };

export interface OperationHooks {
  signal?: AbortSignal;
  onProgress?(phase: 'encrypting' | 'verifying' | 'decrypting', done: number, total: number): void;
}

/** How far in the future a package may claim to be made, for clocks that are a little off. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

interface PendingImport {
  importId: string;
  dir: string;
  header: PackageHeader;
  files: { sha256: string; size: number }[];
}

/**
 * Export and import of dossier packages between organs (SPEC.md), with the ledger of
 * what was sent and received, the quarantine that holds an import until the renderer
 * has written it, and receipts.
 */
export class PackageService {
  private readonly ledger: PackageLedger;
  private readonly quarantineDir: string;
  private readonly now: () => Date;
  private readonly pending = new Map<string, PendingImport>();

  constructor(private readonly options: PackageServiceOptions) {
    const dir = join(options.userDataDir, 'packages');
    this.ledger = new PackageLedger(dir);
    this.quarantineDir = join(dir, 'quarantine');
    this.now = options.now ?? (() => new Date());
  }

  private office(): OfficeIdentity {
    const office = this.options.office();
    if (!office) throw new AppError('NOT_CONFIGURED', 'Set up the office identity first');
    return office;
  }

  private ownFingerprints(): string[] {
    return this.options.keys.status().generations.map((g) => g.fingerprint);
  }

  private async readerKeys(): Promise<ReaderKey[]> {
    const keys: ReaderKey[] = [];
    for (const g of this.options.keys.generations()) {
      const privateKey = await this.options.keys.agreementKey(g.fingerprint);
      if (privateKey) keys.push({ fingerprint: g.fingerprint, privateKey, publicKey: g.encryptionPublicKey });
    }
    return keys;
  }

  /** A file name that says what the package is: 青司-to-江州市司法局-20260301-<seq>.sdpkg. */
  suggestFileName(recipientOrganId: string): string {
    const organ = this.options.trust.findOrgan(recipientOrganId);
    const date = this.now().toISOString().slice(0, 10).replaceAll('-', '');
    const from = this.options.office()?.shortName ?? 'package';
    const to = organ?.organ.name ?? 'recipient';
    return `${from}-${to}-${date}.${PACKAGE_EXTENSION}`.replace(/[\\/:*?"<>|]/g, '_');
  }

  /**
   * Everything that can be checked before the clerk picks a destination: office set up,
   * keys unlocked, recipient trusted, evidence present, data valid. Throws the first problem.
   */
  async checkExport(request: ExportRequest) {
    const office = this.office();
    const { keys, trust, evidence, payloadSchema } = this.options;
    const recipient = trust.activeKey(request.recipientOrganId);
    const signer = await keys.signer();
    const files: { sha256: string; size: number; path: string }[] = [];
    for (const sha256 of new Set(request.files)) {
      const found = await evidence.locate(sha256);
      if (!found) {
        throw new AppError('PKG_EVIDENCE_MISSING', `Evidence file ${sha256} is missing`, { params: { sha256 } });
      }
      files.push({ sha256, ...found });
    }
    const issues = payloadSchema.validate(payloadSchema.schemaVersion, request.data, files);
    if (issues.length > 0) {
      throw new AppError('PKG_INVALID_DATA', 'The dossier data does not satisfy its schema', { issues });
    }
    return { office, recipient, signer, files };
  }

  async exportPackage(request: ExportRequest, destination: string, hooks: OperationHooks = {}): Promise<ExportRecord> {
    const { keys, payloadSchema } = this.options;
    const { office, recipient, signer, files } = await this.checkExport(request);
    const own = keys.current();
    const content = Buffer.from(JSON.stringify(request.data), 'utf8');
    const createdAt = this.now();
    const packageId = randomUUID();
    const sequence = this.ledger.reserveSequence(createdAt);
    const bag = buildBag(
      { packageId, createdAt, sourceOrganization: office.name, softwareAgent: this.options.softwareAgent },
      content,
      files,
    );
    const recipientSummary = {
      organId: recipient.organ.organId,
      organName: recipient.organ.organ.name,
      divisionCode: recipient.organ.organ.divisionCode,
      keyFingerprint: recipient.key.fingerprint,
    };
    const sealed = await sealPackage({
      destination,
      packageId,
      createdAt,
      sequence,
      schemaVersion: payloadSchema.schemaVersion,
      sender: { organId: keys.organId(), organ: office, keyFingerprint: own.fingerprint },
      recipient: recipientSummary,
      bag,
      readers: [
        { keyFingerprint: recipient.key.fingerprint, encryptionPublicKey: recipient.encryptionPublicKey },
        { keyFingerprint: own.fingerprint, encryptionPublicKey: own.encryptionPublicKey },
      ],
      sign: signer.sign,
      chunkSize: this.options.chunkSize,
      signal: hooks.signal,
      onProgress: (done, total) => hooks.onProgress?.('encrypting', done, total),
    });
    const record: ExportRecord = {
      packageId,
      sequence,
      createdAt: createdAt.toISOString(),
      schemaVersion: payloadSchema.schemaVersion,
      recipient: recipientSummary,
      fileName: basename(destination),
      path: destination,
      size: sealed.size,
      bagDigest: bag.digest,
      label: request.label,
      refs: request.refs,
      contentSha256: sha256Hex(content),
      files: files.map((f) => ({ sha256: f.sha256, size: f.size })),
      status: 'sent',
      deliveredAt: null,
      receiptImportedAt: null,
    };
    this.ledger.recordExport(record);
    return record;
  }

  exports(): ExportRecord[] {
    return this.ledger.exports();
  }

  received(): ReceivedRecord[] {
    return this.ledger.received();
  }

  /** Header facts without keys, for listing the packages found on a USB stick. */
  async inspect(path: string): Promise<{ header: PackageHeader; size: number }> {
    const opened = await openPackage(path);
    return { header: opened.header, size: opened.fileSize };
  }

  /**
   * Checks, in order, everything that can be checked before decrypting: structure,
   * sender and signature, recipient, replay and age. Throws the first failure.
   */
  private async authenticate(path: string, batch: PendingImport[]): Promise<OpenedPackage> {
    const opened = await openPackage(path);
    const own = this.ownFingerprints();
    authenticateSender(opened, senderKeysOf(this.options.trust), own);
    checkRecipient(opened, this.options.keys.organId(), own);
    const { header } = opened;
    this.ledger.checkFresh(header);
    for (const other of [...this.pending.values(), ...batch]) {
      if (other.header.packageId === header.packageId) {
        throw new AppError('PKG_REPLAYED', 'This package is already being imported');
      }
    }
    if (Date.parse(header.createdAt) > this.now().getTime() + FUTURE_TOLERANCE_MS) {
      throw new AppError('PKG_FROM_FUTURE', 'The package claims to be made in the future; check both clocks', {
        params: { createdAt: header.createdAt },
      });
    }
    return opened;
  }

  /** Verifies, decrypts into quarantine and validates one package; nothing else changes. */
  async importPackage(path: string, hooks: OperationHooks = {}, batch: PendingImport[] = []): Promise<ImportedPackage> {
    hooks.onProgress?.('verifying', 0, 1);
    const opened = await this.authenticate(path, batch);
    const fileKey = unwrapPackageKey(opened, await this.readerKeys());
    const { header } = opened;
    await ensureFreeSpace(this.options.userDataDir, header.bag.dataBytes);
    const importId = randomUUID();
    const dir = join(this.quarantineDir, importId);
    const created = makeDirectories(join(dir, 'files'));
    try {
      const bag = await decryptPackage(opened, fileKey, {
        placeFile: (_bagPath, sha256) => join(dir, 'files', sha256),
        signal: hooks.signal,
        onProgress: (done, total) => hooks.onProgress?.('decrypting', done, total),
      });
      fileKey.fill(0);
      let data: unknown;
      try {
        data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bag.content));
      } catch {
        throw new AppError('PKG_INVALID_DATA', 'The dossier data is not valid JSON');
      }
      const files = bag.files.map((f) => ({ sha256: f.sha256, size: f.size }));
      const issues = this.options.payloadSchema.validate(header.schemaVersion, data, files);
      if (issues.length > 0) {
        throw new AppError('PKG_INVALID_DATA', 'The dossier data does not satisfy its schema', { issues });
      }
      const pending: PendingImport = { importId, dir, header, files };
      writeJsonAtomic(join(dir, 'import.json'), { importId, header, files });
      this.pending.set(importId, pending);
      return {
        importId,
        packageId: header.packageId,
        sequence: header.sequence,
        createdAt: header.createdAt,
        schemaVersion: header.schemaVersion,
        sender: senderPartyOf(header),
        data,
        files,
      };
    } catch (error) {
      removeCreated(created);
      throw error;
    }
  }

  /**
   * Imports several packages (e.g. everything on a USB stick), oldest first per sender
   * so that a batch is not refused for its own order. Each result stands alone.
   */
  async importPackages(paths: string[], hooks: OperationHooks = {}): Promise<ImportOutcome[]> {
    const headers = await Promise.all(
      paths.map(async (path) => {
        try {
          return { path, header: (await openPackage(path)).header };
        } catch {
          return { path, header: null };
        }
      }),
    );
    headers.sort((a, b) => {
      if (!a.header || !b.header) return a.header ? -1 : b.header ? 1 : 0;
      if (a.header.sender.organId !== b.header.sender.organId) {
        return a.header.sender.organId < b.header.sender.organId ? -1 : 1;
      }
      return a.header.sequence - b.header.sequence;
    });
    const outcomes: ImportOutcome[] = [];
    const batch: PendingImport[] = [];
    for (const { path } of headers) {
      const fileName = basename(path);
      try {
        const imported = await this.importPackage(path, hooks, batch);
        batch.push(this.pending.get(imported.importId) as PendingImport);
        outcomes.push({ path, fileName, ok: true, package: imported });
      } catch (error) {
        if (error instanceof AppError && error.code === 'CANCELLED') throw error;
        if (error instanceof AppError) {
          outcomes.push({ path, fileName, ok: false, error: error.toIpcError() });
        } else {
          const code = (error as NodeJS.ErrnoException).code;
          outcomes.push({
            path,
            fileName,
            ok: false,
            error:
              code === 'ENOSPC'
                ? { code: 'DISK_FULL', message: 'The disk is full' }
                : { code: 'IO_ERROR', message: String((error as Error).message), params: { detail: code ?? '' } },
          });
        }
      }
    }
    return outcomes;
  }

  private pendingImport(importId: string): PendingImport {
    const known = this.pending.get(importId);
    if (known) return known;
    // After a restart the quarantine folder still describes the import.
    if (!/^[0-9a-f-]{36}$/.test(importId)) throw new AppError('NOT_FOUND', 'No such import');
    const dir = join(this.quarantineDir, importId);
    const saved = readJsonFile(join(dir, 'import.json')) as Omit<PendingImport, 'dir'> | undefined;
    if (!saved) throw new AppError('NOT_FOUND', 'No such import');
    return { ...saved, dir };
  }

  /**
   * After the renderer has written the dossiers: moves the files into the evidence
   * store and records the package as received, so a replay is refused from now on.
   * All or nothing: if it fails, the files it moved go back to the quarantine and the
   * ledger is untouched, so the renderer can take its records back out and discard.
   */
  async commitImport(importId: string): Promise<{ packageId: string; filesAdded: number }> {
    const pending = this.pendingImport(importId);
    const { header } = pending;
    try {
      this.ledger.checkFresh(header);
    } catch (error) {
      this.discardImport(importId);
      throw error;
    }
    const gained: string[] = [];
    try {
      for (const file of pending.files) {
        const source = join(pending.dir, 'files', file.sha256);
        if (await this.options.evidence.adopt(file.sha256, source, file.size)) gained.push(file.sha256);
      }
      this.ledger.recordReceived({
        packageId: header.packageId,
        sequence: header.sequence,
        createdAt: header.createdAt,
        schemaVersion: header.schemaVersion,
        sender: senderPartyOf(header),
        recipientKeyFingerprint: header.recipient.keyFingerprint,
        bagDigest: header.bag.digest,
        fileCount: header.bag.fileCount,
        receivedAt: this.now().toISOString(),
        receiptWrittenAt: null,
      });
    } catch (error) {
      for (const sha256 of gained.reverse()) {
        // A file that cannot go back stays in the store: it is addressed by its hash,
        // so it is harmless, and the next import carrying it keeps it.
        await this.options.evidence.giveBack(sha256, join(pending.dir, 'files', sha256)).catch(() => undefined);
      }
      throw error;
    }
    // The package is committed; what follows only tidies up and must not undo that.
    try {
      rmSync(pending.dir, { recursive: true, force: true });
    } catch {
      // A folder left behind (a file held open) is clutter only: the package is recorded,
      // so committing it again is refused as a replay, which discards it.
    }
    this.pending.delete(importId);
    removeIfEmpty(this.quarantineDir);
    return { packageId: header.packageId, filesAdded: gained.length };
  }

  discardImport(importId: string): boolean {
    let dir: string;
    try {
      dir = this.pendingImport(importId).dir;
    } catch {
      return false;
    }
    rmSync(dir, { recursive: true, force: true });
    this.pending.delete(importId);
    removeIfEmpty(this.quarantineDir);
    return true;
  }

  /** Imports whose quarantine is still on disk (the app stopped before commit or discard). */
  pendingImportIds(): string[] {
    try {
      return readdirSync(this.quarantineDir);
    } catch {
      return [];
    }
  }

  async writeReceipt(packageId: string, destination: string): Promise<{ path: string }> {
    const received = this.ledger.findReceived(packageId);
    if (!received) throw new AppError('NOT_FOUND', 'No package with this id has been imported');
    const office = this.office();
    const signer = await this.options.keys.signer();
    const text = createReceipt(
      received,
      {
        organId: this.options.keys.organId(),
        organName: office.name,
        divisionCode: office.divisionCode,
        keyFingerprint: signer.fingerprint,
      },
      signer.sign,
      this.now(),
    );
    writeFileAtomic(destination, text);
    this.ledger.markReceiptWritten(packageId, this.now().toISOString());
    return { path: destination };
  }

  /** The sender's side: a valid receipt marks the export record delivered, with the time. */
  importReceipt(path: string): ExportRecord {
    const receipt = readReceipt(readFileSync(path));
    const { body } = receipt;
    const record = this.ledger.findExport(body.packageId);
    if (!record || body.sender.organId !== this.options.keys.organId()) {
      throw new AppError('RECEIPT_UNKNOWN_PACKAGE', 'This receipt is for a package not sent from here');
    }
    const key = this.options.trust.findKey(body.recipient.keyFingerprint);
    if (!key || key.organ.organId !== record.recipient.organId || body.recipient.organId !== record.recipient.organId) {
      throw new AppError('RECEIPT_WRONG_ORGAN', 'The receipt is not signed by the organ the package was sent to', {
        params: { organ: record.recipient.organName },
      });
    }
    if (key.key.revokedAt) {
      throw new AppError('TRUST_KEY_REVOKED', 'The key that signed this receipt has been revoked');
    }
    verifyReceiptSignature(receipt, key.signingPublicKey);
    if (body.bagDigest !== record.bagDigest || body.sequence !== record.sequence) {
      throw new AppError('RECEIPT_MISMATCH', 'The receipt describes different contents than the package sent');
    }
    if (record.status === 'delivered') return record;
    return this.ledger.markDelivered(body.packageId, body.receivedAt, this.now().toISOString());
  }
}

/** mkdir -p that reports which folders it created, so a failure can take exactly those away. */
function makeDirectories(path: string): string[] {
  const created: string[] = [];
  let at = path;
  while (!existsSync(at)) {
    created.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  mkdirSync(path, { recursive: true });
  return created;
}

/** Removes the folders makeDirectories created, deepest first, with whatever was written in them. */
function removeCreated(created: string[]): void {
  const [first] = created;
  if (first) rmSync(first, { recursive: true, force: true });
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (another import waits there) or already gone.
  }
}

/** Used until the dossier bundle schema is plugged in: any JSON object is accepted. */
export const placeholderPayloadSchema: PayloadSchema = {
  schemaVersion: 'dossier-bundle/0',
  validate: (schemaVersion, data) => {
    if (schemaVersion !== 'dossier-bundle/0') return [{ path: ['schemaVersion'], message: 'unknown' }];
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? [] : [{ path: [], message: 'object' }];
  },
};

/** The sending office as export and import records name it. */
function senderPartyOf(header: PackageHeader) {
  return {
    organId: header.sender.organId,
    organName: header.sender.organ.name,
    divisionCode: header.sender.organ.divisionCode,
    keyFingerprint: header.sender.keyFingerprint,
  };
}
