import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: { channel: string; input: unknown }[] = [];
let onAppend: (() => Promise<void>) | undefined;

vi.mock('../../../renderer/api/client', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../renderer/api/client')>();
  return {
    ...original,
    call: async (channel: string, input: unknown) => {
      calls.push({ channel, input });
      if (channel === 'backup.begin') return { sessionId: 'session-1' };
      if (channel === 'backup.appendRows') {
        const write = onAppend;
        onAppend = undefined;
        await write?.();
        return {};
      }
      if (channel === 'backup.finish') return { path: '/backups/desk.sdbackup' };
      return {};
    },
  };
});

const { db } = await import('../../../renderer/db/database');
const { runBackup } = await import('../../../renderer/features/backup/transfer');

const organ = (id: string, name: string) => ({
  id,
  name,
  shortName: name,
  kind: 'judicial' as const,
  level: 'county' as const,
  divisionCode: '330100',
  active: true,
  updatedAt: '2026-11-27T00:00:00.000Z',
});

beforeEach(async () => {
  vi.stubGlobal('navigator', {});
  calls.length = 0;
  await db().open();
  await db().organs.bulkPut([organ('o-1', '青山县司法局'), organ('o-2', '青山县市场监督管理局')]);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db().delete();
  db().close();
});

describe('a backup', () => {
  it('is finished when nothing was written while its tables were read', async () => {
    const result = await runBackup({ opId: 'op-1', mode: 'manual', passphrase: 'a long passphrase' });
    expect(result).toEqual({ path: '/backups/desk.sdbackup' });
    const channels = calls.map((c) => c.channel);
    expect(channels.filter((c) => c === 'backup.appendRows').length).toBe(db().tables.length);
    expect(channels).toContain('backup.finish');
    expect(channels).not.toContain('backup.abort');
  });

  it('is discarded, with a reason the clerk can act on, when a record is written while its tables are read', async () => {
    onAppend = async () => {
      await db().organs.put(organ('o-3', '青山县交通运输局'));
    };
    await expect(runBackup({ opId: 'op-2', mode: 'auto' })).rejects.toMatchObject({ code: 'BACKUP_CHANGED_DURING' });
    const channels = calls.map((c) => c.channel);
    expect(channels).toContain('backup.abort');
    expect(channels).not.toContain('backup.finish');
    // The write itself went through.
    expect(await db().organs.count()).toBe(3);
  });
});
