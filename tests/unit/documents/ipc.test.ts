import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../electron/backend';
import { SETTINGS_DEFAULTS, type SettingsPort, type SettingsSchema } from '../../../electron/services/settings';
import type { OperationProgress } from '../../../shared/ipc/events';
import { RecordingShell, ScriptedDialogs } from '../../e2e/support/ports';
import { OFFICE, OPINION_SOURCE } from './fixtures';
import { EchoPrinter, silentLogger, tempDir } from './support';

class MemorySettings implements SettingsPort {
  private readonly values: Partial<SettingsSchema> = { ...SETTINGS_DEFAULTS };
  get<K extends keyof SettingsSchema>(key: K) {
    return this.values[key] as SettingsSchema[K] | undefined;
  }
  set<K extends keyof SettingsSchema>(key: K, value: SettingsSchema[K]) {
    this.values[key] = value;
  }
  delete(key: keyof SettingsSchema) {
    delete this.values[key];
  }
}

let folder: ReturnType<typeof tempDir>;
let backend: Backend;
let dialogs: ScriptedDialogs;
let shell: RecordingShell;
let progress: OperationProgress[];

beforeEach(() => {
  folder = tempDir();
  dialogs = new ScriptedDialogs();
  shell = new RecordingShell();
  progress = [];
  backend = createBackend({
    userDataDir: folder.dir,
    settingsStore: new MemorySettings(),
    logger: silentLogger,
    runtime: 'harness',
    version: 'test',
    platform: 'linux',
    onLocaleChanged() {},
    pdfPrinter: new EchoPrinter(),
    dialogs,
    shell,
  });
  backend.settings.setOffice(OFFICE);
});
afterEach(() => folder.remove());

const ctx = {
  emit: (event: string, payload: unknown) => {
    if (event === 'op.progress') progress.push(payload as OperationProgress);
  },
};

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = await backend.dispatch(channel, input, ctx);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}

async function fails(channel: string, input: unknown) {
  const envelope = await backend.dispatch(channel, input, ctx);
  expect(envelope.ok).toBe(false);
  return envelope.ok ? null : envelope.error;
}

describe('documents over IPC', () => {
  it('drafts, previews, issues and saves a copy where the clerk chose', async () => {
    const draft = await call<{ id: string }>('documents.createDraft', {
      type: 'supervision_opinion',
      source: OPINION_SOURCE,
    });
    const preview = await call<{ pdfBase64: string }>('documents.preview', { id: draft.id });
    expect(Buffer.from(preview.pdfBase64, 'base64').toString('utf8')).toContain('青司执监意〔2026〕　号');

    const issued = await call<{ number: string }>('documents.issue', { id: draft.id });
    expect(issued.number).toBe('青司执监意〔2026〕1号');

    const target = join(folder.dir, 'chosen.docx');
    dialogs.saveAnswers.push(target);
    expect(await call('documents.saveAs', { id: draft.id, format: 'docx' })).toEqual({ path: target });
    expect(dialogs.requests[0]?.defaultPath).toBe('青司执监意〔2026〕1号 行政执法监督意见书.docx');
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');

    // Cancelling the dialog writes nothing.
    expect(await call('documents.saveAs', { id: draft.id, format: 'pdf' })).toEqual({ path: null });

    await call('documents.open', { id: draft.id, format: 'docx' });
    expect(shell.opened).toHaveLength(1);
    expect(shell.opened[0]).toContain(join('documents', 'exports'));
    expect(existsSync(shell.opened[0] ?? '')).toBe(true);
  });

  it('rejects malformed input and changes to an issued document with coded errors', async () => {
    expect((await fails('documents.createDraft', { type: 'poem', source: {} }))?.code).toBe('VALIDATION_FAILED');
    expect((await fails('documents.get', { id: '../../etc/passwd' }))?.code).toBe('VALIDATION_FAILED');
    const draft = await call<{ id: string; fields: Record<string, unknown> }>('documents.createDraft', {
      type: 'supervision_notice',
      source: OPINION_SOURCE,
    });
    await call('documents.issue', { id: draft.id });
    const error = await fails('documents.saveDraft', { id: draft.id, fields: { ...draft.fields, title: 'x' } });
    expect(error?.code).toBe('DOCUMENT_ISSUED');
    expect((await fails('documents.deleteDraft', { id: draft.id }))?.code).toBe('DOCUMENT_ISSUED');
    expect((await fails('documents.issue', { id: draft.id }))?.code).toBe('DOCUMENT_ISSUED');
  });

  it('runs a batch with progress events', async () => {
    const out = await call<{ results: { ok: boolean }[] }>('documents.batch', {
      opId: 'batch-1',
      type: 'rectification_notice',
      sources: [OPINION_SOURCE, OPINION_SOURCE, OPINION_SOURCE],
      issue: true,
    });
    expect(out.results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(progress.every((p) => p.opId === 'batch-1' && p.total === 3)).toBe(true);
  });
});
