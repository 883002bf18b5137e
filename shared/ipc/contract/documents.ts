import {
  DOCUMENT_STATUSES,
  documentDetailSchema,
  documentIdSchema,
  documentSummarySchema,
} from '../../documents/records';
import { documentSourceSchema } from '../../documents/source';
import { DOCUMENT_TYPES } from '../../documents/types';
import { z } from '../../zod-setup';
import { ERROR_CODES } from '../errors';

const none = z.undefined();
const type = z.enum(DOCUMENT_TYPES);
const byId = z.object({ id: documentIdSchema });
const fileKind = z.enum(['docx', 'pdf']);

const typeEntry = z.object({
  type,
  format: z.enum(['redHeader', 'letter']),
  prefix: z.string(),
  defaultPrefix: z.string(),
  statistical: z.boolean(),
});

const batchItem = z.union([
  z.object({ index: z.number().int(), ok: z.literal(true), id: z.string(), number: z.string().nullable() }),
  z.object({
    index: z.number().int(),
    ok: z.literal(false),
    id: z.string().nullable(),
    code: z.enum(ERROR_CODES),
    message: z.string(),
  }),
]);

export const documentsChannels = {
  'documents.types': { input: none, output: z.array(typeEntry) },
  /** A number prefix for a type, e.g. 青司执监意; null restores the default. */
  'documents.setPrefix': {
    input: z.object({ type, prefix: z.string().trim().min(1).max(20).nullable() }),
    output: z.array(typeEntry),
  },
  /** A new draft filled from a source (a dossier's data, or {} for a blank form). */
  'documents.createDraft': { input: z.object({ type, source: documentSourceSchema }), output: documentDetailSchema },
  'documents.saveDraft': {
    input: z.object({ id: documentIdSchema, fields: z.record(z.string(), z.unknown()) }),
    output: documentDetailSchema,
  },
  'documents.deleteDraft': { input: byId, output: z.object({ deleted: z.literal(true) }) },
  /** The PDF as base64: a draft rendered now, an issued document's stored file. */
  'documents.preview': { input: byId, output: z.object({ pdfBase64: z.string() }) },
  'documents.issue': { input: byId, output: documentDetailSchema },
  'documents.list': {
    input: z
      .object({
        type: type.optional(),
        status: z.enum(DOCUMENT_STATUSES).optional(),
        dossierId: z.string().max(100).optional(),
      })
      .optional(),
    output: z.array(documentSummarySchema),
  },
  'documents.get': { input: byId, output: documentDetailSchema },
  'documents.void': {
    input: z.object({ id: documentIdSchema, reason: z.string().trim().min(1).max(200) }),
    output: documentDetailSchema,
  },
  'documents.correct': { input: byId, output: documentDetailSchema },
  /** Asks where to save (system dialog); path is null when the clerk cancelled. */
  'documents.saveAs': {
    input: z.object({ id: documentIdSchema, format: fileKind }),
    output: z.object({ path: z.string().nullable() }),
  },
  /** Opens a copy with the system's program for the file (WPS or Word for DOCX). */
  'documents.open': {
    input: z.object({ id: documentIdSchema, format: fileKind }),
    output: z.object({ opened: z.boolean() }),
  },
  /** One document per source, with op.progress events; ops.cancel stops it. */
  'documents.batch': {
    input: z.object({
      opId: z.string().min(1).max(100),
      type,
      sources: z.array(documentSourceSchema).min(1).max(500),
      issue: z.boolean(),
    }),
    output: z.object({ results: z.array(batchItem), cancelled: z.boolean() }),
  },
} as const;
