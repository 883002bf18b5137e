import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fieldsSchemaFor } from '../../../shared/documents/fields';
import {
  documentIdSchema,
  type StoredFileInfo,
  type VoidEntry,
  voidEntrySchema,
} from '../../../shared/documents/records';
import { DOCUMENT_TYPES, type DocumentType, type NumberPrefixOverrides } from '../../../shared/documents/types';
import { z } from '../../../shared/zod-setup';
import type { Logger } from '../logger';
import { writeFileAtomic } from '../storage/atomic';
import { sha256 } from './files';

const fieldsShape = z.record(z.string(), z.unknown());

export const draftRecordSchema = z.object({
  id: documentIdSchema,
  type: z.enum(DOCUMENT_TYPES),
  fields: fieldsShape,
  dossierId: z.string().nullable(),
  correctsId: z.string().nullable(),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DraftRecord = z.infer<typeof draftRecordSchema>;

const fileInfo = z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number() });

export const issuedRecordSchema = draftRecordSchema.extend({
  number: z.string(),
  prefix: z.string(),
  year: z.number().int(),
  seq: z.number().int().min(1),
  issuedAt: z.string(),
  files: z.object({ docx: fileInfo, pdf: fileInfo }),
});
export type IssuedRecord = z.infer<typeof issuedRecordSchema>;

const settingsSchema = z.object({ prefixes: z.partialRecord(z.enum(DOCUMENT_TYPES), z.string()).default({}) });

/** Files of an issuance are read-only on disk as well as through the API. */
const READ_ONLY = 0o444;

/**
 * The documents folder (userData/documents):
 *   drafts/<id>.json                 editable drafts
 *   issued/<id>/record.json          the issued record, never rewritten
 *   issued/<id>/document.docx|pdf    the issued files, hashes in the record
 *   voids/<id>.json                  a voided number, written once
 *   settings.json                    number prefixes chosen by the office
 * An issuance is assembled in tmp/ and renamed into issued/ in one step, so it is
 * either wholly there or not at all.
 */
export class DocumentStore {
  readonly drafts = new Map<string, DraftRecord>();
  readonly issued = new Map<string, IssuedRecord>();
  readonly voids = new Map<string, VoidEntry>();
  prefixes: NumberPrefixOverrides = {};

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  private path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  async load(): Promise<void> {
    for (const sub of ['drafts', 'issued', 'voids', 'tmp', 'exports']) {
      await mkdir(this.path(sub), { recursive: true });
    }
    // Half-assembled issuances from a crash are not documents.
    for (const name of await readdir(this.path('tmp')))
      await rm(this.path('tmp', name), { recursive: true, force: true });

    for (const name of await readdir(this.path('issued'))) {
      const record = await this.readJson(this.path('issued', name, 'record.json'), issuedRecordSchema);
      if (record && record.id === name) this.issued.set(record.id, record);
    }
    for (const name of await readdir(this.path('drafts'))) {
      if (!name.endsWith('.json')) continue;
      const draft = await this.readJson(this.path('drafts', name), draftRecordSchema);
      if (!draft) continue;
      // A crash between issuing and removing the draft leaves both: the issuance wins.
      if (this.issued.has(draft.id)) await rm(this.path('drafts', name), { force: true });
      else this.drafts.set(draft.id, draft);
    }
    for (const name of await readdir(this.path('voids'))) {
      if (!name.endsWith('.json')) continue;
      const entry = await this.readJson(this.path('voids', name), voidEntrySchema);
      if (entry) this.voids.set(entry.documentId, entry);
    }
    const settings = await this.readJson(this.path('settings.json'), settingsSchema, true);
    this.prefixes = settings?.prefixes ?? {};
  }

  private async readJson<T>(path: string, schema: z.ZodType<T>, optional = false): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (!optional || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('Document file unreadable', { path, error: String(error) });
      }
      return null;
    }
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      this.logger.warn('Document file does not match its schema; skipped', { path });
    } catch {
      this.logger.warn('Document file is not JSON; skipped', { path });
    }
    return null;
  }

  async saveDraft(draft: DraftRecord): Promise<void> {
    await writeFileAtomic(this.path('drafts', `${draft.id}.json`), JSON.stringify(draft, null, 2));
    this.drafts.set(draft.id, draft);
  }

  async deleteDraft(id: string): Promise<void> {
    await rm(this.path('drafts', `${id}.json`), { force: true });
    this.drafts.delete(id);
  }

  /** Moves a draft to issued/ with its files, all or nothing. */
  async commitIssue(
    draft: DraftRecord,
    meta: {
      number: string;
      prefix: string;
      year: number;
      seq: number;
      issuedAt: string;
      fields: Record<string, unknown>;
    },
    files: { docx: Uint8Array; pdf: Uint8Array },
  ): Promise<IssuedRecord> {
    const info = (name: string, data: Uint8Array): StoredFileInfo => ({
      name,
      sha256: sha256(data),
      size: data.length,
    });
    const record: IssuedRecord = {
      ...draft,
      ...meta,
      updatedAt: meta.issuedAt,
      files: { docx: info('document.docx', files.docx), pdf: info('document.pdf', files.pdf) },
    };
    const staging = this.path('tmp', `${draft.id}-${randomBytes(4).toString('hex')}`);
    await mkdir(staging);
    try {
      await writeFileAtomic(join(staging, 'document.docx'), files.docx, READ_ONLY);
      await writeFileAtomic(join(staging, 'document.pdf'), files.pdf, READ_ONLY);
      await writeFileAtomic(join(staging, 'record.json'), JSON.stringify(record, null, 2), READ_ONLY);
      await rename(staging, this.path('issued', draft.id));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    this.issued.set(record.id, record);
    await this.deleteDraft(draft.id);
    return record;
  }

  issuedFile(id: string, kind: 'docx' | 'pdf'): string {
    return this.path('issued', id, `document.${kind}`);
  }

  exportPath(name: string): string {
    return this.path('exports', name);
  }

  /** The stored bytes, checked against the hash recorded at issuance. */
  async readIssuedFile(record: IssuedRecord, kind: 'docx' | 'pdf'): Promise<{ data: Uint8Array; intact: boolean }> {
    const data = await readFile(this.issuedFile(record.id, kind));
    return { data, intact: sha256(data) === record.files[kind].sha256 };
  }

  async isIntact(record: IssuedRecord): Promise<boolean> {
    try {
      const [docx, pdf] = await Promise.all([this.readIssuedFile(record, 'docx'), this.readIssuedFile(record, 'pdf')]);
      return docx.intact && pdf.intact;
    } catch {
      return false;
    }
  }

  async saveVoid(entry: VoidEntry): Promise<void> {
    await writeFileAtomic(this.path('voids', `${entry.documentId}.json`), JSON.stringify(entry, null, 2), READ_ONLY);
    this.voids.set(entry.documentId, entry);
  }

  async savePrefixes(prefixes: NumberPrefixOverrides): Promise<void> {
    await writeFileAtomic(this.path('settings.json'), JSON.stringify({ prefixes }, null, 2));
    this.prefixes = prefixes;
  }
}

/** Checks a stored draft's fields against its type's current schema (lenient). */
export function parseDraftFields(type: DocumentType, fields: unknown) {
  return fieldsSchemaFor(type, { complete: false }).safeParse(fields);
}
