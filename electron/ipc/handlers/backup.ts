import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../../shared/ipc/errors';
import { BACKUP_EXTENSION } from '../../services/backup/format';
import type { AutoBackup } from '../../services/backup/schedule';
import type { BackupService } from '../../services/backup/service';
import type { DialogPort } from '../../services/dialogs';
import type { OperationRegistry } from '../../services/operations';
import type { PathGrants } from '../../services/path-grants';
import type { SettingsService } from '../../services/settings';
import type { CallContext, Handlers } from '../dispatch';

export interface BackupHandlerDeps {
  settings: SettingsService;
  operations: OperationRegistry;
  backup: BackupService;
  autoBackup: AutoBackup;
  dialogs: DialogPort;
  grants: PathGrants;
  now: () => Date;
}

type BackupChannel =
  | 'backup.database'
  | 'backup.forgetPreviousDatabase'
  | 'backup.status'
  | 'backup.configure'
  | 'backup.chooseFolder'
  | 'backup.begin'
  | 'backup.appendRows'
  | 'backup.finish'
  | 'backup.abort'
  | 'backup.pickFile'
  | 'backup.verify'
  | 'backup.restoreOpen'
  | 'backup.restorePage'
  | 'backup.restoreCheck'
  | 'backup.restoreCommit'
  | 'backup.restoreDiscard';

const PROGRESS_INTERVAL_MS = 100;

function progressReporter(ctx: CallContext, opId: string) {
  let lastPhase = '';
  let lastAt = 0;
  return (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (phase === lastPhase && done < total && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastPhase = phase;
    lastAt = now;
    ctx.emit('op.progress', { opId, phase: `backup.progress.${phase}`, done, total });
  };
}

/** A backup spans several calls; this keeps its opId registered (for ops.cancel) until it ends. */
interface RunningBackup {
  mode: 'manual' | 'auto';
  opId: string;
  signal: AbortSignal;
  end(): void;
}

export function backupHandlers(deps: BackupHandlerDeps): Pick<Handlers, BackupChannel> {
  const { settings, operations, backup, autoBackup, dialogs, grants } = deps;
  const t = (key: string) => translate(settings.locale(), key);
  const filters = () => [{ name: t('backup.fileTypes.backup'), extensions: [BACKUP_EXTENSION] }];
  const running = new Map<string, RunningBackup>();
  /** Sessions being torn down (cancelled): later calls wait for the file to be gone, then fail. */
  const ending = new Map<string, Promise<void>>();

  const session = async (sessionId: string): Promise<RunningBackup> => {
    const pending = ending.get(sessionId);
    if (pending) {
      await pending;
      throw new AppError('CANCELLED', 'The operation was cancelled');
    }
    const entry = running.get(sessionId);
    if (!entry) throw new AppError('NOT_FOUND', 'No backup in progress under this id');
    if (entry.signal.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
    return entry;
  };

  const end = async (sessionId: string, failure?: unknown) => {
    const entry = running.get(sessionId);
    if (!entry) return ending.get(sessionId);
    running.delete(sessionId);
    entry.end();
    if (failure === undefined) return;
    const teardown = (async () => {
      await backup.abort(sessionId);
      if (entry.mode === 'auto') autoBackup.recordFailure(failure instanceof AppError ? failure.code : 'INTERNAL');
    })();
    ending.set(sessionId, teardown);
    try {
      await teardown;
    } finally {
      // Kept a while, so a late call still learns the session was cancelled.
      setTimeout(() => ending.delete(sessionId), 60_000).unref?.();
    }
  };

  const localDate = (d: Date) =>
    `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;

  return {
    'backup.database': () => ({ name: backup.databaseName(), previous: backup.previousDatabaseName() }),
    'backup.forgetPreviousDatabase': () => {
      backup.forgetPreviousDatabase();
      return { ok: true };
    },
    'backup.status': () => autoBackup.status(),
    'backup.configure': (change) => autoBackup.configure(change),
    'backup.chooseFolder': async () => {
      const chosen = await dialogs.showOpen({ title: t('backup.dialog.chooseFolder'), directory: true });
      const folder = chosen?.[0];
      return folder ? autoBackup.configure({ folder }) : autoBackup.status();
    },
    'backup.begin': async ({ opId, mode, passphrase, includeOfficeKeys, database, estimatedDatabaseBytes }) => {
      let target: string;
      let secret: string;
      let withKeys: boolean;
      if (mode === 'auto') {
        try {
          secret = await autoBackup.passphrase();
          target = autoBackup.target();
        } catch (error) {
          autoBackup.recordFailure(error instanceof AppError ? error.code : 'INTERNAL');
          throw error;
        }
        withKeys = autoBackup.settings().includeOfficeKeys;
      } else {
        if (!passphrase)
          throw new AppError('VALIDATION_FAILED', 'A passphrase is required', {
            issues: [{ path: ['passphrase'], message: 'required' }],
          });
        const chosen = await dialogs.showSave({
          title: t('backup.dialog.save'),
          defaultPath: `${t('backup.fileTypes.prefix')}-${localDate(deps.now())}.${BACKUP_EXTENSION}`,
          filters: filters(),
        });
        if (!chosen) return { sessionId: null, path: null };
        target = chosen;
        secret = passphrase;
        withKeys = includeOfficeKeys ?? false;
      }
      let started: { sessionId: string };
      try {
        started = await backup.begin({
          target,
          passphrase: secret,
          includeOfficeKeys: withKeys,
          database,
          estimatedDatabaseBytes,
        });
      } catch (error) {
        if (mode === 'auto') autoBackup.recordFailure(error instanceof AppError ? error.code : 'INTERNAL');
        throw error;
      }
      const { sessionId } = started;
      let release = () => {};
      const done = new Promise<void>((resolve) => {
        release = resolve;
      });
      let signal: AbortSignal | undefined;
      operations
        .run(opId, async (s) => {
          signal = s;
          s.addEventListener('abort', () => void end(sessionId, new AppError('CANCELLED', 'cancelled')));
          await done;
        })
        .catch(async (error: unknown) => {
          await backup.abort(sessionId);
          throw error;
        })
        .catch(() => {});
      if (!signal) {
        await backup.abort(sessionId);
        throw new AppError('CONFLICT', `Operation ${opId} is already running`);
      }
      running.set(sessionId, { mode, opId, signal, end: release });
      return { sessionId, path: target };
    },
    'backup.appendRows': async ({ sessionId, table, rows }) => {
      await session(sessionId);
      try {
        return await backup.appendRows(sessionId, table, rows);
      } catch (error) {
        await end(sessionId, error);
        throw error;
      }
    },
    'backup.finish': async ({ sessionId }, ctx) => {
      const entry = await session(sessionId);
      try {
        const summary = await backup.finish(sessionId, {
          signal: entry.signal,
          onProgress: progressReporter(ctx, entry.opId),
        });
        await end(sessionId);
        if (entry.mode === 'auto') await autoBackup.recordSuccess();
        else autoBackup.recordManualSuccess();
        return summary;
      } catch (error) {
        await end(sessionId, error);
        throw error;
      }
    },
    'backup.abort': async ({ sessionId }) => {
      const known = running.has(sessionId);
      await end(sessionId, new AppError('CANCELLED', 'cancelled'));
      return { aborted: known };
    },
    'backup.pickFile': async () => {
      const chosen = await dialogs.showOpen({ title: t('backup.dialog.open'), filters: filters() });
      const path = chosen?.[0];
      if (!path) return { file: null };
      grants.grant([path]);
      const size = (await stat(path)).size;
      try {
        const { header } = await backup.inspect(path);
        return { file: { path, fileName: basename(path), size, createdAt: header.createdAt, errorCode: null } };
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'IO_ERROR';
        return { file: { path, fileName: basename(path), size, createdAt: null, errorCode: code } };
      }
    },
    'backup.verify': async ({ opId, path, passphrase }, ctx) => {
      const file = grants.check(path);
      const onProgress = progressReporter(ctx, opId);
      const { manifest, fileSize } = await operations.run(opId, (signal) =>
        backup.verify(file, passphrase, { signal, onProgress }),
      );
      return {
        backupId: manifest.backupId,
        createdAt: manifest.createdAt,
        database: manifest.database,
        tables: manifest.tables.map((x) => ({ name: x.name, rows: x.rows })),
        areas: manifest.areas,
        includesOfficeKeys: manifest.includesOfficeKeys,
        fileSize,
      };
    },
    'backup.restoreOpen': async ({ opId, path, passphrase }, ctx) => {
      const file = grants.check(path);
      const onProgress = progressReporter(ctx, opId);
      const opened = await operations.run(opId, (signal) =>
        backup.openRestore(file, passphrase, { signal, onProgress }),
      );
      return { ...opened, currentAreas: await backup.currentAreas() };
    },
    'backup.restorePage': ({ restoreId, index }) => backup.readPage(restoreId, index),
    'backup.restoreCheck': ({ restoreId, table, rows }) => backup.checkRows(restoreId, table, rows),
    'backup.restoreCommit': ({ restoreId, databaseName }) => backup.commitRestore(restoreId, databaseName),
    'backup.restoreDiscard': async ({ restoreId }) => ({ discarded: await backup.discardRestore(restoreId) }),
  };
}
