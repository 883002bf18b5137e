import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import {
  ImportConflict,
  RecordRejected,
  readSnapshot,
  saveRecord,
  setActive,
  writeImport,
} from '../../../renderer/features/registries/data';
import type { EnforcementOfficer, Organ } from '../../../shared/domain/registry';

const NOW = '2026-03-02T09:00:00.000Z';
const organ: Organ = {
  id: 'org-1',
  name: '青山县人民政府',
  shortName: '县政府',
  level: 'county',
  kind: 'government',
  divisionCode: '330104',
  active: true,
  updatedAt: NOW,
};
const officer = (id: string, name: string, certificateNo: string): EnforcementOfficer => ({
  id,
  name,
  certificateNo,
  subjectId: 'subj-1',
  status: 'active',
  active: true,
  updatedAt: NOW,
});

beforeEach(async () => {
  await db().open();
  await db().subjects.put({
    id: 'subj-1',
    name: '青山县市场监督管理局',
    type: 'statutory',
    field: 'market_regulation',
    legalBasis: '《行政处罚法》',
    organId: 'org-1',
    active: true,
    updatedAt: NOW,
  });
  await db().organs.put(organ);
});
afterEach(async () => {
  await db().delete();
});

describe('registry writes', () => {
  it('writes all rows of an import together', async () => {
    expect(await writeImport('officers', [officer('a', '张三', 'ZJ-001'), officer('b', '李四', 'ZJ-002')])).toBe(2);
    expect((await db().officers.toArray()).map((o) => o.name).sort()).toEqual(['张三', '李四']);
  });

  it('writes no row at all when one clashes with a record added since the preview', async () => {
    await saveRecord('officers', officer('x', '王五', 'ZJ-002'));
    const rows = [officer('a', '张三', 'ZJ-001'), officer('b', '李四', 'ZJ-002'), officer('c', '赵六', 'ZJ-003')];
    await expect(writeImport('officers', rows)).rejects.toBeInstanceOf(ImportConflict);
    expect((await db().officers.toArray()).map((o) => o.name)).toEqual(['王五']);
  });

  it('writes no row when two rows of the batch share a number', async () => {
    const rows = [officer('a', '张三', 'ZJ-009'), officer('b', '李四', 'ZJ-010'), officer('c', '赵六', 'ZJ-010')];
    await expect(writeImport('officers', rows)).rejects.toBeInstanceOf(ImportConflict);
    expect(await db().officers.count()).toBe(0);
  });

  it('refuses a record that breaks a rule, with the field it breaks it on', async () => {
    await saveRecord('officers', officer('x', '王五', 'ZJ-002'));
    const error = await saveRecord('officers', officer('y', '钱七', 'ZJ-002')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordRejected);
    expect((error as RecordRejected).issues).toEqual([
      { path: ['certificateNo'], key: 'registries:rules.certificateTaken', params: { name: '王五' } },
    ]);
    // Editing the holder of the number itself is fine.
    await saveRecord('officers', { ...officer('x', '王五', 'ZJ-002'), status: 'suspended' });
    expect((await db().officers.get('x'))?.status).toBe('suspended');
  });

  it('deactivates without deleting, and the deactivated organ cannot be chosen anew', async () => {
    await setActive('organs', 'org-1', false);
    const snapshot = await readSnapshot();
    expect(snapshot.organs).toEqual([expect.objectContaining({ id: 'org-1', active: false })]);
    const child: Organ = { ...organ, id: 'org-2', name: '城关镇人民政府', level: 'township', parentId: 'org-1' };
    await expect(saveRecord('organs', child)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['parentId'], key: 'registries:rules.referenceInactive' })],
    });
  });

  it('refuses an organ placed under its own descendant', async () => {
    const child: Organ = { ...organ, id: 'org-2', name: '城关镇人民政府', level: 'township', parentId: 'org-1' };
    await saveRecord('organs', child);
    await expect(saveRecord('organs', { ...organ, parentId: 'org-2' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['parentId'], key: 'registries:rules.parentCycle' })],
    });
  });
});
