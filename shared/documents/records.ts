import { z } from '../zod-setup';
import { DOCUMENT_TYPES } from './types';

/**
 * Statuses as the list shows them. Only draft → issued is a change of the record;
 * voided and superseded are facts recorded beside an issued document, never in it.
 */
export const DOCUMENT_STATUSES = ['draft', 'issued', 'voided', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documentIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, { message: 'id' });

const fileInfoSchema = z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number() });
export type StoredFileInfo = z.infer<typeof fileInfoSchema>;

export const documentSummarySchema = z.object({
  id: documentIdSchema,
  type: z.enum(DOCUMENT_TYPES),
  status: z.enum(DOCUMENT_STATUSES),
  title: z.string(),
  recipient: z.string(),
  /** Null for a draft. */
  number: z.string().nullable(),
  /** 成文日期 YYYY-MM-DD, or '' when not yet set. */
  date: z.string(),
  issuedAt: z.string().nullable(),
  updatedAt: z.string(),
  dossierId: z.string().nullable(),
  /** 1 for an original; a correction is the next version of the one it corrects. */
  version: z.number().int().min(1),
  /** The issued document this one corrects. */
  correctsId: z.string().nullable(),
  /** The correction that replaced this one, if any. */
  supersededById: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const voidEntrySchema = z.object({
  number: z.string(),
  prefix: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  documentId: z.string(),
  reason: z.string(),
  voidedAt: z.string(),
});
export type VoidEntry = z.infer<typeof voidEntrySchema>;

export const documentDetailSchema = documentSummarySchema.extend({
  fields: z.record(z.string(), z.unknown()),
  /** Issued only: the stored files and whether their bytes still match their hashes. */
  files: z.object({ docx: fileInfoSchema, pdf: fileInfoSchema }).nullable(),
  intact: z.boolean().nullable(),
  void: voidEntrySchema.nullable(),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;
