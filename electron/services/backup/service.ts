import { type FileHandle, mkdir, open as openFile, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { writeJsonAtomic } from '../atomic-file';
import { createSha256, randomUUID } from '../crypto/primitives';
import type { SettingsPort, SettingsSchema } from '../settings';
import { ensureFreeSpace, type StatFs } from '../storage/disk';
import { EMPTY_FOLDERS, FOLDER_AREAS, KEYS_AREA, listAreaFiles, tallyAreas } from './files';
import { type BackupManifest, entryNames, FILE_ENTRY, SETTINGS_ENTRY, TABLE_PAGE } from './format';
import { type EntrySink, inspectBackup, readBackup } from './reader';
import { BackupFileWriter } from './writer';

/** Settings that belong to the office's record and travel in a backup; the rest is this machine's. */
export const BACKED_UP_SETTINGS = ['locale', 'office'] as const satisfies readonly (keyof SettingsSchema)[];
export const DEFAULT_DATABASE_NAME = 'supervision-desk';
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Bound on one page of rows over IPC, so a page never holds the whole database. */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

export interface Progress {
  onProgress?(phase: string, done: number, total: number): void;
  signal?: AbortSignal;
}

export interface BackupServiceOptions {
  userDataDir: string;
  settings: SettingsPort;
  software: string;
  now: () => Date;
  statfs?: StatFs;
  /** Tests lower the cost; the app uses the default (format.ts BACKUP_SCRYPT). */
  scrypt?: { N: number; r: number; p: number };
  chunkSize?: number;
  /** Services that cache files (documents) reload them after a restore replaced them. */
  afterRestore?(): Promise<void>;
}

export interface BeginBackup {
  target: string;
  passphrase: string;
  includeOfficeKeys: boolean;
  database: { name: string; schemaVersion: number };
  /** The renderer's estimate of its tables' size (navigator.storage), for the space check. */
  estimatedDatabaseBytes: number;
}

export interface BackupSummary {
  path: string;
  size: number;
  backupId: string;
  createdAt: string;
  tables: { name: string; rows: number }[];
  areas: Record<string, { files: number; bytes: number }>;
}

interface WriteSession {
  writer: BackupFileWriter;
  request: BeginBackup;
  files: Awaited<ReturnType<typeof listAreaFiles>>;
  tables: { name: string; rows: number; bytes: number; pages: number; hash: ReturnType<typeof createSha256> }[];
}

interface StagedPage {
  table: string;
  file: string;
  rows: number;
}

interface StagedRestore {
  dir: string;
  manifest: BackupManifest;
  settings: Partial<SettingsSchema>;
  pages: StagedPage[];
  checks: Map<string, { rows: number; hash: ReturnType<typeof createSha256> }>;
}

export interface RestoreComparison {
  ok: boolean;
  tables: { name: string; expectedRows: number; restoredRows: number; hashMatches: boolean }[];
  areas: { name: string; expectedFiles: number; restoredFiles: number }[];
}

const countLines = (bytes: Uint8Array): number => {
  let n = 0;
  for (const byte of bytes) if (byte === 0x0a) n++;
  return n;
};

/** Rows arrive as NDJSON: one encoded row per line, every line ending in LF. */
function checkPage(rows: string): Buffer {
  const bytes = Buffer.from(rows, 'utf8');
  if (bytes.length > MAX_PAGE_BYTES) throw new AppError('VALIDATION_FAILED', 'Page of rows too large');
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
    throw new AppError('VALIDATION_FAILED', 'A page of rows must end with a line feed');
  }
  return bytes;
}

/**
 * Backup and restore of everything the office keeps on this computer (备份与恢复).
 * The renderer owns the database, so it streams tables in pages through begin →
 * appendRows → finish; this service adds settings and files and writes the file.
 * Restore is the reverse: the whole file is verified and staged first, the renderer
 * fills a new database from the staged pages, and only `commitRestore` swaps anything.
 */
export class BackupService {
  private readonly writes = new Map<string, WriteSession>();
  private readonly restores = new Map<string, StagedRestore>();
  private readonly stagingRoot: string;

  constructor(private readonly options: BackupServiceOptions) {
    this.stagingRoot = join(options.userDataDir, 'restore-staging');
  }

  /**
   * At start-up: a restore that crashed while moving folders is undone (the journal says
   * which moves happened), then whatever any restore staged is removed.
   */
  async startup(): Promise<void> {
    let ids: string[] = [];
    try {
      ids = await readdir(this.stagingRoot);
    } catch {
      return;
    }
    for (const id of ids) {
      const journal = join(this.stagingRoot, id, JOURNAL);
      let state: { state?: string; moves?: { from: string; to: string }[] } | undefined;
      try {
        state = JSON.parse(await readFile(journal, 'utf8'));
      } catch {
        state = undefined;
      }
      if (state?.state === 'moving' && Array.isArray(state.moves)) {
        await undoMoves(state.moves);
        // Keep the staging if anything could not be moved back: it holds the office's data.
        const stuck = await Promise.all(
          state.moves.map((m) => exists(m.to).then((there) => there && m.to.startsWith(this.stagingRoot))),
        );
        if (stuck.some(Boolean)) continue;
      }
      await rm(join(this.stagingRoot, id), { recursive: true, force: true });
    }
  }

  databaseName(): string {
    const name = this.options.settings.get('databaseName');
    return typeof name === 'string' && name.length > 0 ? name : DEFAULT_DATABASE_NAME;
  }

  /** The database a finished restore replaced, for the renderer to delete. */
  previousDatabaseName(): string | null {
    return this.options.settings.get('previousDatabaseName') ?? null;
  }

  forgetPreviousDatabase(): void {
    this.options.settings.set('previousDatabaseName', null);
  }

  // ---- backup ----

  async begin(request: BeginBackup): Promise<{ sessionId: string; fileBytes: number }> {
    const files = await listAreaFiles(this.options.userDataDir, request.includeOfficeKeys);
    const fileBytes = files.reduce((sum, f) => sum + f.size, 0);
    await mkdir(dirname(request.target), { recursive: true });
    // Encryption adds 16 bytes a MiB and the frames a few bytes each: 1 % covers both.
    const needed = Math.ceil((fileBytes + request.estimatedDatabaseBytes) * 1.01) + 1024 * 1024;
    await ensureFreeSpace(dirname(request.target), needed, this.options.statfs);
    const writer = await BackupFileWriter.create({
      target: request.target,
      passphrase: request.passphrase,
      includesOfficeKeys: request.includeOfficeKeys,
      software: this.options.software,
      now: this.options.now(),
      chunkSize: this.options.chunkSize,
      scrypt: this.options.scrypt,
    });
    try {
      const settings: Record<string, unknown> = {};
      for (const key of BACKED_UP_SETTINGS) settings[key] = this.options.settings.get(key) ?? null;
      await writer.addBytes(SETTINGS_ENTRY, Buffer.from(JSON.stringify(settings), 'utf8'));
    } catch (error) {
      await writer.abort();
      throw error;
    }
    const sessionId = randomUUID();
    this.writes.set(sessionId, { writer, request, files, tables: [] });
    return { sessionId, fileBytes };
  }

  private write(sessionId: string): WriteSession {
    const session = this.writes.get(sessionId);
    if (!session) throw new AppError('NOT_FOUND', 'No backup in progress under this id');
    return session;
  }

  /** One page of a table; a table's pages come together, and every table sends at least one. */
  async appendRows(sessionId: string, table: string, rows: string): Promise<{ rows: number }> {
    const session = this.write(sessionId);
    if (!TABLE_NAME.test(table)) throw new AppError('VALIDATION_FAILED', 'Bad table name');
    const bytes = checkPage(rows);
    let tally = session.tables.at(-1);
    if (!tally || tally.name !== table) {
      if (session.tables.some((t) => t.name === table)) {
        throw new AppError('VALIDATION_FAILED', `Pages of ${table} must be sent together`);
      }
      tally = { name: table, rows: 0, bytes: 0, pages: 0, hash: createSha256() };
      session.tables.push(tally);
    }
    try {
      await session.writer.addBytes(entryNames.tablePage(table, tally.pages), bytes);
    } catch (error) {
      await this.abort(sessionId);
      throw error;
    }
    const count = countLines(bytes);
    tally.pages++;
    tally.rows += count;
    tally.bytes += bytes.length;
    tally.hash.update(bytes);
    return { rows: count };
  }

  /** Adds the files and the manifest and renames the file into place. */
  async finish(sessionId: string, progress: Progress = {}): Promise<BackupSummary> {
    const session = this.write(sessionId);
    const { writer, files, request } = session;
    try {
      const total = files.reduce((sum, f) => sum + f.size, 0);
      let done = 0;
      for (const file of files) {
        if (progress.signal?.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
        await writer.addFile(entryNames.file(file.area, file.relative), file.path, file.size, progress.signal);
        done += file.size;
        progress.onProgress?.('files', done, total);
      }
      const manifest: BackupManifest = {
        format: 'supervision-desk-backup-manifest',
        backupId: writer.header.backupId,
        createdAt: writer.header.createdAt,
        database: request.database,
        tables: session.tables.map((t) => ({
          name: t.name,
          rows: t.rows,
          bytes: t.bytes,
          pages: t.pages,
          sha256: t.hash.digest('hex'),
        })),
        areas: tallyAreas(files),
        entries: writer.entries,
        includesOfficeKeys: request.includeOfficeKeys,
      };
      const { path, size } = await writer.commit(manifest);
      this.writes.delete(sessionId);
      return {
        path,
        size,
        backupId: manifest.backupId,
        createdAt: manifest.createdAt,
        tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
        areas: manifest.areas,
      };
    } catch (error) {
      await this.abort(sessionId);
      throw error;
    }
  }

  async abort(sessionId: string): Promise<boolean> {
    const session = this.writes.get(sessionId);
    if (!session) return false;
    this.writes.delete(sessionId);
    await session.writer.abort();
    return true;
  }

  // ---- verify ----

  inspect(path: string) {
    return inspectBackup(path);
  }

  /** Reads and checks every byte; writes nothing. */
  async verify(path: string, passphrase: string, progress: Progress = {}) {
    const { header, manifest, fileSize } = await readBackup(path, passphrase, {
      signal: progress.signal,
      onProgress: (done, total) => progress.onProgress?.('verifying', done, total),
    });
    return { header, manifest, fileSize };
  }

  // ---- restore ----

  /** Current file counts per area: what a restore would replace. */
  async currentAreas(): Promise<Record<string, { files: number; bytes: number }>> {
    return tallyAreas(await listAreaFiles(this.options.userDataDir, true));
  }

  /**
   * Verifies the whole backup while staging its content under userData/restore-staging;
   * on any failure the staging is removed and nothing else has changed.
   */
  async openRestore(path: string, passphrase: string, progress: Progress = {}) {
    const restoreId = randomUUID();
    const dir = join(this.stagingRoot, restoreId);
    await mkdir(join(dir, 'db'), { recursive: true });
    const pages: StagedPage[] = [];
    let settingsBytes: Buffer[] = [];
    const open = new Set<FileHandle>();
    try {
      const info = await stat(path);
      await ensureFreeSpace(this.options.userDataDir, info.size * 2, this.options.statfs);
      const { manifest } = await readBackup(path, passphrase, {
        signal: progress.signal,
        onProgress: (done, total) => progress.onProgress?.('verifying', done, total),
        onEntry: async (name) => {
          if (name === SETTINGS_ENTRY) {
            settingsBytes = [];
            return { write: (data) => void settingsBytes.push(Buffer.from(data)), end: () => {} };
          }
          const page = TABLE_PAGE.exec(name);
          if (page) {
            const file = join(dir, 'db', `${String(pages.length).padStart(6, '0')}.ndjson`);
            pages.push({ table: page[1] as string, file, rows: 0 });
            return fileSink(file, open);
          }
          const match = FILE_ENTRY.exec(name);
          if (match) {
            const area = match[1] as string;
            if (area !== KEYS_AREA && !FOLDER_AREAS.some((a) => a.area === area)) return undefined;
            return fileSink(join(dir, 'files', area, ...(match[2] as string).split('/')), open);
          }
          return undefined;
        },
      });
      for (const [area, subs] of Object.entries(EMPTY_FOLDERS)) {
        for (const sub of subs) await mkdir(join(dir, 'files', area, sub), { recursive: true });
        await mkdir(join(dir, 'files', area), { recursive: true });
      }
      let settings: Partial<SettingsSchema>;
      try {
        settings = JSON.parse(Buffer.concat(settingsBytes).toString('utf8')) as Partial<SettingsSchema>;
      } catch {
        throw new AppError('BACKUP_DAMAGED', 'The settings in the backup are not JSON');
      }
      const tableRows = new Map(manifest.tables.map((t) => [t.name, t] as const));
      for (const page of pages) if (!tableRows.has(page.table)) throw new AppError('BACKUP_DAMAGED', 'Unlisted table');
      this.restores.set(restoreId, { dir, manifest, settings, pages, checks: new Map() });
      return {
        restoreId,
        backupId: manifest.backupId,
        createdAt: manifest.createdAt,
        database: manifest.database,
        tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
        areas: manifest.areas,
        includesOfficeKeys: manifest.includesOfficeKeys,
        pageCount: pages.length,
      };
    } catch (error) {
      for (const handle of open) await handle.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private restore(restoreId: string): StagedRestore {
    const staged = this.restores.get(restoreId);
    if (!staged) throw new AppError('NOT_FOUND', 'No restore in progress under this id');
    return staged;
  }

  /** One staged page of rows, in backup order, for the renderer to write into the new database. */
  async readPage(restoreId: string, index: number): Promise<{ table: string; rows: string }> {
    const staged = this.restore(restoreId);
    const page = staged.pages[index];
    if (!page) throw new AppError('NOT_FOUND', 'No such page');
    return { table: page.table, rows: await readFile(page.file, 'utf8') };
  }

  /** The renderer reads its new database back page by page; this hashes what it holds. */
  checkRows(restoreId: string, table: string, rows: string): { rows: number } {
    const staged = this.restore(restoreId);
    if (!TABLE_NAME.test(table)) throw new AppError('VALIDATION_FAILED', 'Bad table name');
    const bytes = checkPage(rows);
    let check = staged.checks.get(table);
    if (!check) {
      check = { rows: 0, hash: createSha256() };
      staged.checks.set(table, check);
    }
    check.hash.update(bytes);
    const count = countLines(bytes);
    check.rows += count;
    return { rows: count };
  }

  private compare(staged: StagedRestore): RestoreComparison['tables'] {
    return staged.manifest.tables.map((table) => {
      const check = staged.checks.get(table.name);
      const digest = check ? check.hash.copy().digest('hex') : createSha256().digest('hex');
      return {
        name: table.name,
        expectedRows: table.rows,
        restoredRows: check?.rows ?? 0,
        hashMatches: digest === table.sha256,
      };
    });
  }

  /**
   * Swaps the staged files in and makes `databaseName` the active database — only when
   * the new database holds exactly the backed-up rows. A failure part-way puts every
   * moved folder back, so the office's data stays as it was.
   */
  async commitRestore(restoreId: string, databaseName: string): Promise<RestoreComparison> {
    const staged = this.restore(restoreId);
    const tables = this.compare(staged);
    if (!tables.every((t) => t.hashMatches && t.expectedRows === t.restoredRows)) {
      throw new AppError('BACKUP_RESTORE_MISMATCH', 'The restored database differs from the backup', {
        params: {
          tables: tables
            .filter((t) => !t.hashMatches)
            .map((t) => t.name)
            .join(', '),
        },
      });
    }
    const userData = this.options.userDataDir;
    const old = join(staged.dir, 'old');
    await mkdir(join(old, KEYS_AREA), { recursive: true });
    // The journal names each move before it happens, so that a crash part-way can be
    // undone at the next start (recoverInterruptedRestores) instead of losing data.
    const journal = join(staged.dir, JOURNAL);
    const moves: { from: string; to: string }[] = [];
    const move = async (from: string, to: string) => {
      moves.push({ from, to });
      writeJsonAtomic(journal, { state: 'moving', moves });
      await rename(from, to);
    };
    try {
      for (const { dir } of FOLDER_AREAS) {
        const current = join(userData, dir);
        if (await exists(current)) await move(current, join(old, dir));
        await move(join(staged.dir, 'files', dir), current);
      }
      const stagedKeys = join(staged.dir, 'files', KEYS_AREA);
      await mkdir(join(userData, KEYS_AREA), { recursive: true });
      for (const name of await readdir(stagedKeys)) {
        const current = join(userData, KEYS_AREA, name);
        if (await exists(current)) await move(current, join(old, KEYS_AREA, name));
        await move(join(stagedKeys, name), current);
      }
    } catch (error) {
      await undoMoves(moves);
      await rm(journal, { force: true });
      throw new AppError('IO_ERROR', 'The restore could not replace the files; nothing was changed', {
        params: { detail: (error as Error).message },
        cause: error,
      });
    }
    const settings = this.options.settings;
    for (const key of BACKED_UP_SETTINGS) {
      const value = staged.settings[key];
      if (value === undefined || value === null) settings.delete(key);
      else settings.set(key, value as never);
    }
    settings.set('previousDatabaseName', this.databaseName());
    settings.set('databaseName', databaseName);
    writeJsonAtomic(journal, { state: 'committed', moves });
    const after = tallyAreas(await listAreaFiles(userData, true));
    const areas = Object.entries(staged.manifest.areas).map(([name, tally]) => ({
      name,
      expectedFiles: tally.files,
      restoredFiles:
        name === KEYS_AREA && !staged.manifest.includesOfficeKeys
          ? Math.min(after[name]?.files ?? 0, tally.files)
          : (after[name]?.files ?? 0),
    }));
    this.restores.delete(restoreId);
    await rm(staged.dir, { recursive: true, force: true });
    await this.options.afterRestore?.();
    return { ok: areas.every((a) => a.expectedFiles === a.restoredFiles), tables, areas };
  }

  async discardRestore(restoreId: string): Promise<boolean> {
    const staged = this.restores.get(restoreId);
    if (!staged) return false;
    this.restores.delete(restoreId);
    await rm(staged.dir, { recursive: true, force: true });
    return true;
  }
}

const JOURNAL = 'journal.json';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Moves back, newest first, every move whose target exists and whose source is free. */
async function undoMoves(moves: readonly { from: string; to: string }[]): Promise<void> {
  for (const { from, to } of [...moves].reverse()) {
    if ((await exists(to)) && !(await exists(from))) await rename(to, from).catch(() => {});
  }
}

async function fileSink(path: string, handles: Set<FileHandle>): Promise<EntrySink> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await openFile(path, 'wx');
  handles.add(handle);
  let position = 0;
  return {
    write: async (data) => {
      let done = 0;
      while (done < data.length) {
        const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
        done += bytesWritten;
      }
      position += data.length;
    },
    end: async () => {
      handles.delete(handle);
      await handle.close();
    },
  };
}
