import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { buildDocumentModel } from '../../../shared/documents/build-model';
import { draftFromSource } from '../../../shared/documents/draft';
import { type DocumentFields, fieldsSchemaFor, readText } from '../../../shared/documents/fields';
import type { DocumentModel } from '../../../shared/documents/model';
import type { DocumentDetail, DocumentSummary } from '../../../shared/documents/records';
import type { DocumentSource } from '../../../shared/documents/source';
import { draftDocumentNumber, formatDocumentNumber, isIsoDate, yearOf } from '../../../shared/documents/text';
import {
  DOCUMENT_TYPE_INFO,
  DOCUMENT_TYPES,
  type DocumentFormat,
  type DocumentType,
  defaultNumberPrefix,
  numberPrefixFor,
} from '../../../shared/documents/types';
import type { OfficeIdentity } from '../../../shared/domain/office';
import { AppError, type ErrorCode, type FieldIssue } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod-setup';
import type { Logger } from '../logger';
import { writeFileAtomic } from '../storage/atomic';
import { renderDocumentDocx } from './docx-renderer';
import { Mutex, safeFileName } from './files';
import { renderDocumentHtml } from './html-renderer';
import { compactPdf } from './pdf-compact';
import type { PdfPrinter } from './pdf-printer';
import { DocumentStore, type DraftRecord, type IssuedRecord } from './store';

export interface DocumentServiceDeps {
  /** userData/documents */
  dir: string;
  office(): OfficeIdentity | null;
  printer: PdfPrinter;
  logger: Logger;
  now?: () => Date;
}

export interface DocumentTypeEntry {
  type: DocumentType;
  format: DocumentFormat;
  prefix: string;
  defaultPrefix: string;
  statistical: boolean;
}

export type BatchItemResult =
  | { index: number; ok: true; id: string; number: string | null }
  | { index: number; ok: false; id: string | null; code: ErrorCode; message: string };

/** Local calendar date, YYYY-MM-DD (not UTC: in UTC+8 the morning would be yesterday). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function validationError(error: z.ZodError, prefix: (string | number)[]): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))],
    message: issue.message,
  }));
  return new AppError('VALIDATION_FAILED', 'The document has fields that are missing or not valid', { issues });
}

/**
 * Drafting, numbering and issuing of official documents. Everything that changes the
 * documents folder runs through one mutex, so two windows issuing at once get
 * consecutive numbers; an issued document is never rewritten.
 */
export class DocumentService {
  private readonly store: DocumentStore;
  private readonly mutex = new Mutex();
  private loaded: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(private readonly deps: DocumentServiceDeps) {
    this.store = new DocumentStore(deps.dir, deps.logger);
    this.now = deps.now ?? (() => new Date());
  }

  private ready(): Promise<void> {
    this.loaded ??= this.store.load().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private office(): OfficeIdentity {
    const office = this.deps.office();
    if (!office) throw new AppError('NOT_CONFIGURED', 'The office identity is not set up');
    return office;
  }

  // ── types and prefixes ──────────────────────────────────────────────────────

  async types(): Promise<DocumentTypeEntry[]> {
    await this.ready();
    const office = this.office();
    return DOCUMENT_TYPES.map((type) => ({
      type,
      format: DOCUMENT_TYPE_INFO[type].format,
      prefix: numberPrefixFor(type, office.shortName, this.store.prefixes),
      defaultPrefix: defaultNumberPrefix(type, office.shortName),
      statistical: DOCUMENT_TYPE_INFO[type].statistical,
    }));
  }

  /** Sets a type's number prefix; null goes back to the default. Issued numbers keep theirs. */
  setPrefix(type: DocumentType, prefix: string | null): Promise<DocumentTypeEntry[]> {
    return this.mutex.run(async () => {
      await this.ready();
      const next = { ...this.store.prefixes };
      if (prefix === null) delete next[type];
      else next[type] = prefix;
      await this.store.savePrefixes(next);
      return this.types();
    });
  }

  private prefixFor(type: DocumentType): string {
    return numberPrefixFor(type, this.office().shortName, this.store.prefixes);
  }

  // ── drafts ──────────────────────────────────────────────────────────────────

  /** A new draft of `type` filled from `source` (an empty source gives a blank form). */
  createDraft(type: DocumentType, source: DocumentSource): Promise<DocumentDetail> {
    return this.mutex.run(async () => {
      await this.ready();
      const fields = draftFromSource(type, source, this.office(), { today: localIsoDate(this.now()) });
      const at = this.now().toISOString();
      const draft: DraftRecord = {
        id: randomUUID(),
        type,
        fields,
        dossierId: source.dossierId ?? null,
        correctsId: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await this.store.saveDraft(draft);
      return this.detailOfDraft(draft);
    });
  }

  saveDraft(id: string, fields: unknown): Promise<DocumentDetail> {
    return this.mutex.run(async () => {
      const draft = await this.draftOrThrow(id);
      const parsed = fieldsSchemaFor(draft.type, { complete: false }).safeParse(fields);
      if (!parsed.success) throw validationError(parsed.error, ['fields']);
      const next: DraftRecord = { ...draft, fields: parsed.data, updatedAt: this.now().toISOString() };
      await this.store.saveDraft(next);
      return this.detailOfDraft(next);
    });
  }

  deleteDraft(id: string): Promise<void> {
    return this.mutex.run(async () => {
      await this.draftOrThrow(id);
      await this.store.deleteDraft(id);
    });
  }

  private async draftOrThrow(id: string): Promise<DraftRecord> {
    await this.ready();
    if (this.store.issued.has(id)) {
      throw new AppError('DOCUMENT_ISSUED', 'An issued document cannot be changed; create a correction instead', {
        params: { number: this.store.issued.get(id)?.number ?? '' },
      });
    }
    const draft = this.store.drafts.get(id);
    if (!draft) throw new AppError('NOT_FOUND', `No draft ${id}`);
    return draft;
  }

  private async issuedOrThrow(id: string): Promise<IssuedRecord> {
    await this.ready();
    const record = this.store.issued.get(id);
    if (record) return record;
    if (this.store.drafts.has(id)) throw new AppError('DOCUMENT_NOT_ISSUED', 'The document is still a draft');
    throw new AppError('NOT_FOUND', `No document ${id}`);
  }

  // ── rendering ───────────────────────────────────────────────────────────────

  private draftModel(draft: DraftRecord): DocumentModel {
    const office = this.office();
    const fields = this.lenientFields(draft);
    const date = readText(fields, 'date');
    const year = isIsoDate(date) ? yearOf(date) : this.now().getFullYear();
    return buildDocumentModel(draft.type, fields, office, {
      number: draftDocumentNumber(this.prefixFor(draft.type), year),
      draft: true,
    });
  }

  private lenientFields(draft: DraftRecord): DocumentFields {
    const parsed = fieldsSchemaFor(draft.type, { complete: false }).safeParse(draft.fields);
    return parsed.success ? parsed.data : (draft.fields as DocumentFields);
  }

  private async printPdf(model: DocumentModel): Promise<Uint8Array> {
    try {
      return compactPdf(await this.deps.printer.print(renderDocumentHtml(model)));
    } catch (error) {
      this.deps.logger.error('PDF printing failed', { error: error instanceof Error ? error : String(error) });
      throw new AppError('DOCUMENT_RENDER_FAILED', 'The PDF could not be produced', { cause: error });
    }
  }

  /** The PDF to show before issuing (a draft) or the stored one (an issued document). */
  /** The stored issued DOCX or PDF with this SHA-256, for packages that carry documents. */
  async issuedFileByHash(sha256: string): Promise<string | null> {
    await this.ready();
    for (const record of this.store.issued.values()) {
      for (const kind of ['docx', 'pdf'] as const) {
        if (record.files[kind].sha256 === sha256) return this.store.issuedFile(record.id, kind);
      }
    }
    return null;
  }

  async preview(id: string): Promise<Uint8Array> {
    await this.ready();
    const issued = this.store.issued.get(id);
    if (issued) return (await this.verifiedFile(issued, 'pdf')).data;
    const draft = this.store.drafts.get(id);
    if (!draft) throw new AppError('NOT_FOUND', `No document ${id}`);
    return this.printPdf(this.draftModel(draft));
  }

  private async verifiedFile(record: IssuedRecord, kind: 'docx' | 'pdf') {
    const file = await this.store.readIssuedFile(record, kind);
    if (!file.intact) {
      throw new AppError('DOCUMENT_INTEGRITY', `Stored ${kind} of ${record.number} does not match its hash`, {
        params: { number: record.number },
      });
    }
    return file;
  }

  /** The bytes and a file name for saving or opening: stored files of an issued document, fresh ones for a draft. */
  async fileFor(id: string, kind: 'docx' | 'pdf'): Promise<{ data: Uint8Array; name: string }> {
    await this.ready();
    const issued = this.store.issued.get(id);
    if (issued) {
      const title = readText(issued.fields as DocumentFields, 'title');
      return {
        data: (await this.verifiedFile(issued, kind)).data,
        name: safeFileName(`${issued.number} ${title}.${kind}`),
      };
    }
    const draft = this.store.drafts.get(id);
    if (!draft) throw new AppError('NOT_FOUND', `No document ${id}`);
    const model = this.draftModel(draft);
    const data = kind === 'docx' ? await renderDocumentDocx(model) : await this.printPdf(model);
    return { data, name: safeFileName(`草稿 ${model.title}.${kind}`) };
  }

  /** Writes the document to `target` (a path the clerk chose) without touching the stored copy. */
  async saveCopy(id: string, kind: 'docx' | 'pdf', target: string): Promise<void> {
    const file = await this.fileFor(id, kind);
    await writeFileAtomic(target, file.data);
  }

  /**
   * A copy in exports/ for the system to open (WPS or Word): the stored issuance stays
   * untouched whatever the editor does with its copy.
   */
  async exportForOpening(id: string, kind: 'docx' | 'pdf'): Promise<string> {
    const file = await this.fileFor(id, kind);
    const path = this.store.exportPath(`${Date.now().toString(36)}-${file.name}`);
    await writeFileAtomic(path, file.data);
    return path;
  }

  // ── issuing ─────────────────────────────────────────────────────────────────

  private nextSeq(prefix: string, year: number): number {
    let max = 0;
    for (const r of this.store.issued.values()) if (r.prefix === prefix && r.year === year && r.seq > max) max = r.seq;
    return max + 1;
  }

  /**
   * Validates the draft completely, takes the next number for its prefix and year,
   * renders both files with it and stores them with their SHA-256. Nothing is kept
   * if any step fails, so the number stays free: no gaps, no duplicates.
   */
  issue(id: string): Promise<DocumentDetail> {
    return this.mutex.run(async () => {
      const draft = await this.draftOrThrow(id);
      const office = this.office();
      const parsed = fieldsSchemaFor(draft.type, { complete: true }).safeParse(draft.fields);
      if (!parsed.success) throw validationError(parsed.error, ['fields']);
      const fields = parsed.data;
      const prefix = this.prefixFor(draft.type);
      const year = yearOf(readText(fields, 'date'));
      const seq = this.nextSeq(prefix, year);
      const number = formatDocumentNumber(prefix, year, seq);
      const model = buildDocumentModel(draft.type, fields, office, { number, draft: false });
      const [docx, pdf] = await Promise.all([renderDocumentDocx(model), this.printPdf(model)]);
      const record = await this.store.commitIssue(
        draft,
        { number, prefix, year, seq, issuedAt: this.now().toISOString(), fields },
        { docx, pdf },
      );
      this.deps.logger.info('Document issued', { id, number, type: draft.type });
      return this.detailOfIssued(record, true);
    });
  }

  /** Records a number as voided (作废). The document and its files stay as issued. */
  voidNumber(id: string, reason: string): Promise<DocumentDetail> {
    return this.mutex.run(async () => {
      const record = await this.issuedOrThrow(id);
      if (this.store.voids.has(id)) {
        throw new AppError('DOCUMENT_VOIDED', `${record.number} is already voided`, {
          params: { number: record.number },
        });
      }
      await this.store.saveVoid({
        number: record.number,
        prefix: record.prefix,
        year: record.year,
        seq: record.seq,
        documentId: id,
        reason,
        voidedAt: this.now().toISOString(),
      });
      return this.detailOfIssued(record);
    });
  }

  /** A correction: a new draft, the next version, referring to the issued document it replaces. */
  createCorrection(id: string): Promise<DocumentDetail> {
    return this.mutex.run(async () => {
      const record = await this.issuedOrThrow(id);
      if (this.store.voids.has(id)) {
        throw new AppError('DOCUMENT_VOIDED', `${record.number} is voided`, { params: { number: record.number } });
      }
      const successor = this.successorOf(id);
      if (successor) {
        throw new AppError('DOCUMENT_SUPERSEDED', `${record.number} was already corrected by ${successor.number}`, {
          params: { number: record.number, by: successor.number },
        });
      }
      const pending = [...this.store.drafts.values()].find((d) => d.correctsId === id);
      if (pending) return this.detailOfDraft(pending);
      const at = this.now().toISOString();
      const draft: DraftRecord = {
        id: randomUUID(),
        type: record.type,
        fields: { ...record.fields, date: localIsoDate(this.now()), printDate: '' },
        dossierId: record.dossierId,
        correctsId: id,
        version: record.version + 1,
        createdAt: at,
        updatedAt: at,
      };
      await this.store.saveDraft(draft);
      return this.detailOfDraft(draft);
    });
  }

  private successorOf(id: string): IssuedRecord | undefined {
    for (const r of this.store.issued.values()) if (r.correctsId === id) return r;
    return undefined;
  }

  // ── reading ─────────────────────────────────────────────────────────────────

  async list(filter: { type?: DocumentType; status?: DocumentSummary['status']; dossierId?: string } = {}) {
    await this.ready();
    const all = [
      ...[...this.store.drafts.values()].map((d) => this.summaryOfDraft(d)),
      ...[...this.store.issued.values()].map((r) => this.summaryOfIssued(r)),
    ];
    return all
      .filter((s) => !filter.type || s.type === filter.type)
      .filter((s) => !filter.status || s.status === filter.status)
      .filter((s) => !filter.dossierId || s.dossierId === filter.dossierId)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async get(id: string): Promise<DocumentDetail> {
    await this.ready();
    const issued = this.store.issued.get(id);
    if (issued) return this.detailOfIssued(issued, await this.store.isIntact(issued));
    const draft = this.store.drafts.get(id);
    if (draft) return this.detailOfDraft(draft);
    throw new AppError('NOT_FOUND', `No document ${id}`);
  }

  private summaryOfDraft(d: DraftRecord): DocumentSummary {
    const f = d.fields as DocumentFields;
    return {
      id: d.id,
      type: d.type,
      status: 'draft',
      title: readText(f, 'title'),
      recipient: readText(f, 'recipient'),
      number: null,
      date: readText(f, 'date'),
      issuedAt: null,
      updatedAt: d.updatedAt,
      dossierId: d.dossierId,
      version: d.version,
      correctsId: d.correctsId,
      supersededById: null,
    };
  }

  private summaryOfIssued(r: IssuedRecord): DocumentSummary {
    const f = r.fields as DocumentFields;
    const successor = this.successorOf(r.id);
    return {
      id: r.id,
      type: r.type,
      status: this.store.voids.has(r.id) ? 'voided' : successor ? 'superseded' : 'issued',
      title: readText(f, 'title'),
      recipient: readText(f, 'recipient'),
      number: r.number,
      date: readText(f, 'date'),
      issuedAt: r.issuedAt,
      updatedAt: r.issuedAt,
      dossierId: r.dossierId,
      version: r.version,
      correctsId: r.correctsId,
      supersededById: successor?.id ?? null,
    };
  }

  private detailOfDraft(d: DraftRecord): DocumentDetail {
    return { ...this.summaryOfDraft(d), fields: this.lenientFields(d), files: null, intact: null, void: null };
  }

  private detailOfIssued(r: IssuedRecord, intact: boolean | null = null): DocumentDetail {
    return {
      ...this.summaryOfIssued(r),
      fields: r.fields,
      files: r.files,
      intact,
      void: this.store.voids.get(r.id) ?? null,
    };
  }

  // ── batch ───────────────────────────────────────────────────────────────────

  /**
   * One document per source (e.g. each child dossier of a campaign), drafted and, if
   * asked, issued. Items fail alone: the others go on; a cancel stops before the next
   * item and keeps what is done.
   */
  async batch(
    input: { type: DocumentType; sources: DocumentSource[]; issue: boolean },
    signal: AbortSignal,
    progress: (done: number, total: number) => void,
  ): Promise<{ results: BatchItemResult[]; cancelled: boolean }> {
    const results: BatchItemResult[] = [];
    const total = input.sources.length;
    progress(0, total);
    for (const [index, source] of input.sources.entries()) {
      if (signal.aborted) return { results, cancelled: true };
      let id: string | null = null;
      try {
        id = (await this.createDraft(input.type, source)).id;
        const number = input.issue ? (await this.issue(id)).number : null;
        results.push({ index, ok: true, id, number });
      } catch (error) {
        const code: ErrorCode = error instanceof AppError ? error.code : 'INTERNAL';
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof AppError)) this.deps.logger.error('Batch item failed', { index, error: message });
        results.push({ index, ok: false, id, code, message });
      }
      progress(index + 1, total);
    }
    return { results, cancelled: false };
  }
}

export const documentsDir = (userDataDir: string) => join(userDataDir, 'documents');
