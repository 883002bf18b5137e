import { z } from '../../zod-setup';

const none = z.undefined();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const opId = z.string().min(1).max(100);

const party = z.object({
  organId: z.string(),
  organName: z.string(),
  divisionCode: z.string(),
  keyFingerprint: z.string(),
});

export const exportRecordSchema = z.object({
  packageId: z.string(),
  sequence: z.number(),
  createdAt: z.string(),
  schemaVersion: z.string(),
  recipient: party,
  fileName: z.string(),
  path: z.string(),
  size: z.number(),
  bagDigest: z.string(),
  label: z.string(),
  refs: z.array(z.string()),
  contentSha256: z.string(),
  files: z.array(z.object({ sha256: z.string(), size: z.number() })),
  status: z.enum(['sent', 'delivered']),
  deliveredAt: z.string().nullable(),
  receiptImportedAt: z.string().nullable(),
});

export const receivedRecordSchema = z.object({
  packageId: z.string(),
  sequence: z.number(),
  createdAt: z.string(),
  schemaVersion: z.string(),
  sender: party,
  recipientKeyFingerprint: z.string(),
  bagDigest: z.string(),
  fileCount: z.number(),
  receivedAt: z.string(),
  receiptWrittenAt: z.string().nullable(),
});

const ipcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});

export const importedPackageSchema = z.object({
  importId: z.string(),
  packageId: z.string(),
  sequence: z.number(),
  createdAt: z.string(),
  schemaVersion: z.string(),
  sender: party,
  /** The dossier data, validated against its schema; the renderer writes it, then commits. */
  data: z.unknown(),
  files: z.array(z.object({ sha256: z.string(), size: z.number() })),
});

export const importOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ path: z.string(), fileName: z.string(), ok: z.literal(true), package: importedPackageSchema }),
  z.object({ path: z.string(), fileName: z.string(), ok: z.literal(false), error: ipcErrorSchema }),
]);

/** A package found by the open dialog, described from its header before anything is decrypted. */
export const packageFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  size: z.number(),
  sender: z.object({ organName: z.string(), divisionCode: z.string() }).nullable(),
  createdAt: z.string().nullable(),
  /** Set when the file cannot even be read as a package; import would refuse it too. */
  errorCode: z.string().nullable(),
});

/** Export and import of dossier packages (案卷交换包) and their receipts (回执). */
export const packagesChannels = {
  /** Save dialog, then writes the package with progress events under opId. */
  'packages.export': {
    input: z.object({
      opId,
      recipientOrganId: z.string().min(1).max(100),
      data: z.unknown(),
      files: z.array(sha256).max(100_000),
      label: z.string().max(500),
      refs: z.array(z.string().max(100)).max(10_000),
    }),
    output: z.object({ record: exportRecordSchema.nullable() }),
  },
  /** Open dialog for package files or a folder (e.g. a USB stick); lists what it found. */
  'packages.pickImport': {
    input: z.object({ folder: z.boolean() }),
    output: z.object({ files: z.array(packageFileSchema) }),
  },
  /** Verifies, decrypts into quarantine and validates each picked package. */
  'packages.import': {
    input: z.object({ opId, paths: z.array(z.string().min(1).max(4096)).min(1).max(500) }),
    output: z.object({ outcomes: z.array(importOutcomeSchema) }),
  },
  'packages.commitImport': {
    input: z.object({ importId: z.string().min(1).max(100) }),
    output: z.object({ packageId: z.string(), filesAdded: z.number() }),
  },
  'packages.discardImport': {
    input: z.object({ importId: z.string().min(1).max(100) }),
    output: z.object({ discarded: z.boolean() }),
  },
  'packages.writeReceipt': {
    input: z.object({ packageId: z.string().min(1).max(100) }),
    output: z.object({ path: z.string().nullable() }),
  },
  'packages.importReceipt': { input: none, output: z.object({ record: exportRecordSchema.nullable() }) },
  'packages.exports': { input: none, output: z.array(exportRecordSchema) },
  'packages.received': { input: none, output: z.array(receivedRecordSchema) },
} as const;
