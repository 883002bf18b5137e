import Dexie, { type Table } from 'dexie';
import { decodePage, encodePage } from '../../../shared/backup/row-codec';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { ApiError, call } from '../../api/client';
import { DeskDatabase, db } from '../../db/database';
import { writesTo } from '../../db/write-count';

/** Rows read per query, and at most this much text per IPC call (blocks of the dossier store can be large). */
export const PAGE_ROWS = 500;
export const PAGE_TEXT = 4 * 1024 * 1024;

export interface RowProgress {
  table: string;
  done: number;
  total: number;
}

/** Reads a table in primary-key order, a page at a time, without holding it whole. */
async function* tablePages(table: Table): AsyncGenerator<unknown[]> {
  let last: unknown;
  for (;;) {
    const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const keys = await query.limit(PAGE_ROWS).primaryKeys();
    if (keys.length === 0) return;
    const rows = await table.bulkGet(keys as never[]);
    yield rows;
    last = keys[keys.length - 1];
    if (keys.length < PAGE_ROWS) return;
  }
}

async function rowTotal(database: Dexie): Promise<number> {
  let total = 0;
  for (const table of database.tables) total += await table.count();
  return total;
}

/** Row counts of every table, for the restore confirmation ("what will be replaced"). */
export async function currentCounts(database: Dexie = db()): Promise<{ name: string; rows: number }[]> {
  await database.open();
  return Promise.all(database.tables.map(async (t) => ({ name: t.name, rows: await t.count() })));
}

/**
 * Streams every table to the main process (`send` is appendRows or restoreCheck).
 * Every table sends at least one page, so empty tables are recorded too.
 */
async function streamTables(
  database: Dexie,
  send: (table: string, rows: string) => Promise<unknown>,
  onProgress?: (p: RowProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const total = await rowTotal(database);
  let done = 0;
  const tables = [...database.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const table of tables) {
    let sent = false;
    for await (const rows of tablePages(table)) {
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      let text = '';
      for (const row of rows) {
        const line = encodePage([row]);
        if (text && text.length + line.length > PAGE_TEXT) {
          await send(table.name, text);
          text = '';
        }
        text += line;
      }
      await send(table.name, text);
      sent = true;
      done += rows.length;
      onProgress?.({ table: table.name, done, total });
    }
    if (!sent) await send(table.name, '');
  }
}

export type BackupResult = ChannelOutput<'backup.finish'>;

export interface RunBackup {
  opId: string;
  mode: 'manual' | 'auto';
  passphrase?: string;
  includeOfficeKeys?: boolean;
  onRows?(p: RowProgress): void;
  signal?: AbortSignal;
}

/** The whole backup: begin (main asks where to save), every table, then files and manifest. */
export async function runBackup(options: RunBackup): Promise<BackupResult | null> {
  const database = db();
  await database.open();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const { sessionId } = await call('backup.begin', {
    opId: options.opId,
    mode: options.mode,
    passphrase: options.passphrase,
    includeOfficeKeys: options.includeOfficeKeys,
    database: { name: database.name, schemaVersion: database.verno },
    estimatedDatabaseBytes: Math.round(estimate?.usage ?? 0),
  });
  if (!sessionId) return null;
  try {
    const writes = writesTo(database);
    await streamTables(
      database,
      (table, rows) => call('backup.appendRows', { sessionId, table, rows }),
      options.onRows,
      options.signal,
    );
    // The tables went out in many transactions: a write among them could leave, say, a
    // list row without the dossier it shows. Such a backup is not kept.
    if (writesTo(database) !== writes) {
      throw new ApiError({ code: 'BACKUP_CHANGED_DURING', message: 'Records changed while the backup was read' });
    }
  } catch (error) {
    await call('backup.abort', { sessionId }).catch(() => undefined);
    throw error;
  }
  return call('backup.finish', { sessionId });
}

export type OpenedRestore = ChannelOutput<'backup.restoreOpen'>;
export type RestoreResult = ChannelOutput<'backup.restoreCommit'>;

/**
 * Fills a new database from the staged pages, reads it back for the main process to
 * compare with the manifest, and only then lets the main process swap files and switch
 * the active database. Until that last call the current database is never touched; a
 * failure deletes the new one.
 */
export async function applyRestore(
  opened: OpenedRestore,
  onProgress?: (phase: 'writing' | 'checking', p: RowProgress) => void,
): Promise<RestoreResult> {
  const current = db();
  if (opened.database.schemaVersion > current.verno) {
    throw new ApiError({ code: 'BACKUP_DATABASE_NEWER', message: 'Backup made by a newer database schema' });
  }
  const name = `supervision-desk-${Date.now().toString(36)}`;
  const target = new DeskDatabase(name);
  try {
    await target.open();
    const total = opened.tables.reduce((sum, t) => sum + t.rows, 0);
    let done = 0;
    for (let index = 0; index < opened.pageCount; index++) {
      const page = await call('backup.restorePage', { restoreId: opened.restoreId, index });
      const rows = decodePage(page.rows);
      await target.table(page.table).bulkPut(rows);
      done += rows.length;
      onProgress?.('writing', { table: page.table, done, total });
    }
    await streamTables(
      target,
      (table, rows) => call('backup.restoreCheck', { restoreId: opened.restoreId, table, rows }),
      (p) => onProgress?.('checking', p),
    );
    target.close();
    // From here the main process holds the new name; the page reloads to open it.
    return await call('backup.restoreCommit', { restoreId: opened.restoreId, databaseName: name });
  } catch (error) {
    target.close();
    await Dexie.delete(name).catch(() => undefined);
    await call('backup.restoreDiscard', { restoreId: opened.restoreId }).catch(() => undefined);
    throw error;
  }
}
