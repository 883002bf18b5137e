import { z } from '../../zod-setup';

const none = z.undefined();
const opId = z.string().min(1).max(100);
const id = z.string().min(1).max(100);
const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
/** One page of rows as NDJSON; bounded so a page never carries the whole database. */
const rowsPage = z.string().max(32 * 1024 * 1024);
const passphrase = z.string().min(8).max(1024);
const areaTallies = z.record(z.string(), z.object({ files: z.number(), bytes: z.number() }));
const tableCounts = z.array(z.object({ name: z.string(), rows: z.number() }));

export const scheduleStatusSchema = z.object({
  enabled: z.boolean(),
  intervalHours: z.number(),
  folder: z.string().nullable(),
  keep: z.number(),
  includeOfficeKeys: z.boolean(),
  passphrase: z.enum(['system', 'session', 'none']),
  systemProtectionAvailable: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  due: z.boolean(),
  stale: z.boolean(),
});

const backupSummary = z.object({
  path: z.string(),
  size: z.number(),
  backupId: z.string(),
  createdAt: z.string(),
  tables: tableCounts,
  areas: areaTallies,
});

const backupContents = z.object({
  backupId: z.string(),
  createdAt: z.string(),
  database: z.object({ name: z.string(), schemaVersion: z.number() }),
  tables: tableCounts,
  areas: areaTallies,
  includesOfficeKeys: z.boolean(),
});

export const backupChannels = {
  /** Which IndexedDB database to open, and one a restore replaced (to delete). */
  'backup.database': { input: none, output: z.object({ name: z.string(), previous: z.string().nullable() }) },
  'backup.forgetPreviousDatabase': { input: none, output: z.object({ ok: z.boolean() }) },
  'backup.status': { input: none, output: scheduleStatusSchema },
  'backup.configure': {
    input: z.object({
      enabled: z.boolean().optional(),
      intervalHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .optional(),
      keep: z.number().int().min(1).max(365).optional(),
      includeOfficeKeys: z.boolean().optional(),
      passphrase: passphrase.optional(),
    }),
    output: scheduleStatusSchema,
  },
  'backup.chooseFolder': { input: none, output: scheduleStatusSchema },
  /** Starts a backup: manual asks where to save (null session when the clerk cancels); auto uses the schedule. */
  'backup.begin': {
    input: z.object({
      opId,
      mode: z.enum(['manual', 'auto']),
      passphrase: passphrase.optional(),
      includeOfficeKeys: z.boolean().optional(),
      database: z.object({ name: z.string().max(200), schemaVersion: z.number().int().nonnegative() }),
      estimatedDatabaseBytes: z.number().int().nonnegative(),
    }),
    output: z.object({ sessionId: z.string().nullable(), path: z.string().nullable() }),
  },
  'backup.appendRows': {
    input: z.object({ sessionId: id, table: tableName, rows: rowsPage }),
    output: z.object({ rows: z.number() }),
  },
  'backup.finish': { input: z.object({ sessionId: id }), output: backupSummary },
  'backup.abort': { input: z.object({ sessionId: id }), output: z.object({ aborted: z.boolean() }) },
  /** Asks for a backup file; the path is granted for verify/restore. */
  'backup.pickFile': {
    input: none,
    output: z.object({
      file: z
        .object({
          path: z.string(),
          fileName: z.string(),
          size: z.number(),
          createdAt: z.string().nullable(),
          errorCode: z.string().nullable(),
        })
        .nullable(),
    }),
  },
  'backup.verify': {
    input: z.object({ opId, path: z.string(), passphrase: z.string().min(1).max(1024) }),
    output: backupContents.extend({ fileSize: z.number() }),
  },
  /** Verifies the whole file and stages it; nothing current changes. */
  'backup.restoreOpen': {
    input: z.object({ opId, path: z.string(), passphrase: z.string().min(1).max(1024) }),
    output: backupContents.extend({ restoreId: z.string(), pageCount: z.number(), currentAreas: areaTallies }),
  },
  'backup.restorePage': {
    input: z.object({ restoreId: id, index: z.number().int().nonnegative() }),
    output: z.object({ table: z.string(), rows: z.string() }),
  },
  'backup.restoreCheck': {
    input: z.object({ restoreId: id, table: tableName, rows: rowsPage }),
    output: z.object({ rows: z.number() }),
  },
  /** Replaces the files and switches to the new database, only if it matches the backup. */
  'backup.restoreCommit': {
    input: z.object({ restoreId: id, databaseName: z.string().regex(/^supervision-desk[A-Za-z0-9-]{0,80}$/) }),
    output: z.object({
      ok: z.boolean(),
      tables: z.array(
        z.object({ name: z.string(), expectedRows: z.number(), restoredRows: z.number(), hashMatches: z.boolean() }),
      ),
      areas: z.array(z.object({ name: z.string(), expectedFiles: z.number(), restoredFiles: z.number() })),
    }),
  },
  'backup.restoreDiscard': { input: z.object({ restoreId: id }), output: z.object({ discarded: z.boolean() }) },
} as const;
