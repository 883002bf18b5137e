import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../electron/backend';
import type { CallContext } from '../../../electron/ipc/dispatch';
import { SETTINGS_DEFAULTS, type SettingsSchema } from '../../../electron/services/settings';
import type { OperationProgress } from '../../../shared/ipc/events';
import { RecordingShell, ScriptedDialogs } from '../../e2e/support/ports';

let dir: string;
let backend: Backend;
let dialogs: ScriptedDialogs;
const progress: OperationProgress[] = [];
const ctx: CallContext = {
  emit: (event, payload) => {
    if (event === 'op.progress') progress.push(payload as OperationProgress);
  },
};
const silent = { info() {}, warn() {}, error() {} };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-handlers-'));
  dialogs = new ScriptedDialogs();
  progress.length = 0;
  backend = createBackend({
    userDataDir: join(dir, 'userData'),
    settingsStore: new Conf<SettingsSchema>({ cwd: join(dir, 'userData'), defaults: SETTINGS_DEFAULTS }),
    dialogs,
    shell: new RecordingShell(),
    pdfPrinter: {
      print: async () => {
        throw new Error('No printing in these tests');
      },
    },
    logger: silent,
    runtime: 'harness',
    version: 'test',
    platform: process.platform,
    onLocaleChanged() {},
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const call = (channel: string, input: unknown) => backend.dispatch(channel, input, ctx);

describe('evidence channels', () => {
  it('copies the files chosen in the dialog and reports progress on the operation', async () => {
    const a = join(dir, 'a.pdf');
    writeFileSync(a, '%PDF-1.4 evidence');
    dialogs.openAnswers.push([a]);
    const result = await call('evidence.addFromDialog', { opId: 'op-1' });
    expect(result).toMatchObject({ ok: true, value: { files: [{ fileName: 'a.pdf', mimeType: 'application/pdf' }] } });
    expect(progress.at(-1)).toMatchObject({ opId: 'op-1', done: 17, total: 17 });
    expect(dialogs.requests[0]).toMatchObject({ kind: 'open', multiple: true, title: '选择证据文件' });
  });

  it('takes nothing when the dialog is cancelled', async () => {
    dialogs.openAnswers.push(null);
    expect(await call('evidence.addFromDialog', { opId: 'op-2' })).toEqual({ ok: true, value: { files: [] } });
  });

  it('copies a dropped file only through a one-time token from the preload', async () => {
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, '%PDF-1.4 dropped');
    const token = await backend.grantDroppedFile(scan);
    const result = await call('evidence.addDropped', { opId: 'op-drop', token });
    expect(result).toMatchObject({ ok: true, value: { fileName: 'scan.pdf' } });
    // The token is spent; a page that replays it, or makes one up, gets nothing.
    expect(await call('evidence.addDropped', { opId: 'op-again', token })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_NOT_A_FILE' },
    });
    expect(await call('evidence.addDropped', { opId: 'op-forged', token: 'f'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_NOT_A_FILE' },
    });
    expect(await call('evidence.addDropped', { opId: 'op-path', path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('grants no token for relative paths, folders, missing files or the app data folder', async () => {
    mkdirSync(join(dir, 'userData'), { recursive: true });
    writeFileSync(join(dir, 'userData', 'settings.json'), '{}');
    for (const path of [
      'relative/file.pdf',
      join(dir, 'userData', 'settings.json'),
      join(dir, 'userData'),
      dir,
      join(dir, 'missing.pdf'),
    ]) {
      await expect(backend.grantDroppedFile(path), path).rejects.toMatchObject({ code: 'EVIDENCE_NOT_A_FILE' });
    }
  });

  it('refuses chunks over the size limit at the contract and unknown uploads', async () => {
    const begun = await call('evidence.uploadBegin', { fileName: 'x.bin', size: 10 });
    if (!begun.ok) throw new Error('uploadBegin failed');
    const { uploadId } = begun.value as { uploadId: string };
    const huge = await call('evidence.uploadChunk', { uploadId, bytes: new Uint8Array(8 * 1024 * 1024 + 1) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await call('evidence.uploadChunk', { uploadId: 'f'.repeat(24), bytes: new Uint8Array(1) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('evidence.uploadAbort', { uploadId })).toEqual({ ok: true, value: { aborted: true } });
    const leftovers = readdirSync(join(dir, 'userData', 'evidence'), { recursive: true, withFileTypes: true });
    expect(leftovers.filter((e) => e.isFile())).toEqual([]);
  });
});

describe('registry channels', () => {
  it('reads the chosen spreadsheet, or nothing when the dialog is cancelled', async () => {
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, '\ufeff姓名,监督证号\n陈监督,JD-001\n');
    dialogs.openAnswers.push([csv]);
    expect(await call('registry.readTable', undefined)).toEqual({
      ok: true,
      value: {
        fileName: 'people.csv',
        format: 'csv',
        sheets: [
          {
            name: 'people',
            rows: [
              { line: 1, cells: ['姓名', '监督证号'] },
              { line: 2, cells: ['陈监督', 'JD-001'] },
            ],
          },
        ],
      },
    });
    dialogs.openAnswers.push(null);
    expect(await call('registry.readTable', undefined)).toEqual({ ok: true, value: null });
  });

  it('exports to the chosen path, adding .xlsx, and writes nothing when cancelled', async () => {
    const sheets = [{ name: '监督员', columns: [{ header: '姓名', width: 10 }], rows: [['陈监督']] }];
    dialogs.saveAnswers.push(null);
    expect(await call('registry.exportXlsx', { defaultName: '名录', sheets })).toEqual({
      ok: true,
      value: { saved: false },
    });
    dialogs.saveAnswers.push(join(dir, 'out'));
    expect(await call('registry.exportXlsx', { defaultName: '名录', sheets })).toEqual({
      ok: true,
      value: { saved: true, fileName: 'out.xlsx' },
    });
    expect(dialogs.requests[0]).toMatchObject({ kind: 'save', defaultPath: '名录.xlsx' });
    expect(readdirSync(dir).filter((f) => f.startsWith('out'))).toEqual(['out.xlsx']);
  });
});
