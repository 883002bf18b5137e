import { z } from '../../zod-setup';

/** What the main process's evidence store reports about a file it took in. */
export const storedFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(120),
  alreadyStored: z.boolean(),
});
export type StoredFileInfo = z.infer<typeof storedFileSchema>;

const opId = z.string().min(1).max(100);
const uploadId = z.string().regex(/^[0-9a-f]{24}$/);
/** Largest piece of a chunked upload; the renderer sends 2 MiB pieces. */
export const EVIDENCE_CHUNK_MAX = 8 * 1024 * 1024;

export const evidenceChannels = {
  /** Asks for one or more files and copies each into the store (progress on opId). */
  'evidence.addFromDialog': {
    input: z.object({ opId }),
    output: z.object({ files: z.array(storedFileSchema).max(500) }),
  },
  /** Copies a drag-and-dropped file, named by the token the preload got for its path. */
  'evidence.addDropped': {
    input: z.object({ opId, token: z.string().regex(/^[0-9a-f]{32}$/) }),
    output: storedFileSchema,
  },
  /** A dropped file with no path on disk arrives in chunks. */
  'evidence.uploadBegin': {
    input: z.object({
      fileName: z.string().min(1).max(255),
      size: z
        .number()
        .int()
        .min(0)
        .max(2 ** 50),
    }),
    output: z.object({ uploadId }),
  },
  'evidence.uploadChunk': {
    input: z.object({
      uploadId,
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= EVIDENCE_CHUNK_MAX, { message: 'chunk.tooLarge' }),
    }),
    output: z.object({ received: z.number().int().min(0) }),
  },
  'evidence.uploadFinish': { input: z.object({ uploadId }), output: storedFileSchema },
  'evidence.uploadAbort': { input: z.object({ uploadId }), output: z.object({ aborted: z.boolean() }) },
} as const;
