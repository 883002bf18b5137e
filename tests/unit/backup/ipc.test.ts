import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import type { CallContext } from '../../../electron/ipc/dispatch';
import { silentLogger } from '../../../electron/services/logger';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../../electron/services/settings';
import type { OperationProgress } from '../../../shared/ipc/events';
import { COUNTY_OFFICE } from '../../e2e/support/office';
import { RecordingShell, ScriptedDialogs } from '../../e2e/support/ports';
import { tempDir } from './support';

function desk() {
  const dir = tempDir('desk-backup-ipc-');
  const dialogs = new ScriptedDialogs();
  const backend = createBackend({
    userDataDir: dir,
    settingsStore: new Conf<SettingsSchema>({ cwd: dir, configName: 'settings', defaults: SETTINGS_DEFAULTS }),
    logger: silentLogger,
    runtime: 'harness',
    version: '0.0.0-test',
    platform: process.platform,
    onLocaleChanged: () => undefined,
    systemProtector: null,
    dialogs,
    shell: new RecordingShell(),
    pdfPrinter: {
      print: async () => {
        throw new Error('No printing in these tests');
      },
    },
  });
  backend.settings.setOffice(COUNTY_OFFICE);
  const progress: OperationProgress[] = [];
  const ctx: CallContext = {
    emit: (event, payload) => {
      if (event === 'op.progress') progress.push(payload as OperationProgress);
    },
  };
  const dispatch = (channel: string, input?: unknown) => backend.dispatch(channel, input, ctx);
  return { dir, dialogs, dispatch, progress };
}

const database = { name: 'supervision-desk', schemaVersion: 2 };

describe('backup channels', () => {
  it('a backup spans begin → appendRows → finish under one opId; ops.cancel ends it and leaves no file', async () => {
    const { dir, dialogs, dispatch, progress } = desk();
    mkdirSync(join(dir, 'evidence', 'ab'), { recursive: true });
    writeFileSync(join(dir, 'evidence', 'ab', 'ab'.padEnd(64, '0')), Buffer.alloc(3 * 1024 * 1024, 1));
    const out = tempDir('desk-backup-out-');

    dialogs.saveAnswers.push(join(out, 'cancelled.sdbackup'));
    const first = await dispatch('backup.begin', {
      opId: 'op-1',
      mode: 'manual',
      passphrase: 'a passphrase',
      database,
      estimatedDatabaseBytes: 0,
    });
    expect(first.ok).toBe(true);
    const { sessionId } = (first as { value: { sessionId: string } }).value;
    expect((await dispatch('backup.appendRows', { sessionId, table: 'organs', rows: '{"id":"a"}\n' })).ok).toBe(true);
    expect(await dispatch('ops.cancel', { opId: 'op-1' })).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(await dispatch('backup.finish', { sessionId })).toMatchObject({ ok: false });
    expect(readdirSync(out)).toEqual([]);

    dialogs.saveAnswers.push(join(out, 'office.sdbackup'));
    const second = (await dispatch('backup.begin', {
      opId: 'op-1',
      mode: 'manual',
      passphrase: 'a passphrase',
      database,
      estimatedDatabaseBytes: 0,
    })) as { ok: true; value: { sessionId: string } };
    await dispatch('backup.appendRows', { sessionId: second.value.sessionId, table: 'organs', rows: '{"id":"a"}\n' });
    const finished = await dispatch('backup.finish', { sessionId: second.value.sessionId });
    expect(finished).toMatchObject({ ok: true, value: { tables: [{ name: 'organs', rows: 1 }] } });
    expect(readdirSync(out)).toEqual(['office.sdbackup']);
    expect(progress.some((p) => p.opId === 'op-1' && p.phase === 'backup.progress.files')).toBe(true);
    expect(await dispatch('backup.status')).toMatchObject({ ok: true, value: { lastSuccessAt: expect.any(String) } });

    // Only a file picked in the dialog may be verified.
    expect(
      await dispatch('backup.verify', { opId: 'v', path: join(out, 'office.sdbackup'), passphrase: 'a passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
    dialogs.openAnswers.push([join(out, 'office.sdbackup')]);
    expect(await dispatch('backup.pickFile')).toMatchObject({ ok: true, value: { file: { errorCode: null } } });
    expect(
      await dispatch('backup.verify', { opId: 'v', path: join(out, 'office.sdbackup'), passphrase: 'a passphrase' }),
    ).toMatchObject({ ok: true, value: { tables: [{ name: 'organs', rows: 1 }] } });
  });

  it('an automatic backup without a stored passphrase is refused and recorded', async () => {
    const { dispatch } = desk();
    const result = await dispatch('backup.begin', { opId: 'auto', mode: 'auto', database, estimatedDatabaseBytes: 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSPHRASE_NOT_STORED' } });
    expect(await dispatch('backup.status')).toMatchObject({
      ok: true,
      value: { lastError: 'BACKUP_PASSPHRASE_NOT_STORED', passphrase: 'none', due: false },
    });
  });
});
