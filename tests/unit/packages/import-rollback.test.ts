import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../renderer/api/client';
import { DeskDatabase } from '../../../renderer/db/database';
import {
  addFinding,
  countDossiers,
  createDossier,
  getDossier,
  listDossiers,
  putReceivedDossier,
  type StoreEnv,
  takeAction,
  updateDossier,
} from '../../../renderer/db/dossiers/store';
import { loadDashboard } from '../../../renderer/db/results/dashboard';
import { buildExportPayload, storeImportedPackage } from '../../../renderer/features/packages/bundle';
import { DOSSIER_BUNDLE_SCHEMA_VERSION } from '../../../shared/packages/payload';
import { dossierDraft, findingDraft, storeEnv } from '../dossiers/workflow-fixtures';

/**
 * An import whose commit fails in the main process (disk full, store error, a refusal)
 * after the dossiers were written: the clerk must find the database as it was.
 */

const today = '2026-11-28';
let county: DeskDatabase;
let city: DeskDatabase;
let minute = 0;

function envOf(db: DeskDatabase, office: string, short: string): StoreEnv {
  return storeEnv(db, () => new Date(Date.UTC(2026, 10, 27, 1, minute++)), { name: office, shortName: short });
}
const countyEnv = () => envOf(county, '青山县司法局', '青司');
const cityEnv = () => envOf(city, '江州市司法局', '江司');

const draft = (title: string, summary = '群众反映罚款过重') => dossierDraft({ title, summary });

const finding = findingDraft;

const evidenceRow = (dossierId: string, n: number) => ({
  id: `ev-${dossierId}-${n}`,
  dossierId,
  fileName: `证据${n}.pdf`,
  mimeType: 'application/pdf',
  size: 100 + n,
  sha256: String(n % 10)
    .repeat(64)
    .slice(0, 64),
  description: '',
  addedAt: '2026-11-27T01:00:00.000Z',
  addedBy: '李明',
});

const sender = {
  organId: 'org-county',
  organName: '青山县司法局',
  divisionCode: '330104',
  keyFingerprint: 'f'.repeat(64),
};

let sequence = 0;

/** A package of county dossiers, as the main process hands it to the renderer. */
async function packageOf(ids: string[]) {
  const payload = await buildExportPayload(county, ids);
  sequence++;
  return {
    importId: `imp-${sequence}`,
    packageId: `pkg-${sequence}`,
    sequence,
    createdAt: '2026-11-28T01:00:00.000Z',
    schemaVersion: DOSSIER_BUNDLE_SCHEMA_VERSION,
    sender,
    data: JSON.parse(JSON.stringify(payload.data)),
    files: payload.files.map((sha256) => ({ sha256, size: 1 })),
  };
}

const receivedAt = () => new Date(Date.UTC(2026, 10, 28, 2, minute++));

/** Every row of every table (meta's catalogue version is a cache counter, bumped by every write). */
async function contents(db: DeskDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows: unknown[] = await table.toArray();
    out[table.name] = table.name === 'meta' ? rows.filter((r) => (r as { k: string }).k !== 'catalogVersion') : rows;
  }
  return out;
}

const SEARCHES = ['暂扣车辆', '违规收费', '市场监管局', '青山县司法局', '未听取陈述申辩', '补充材料'];

/** What the clerk sees: the list, each search, the counts and the dashboard. */
async function view(db: DeskDatabase) {
  const list = await listDossiers(db, {}, { today, limit: 100 });
  const received = await listDossiers(db, { origin: 'received' }, { today, limit: 100 });
  const searches = new Map<string, string[]>();
  for (const text of SEARCHES) {
    searches.set(
      text,
      (await listDossiers(db, { text }, { today, limit: 100 })).cards.map((c) => c.id),
    );
  }
  return {
    list: list.cards,
    counts: await countDossiers(db, {}, today),
    received: received.cards.map((c) => c.id),
    searches,
    dashboard: await loadDashboard(db, today, { from: '2026-01-01', to: '2026-12-31' }),
  };
}

const diskFull = () => new ApiError({ code: 'DISK_FULL', message: 'no space left on device' });

beforeEach(async () => {
  minute = 0;
  county = new DeskDatabase(`county-${Math.random()}`);
  city = new DeskDatabase(`city-${Math.random()}`);
  await Promise.all([county.open(), city.open()]);
  // The city's own work, which an import must never touch.
  const own = await createDossier(cityEnv(), draft('关于市交通运输局行政许可的监督', '许可超期'));
  await takeAction(cityEnv(), own.dossier.id, { action: 'open', methods: ['case_files'] });
  await takeAction(cityEnv(), own.dossier.id, { action: 'start_investigation' });
  await addFinding(cityEnv(), own.dossier.id, finding('许可决定未说明理由'));
  await city.evidence.add(evidenceRow(own.dossier.id, 9));
});
afterEach(async () => {
  for (const db of [county, city]) {
    db.close();
    await db.delete();
  }
});

/** A county dossier under investigation, with a finding and evidence. */
async function countyDossier(title: string, n: number) {
  const env = countyEnv();
  const d = await createDossier(env, draft(title));
  await takeAction(env, d.dossier.id, { action: 'open', methods: ['case_files'] });
  await takeAction(env, d.dossier.id, { action: 'start_investigation' });
  await addFinding(env, d.dossier.id, finding('作出较大数额罚款前未听取陈述申辩'));
  await county.evidence.bulkAdd([evidenceRow(d.dossier.id, n), evidenceRow(d.dossier.id, n + 1)]);
  return d.dossier.id;
}

describe('an import whose commit fails', () => {
  it('takes new dossiers back out: every table, list, search, count and the dashboard as before', async () => {
    const a = await countyDossier('关于某县交通执法大队暂扣车辆的监督', 1);
    const b = await countyDossier('关于某县市场监管局罚款过重的监督', 3);
    const pkg = await packageOf([a, b]);

    const tables = await contents(city);
    const seen = await view(city);
    let heldAtCommit = 0;
    const calls = {
      commit: vi.fn(async () => {
        // The dossiers were written before the commit was asked for.
        heldAtCommit = (await listDossiers(city, { origin: 'received' }, { today })).total;
        throw diskFull();
      }),
      discard: vi.fn(async () => ({ discarded: true })),
    };
    const stored = await storeImportedPackage(city, pkg, calls, receivedAt);

    expect(heldAtCommit).toBe(2);
    expect(stored).toMatchObject({ ok: false, stage: 'commit', undone: true });
    expect(stored.ok === false && stored.error).toBeInstanceOf(ApiError);
    expect(calls.discard).toHaveBeenCalledWith(pkg.importId);
    expect(await getDossier(city, a)).toBeUndefined();
    expect(await getDossier(city, b)).toBeUndefined();
    expect(await contents(city)).toEqual(tables);
    expect(await view(city)).toEqual(seen);
  });

  it('puts back the older version a newer one replaced, with its evidence, search terms and tallies', async () => {
    const a = await countyDossier('关于某县交通执法大队暂扣车辆的监督', 1);
    const first = await packageOf([a]);
    const ok = { commit: vi.fn(async () => ({ filesAdded: 2 })), discard: vi.fn(async () => ({ discarded: true })) };
    expect(await storeImportedPackage(city, first, ok, receivedAt)).toMatchObject({ ok: true });

    // The county carries on: a new title, another finding, other evidence; and a new dossier.
    const env = countyEnv();
    const held = await getDossier(county, a);
    await updateDossier(env, a, held?.dossier.version ?? 0, draft('关于某县交通执法大队违规收费的监督'));
    await addFinding(env, a, finding('补充材料显示收费无依据'));
    await county.evidence.where('dossierId').equals(a).delete();
    await county.evidence.add(evidenceRow(a, 5));
    const b = await countyDossier('关于某县市场监管局罚款过重的监督', 7);
    const second = await packageOf([a, b]);

    const older = await getDossier(city, a);
    const olderEvidence = await city.evidence.where('dossierId').equals(a).toArray();
    const tables = await contents(city);
    const seen = await view(city);
    expect(seen.searches.get('暂扣车辆')).toEqual([a]);
    const calls = {
      commit: vi.fn(async () => {
        expect((await getDossier(city, a))?.dossier.title).toBe('关于某县交通执法大队违规收费的监督');
        throw diskFull();
      }),
      discard: vi.fn(async () => ({ discarded: true })),
    };
    const stored = await storeImportedPackage(city, second, calls, receivedAt);

    expect(stored).toMatchObject({ ok: false, stage: 'commit', undone: true });
    expect(calls.discard).toHaveBeenCalledWith(second.importId);
    expect(await getDossier(city, a)).toEqual(older);
    expect(await city.evidence.where('dossierId').equals(a).toArray()).toEqual(olderEvidence);
    expect(await getDossier(city, b)).toBeUndefined();
    const after = await view(city);
    expect(after.searches.get('暂扣车辆')).toEqual([a]);
    expect(after.searches.get('违规收费')).toEqual([]);
    expect(after.searches.get('补充材料')).toEqual([]);
    expect(after).toEqual(seen);
    expect(await contents(city)).toEqual(tables);
  });

  it('keeps a dossier replaced again meanwhile, changes nothing, and says which dossiers stay', async () => {
    const a = await countyDossier('关于某县交通执法大队暂扣车辆的监督', 1);
    const pkg = await packageOf([a]);
    const calls = {
      commit: vi.fn(async () => {
        // Another window imports a still newer version before this commit fails.
        const record = await getDossier(city, a);
        if (!record) throw new Error('not written');
        const newer = { ...record.dossier, version: record.dossier.version + 1, title: '另一窗口导入的版本' };
        await putReceivedDossier(city, { dossier: newer, findings: record.findings, events: record.events });
        throw diskFull();
      }),
      discard: vi.fn(async () => ({ discarded: true })),
    };
    const stored = await storeImportedPackage(city, pkg, calls, receivedAt);
    expect(stored).toMatchObject({ ok: false, stage: 'commit', undone: false });
    expect(stored.ok === false && stored.stage === 'commit' && stored.numbers).toEqual([
      (await getDossier(county, a))?.dossier.number,
    ]);
    expect((await getDossier(city, a))?.dossier.title).toBe('另一窗口导入的版本');
    expect((await listDossiers(city, { text: '另一窗口' }, { today })).cards.map((c) => c.id)).toEqual([a]);
  });
});

describe('an import that commits', () => {
  it('keeps the newer version, its evidence and its search terms, and is not discarded', async () => {
    const a = await countyDossier('关于某县交通执法大队暂扣车辆的监督', 1);
    const ok = { commit: vi.fn(async () => ({ filesAdded: 2 })), discard: vi.fn(async () => ({ discarded: true })) };
    await storeImportedPackage(city, await packageOf([a]), ok, receivedAt);
    const held = await getDossier(county, a);
    await updateDossier(countyEnv(), a, held?.dossier.version ?? 0, draft('关于某县交通执法大队违规收费的监督'));
    await county.evidence.add(evidenceRow(a, 5));
    const pkg = await packageOf([a]);

    const stored = await storeImportedPackage(city, pkg, ok, receivedAt);
    expect(stored).toEqual({
      ok: true,
      dossierIds: [a],
      numbers: [held?.dossier.number],
      filesAdded: 2,
    });
    expect(ok.commit).toHaveBeenLastCalledWith(pkg.importId);
    expect(ok.discard).not.toHaveBeenCalled();
    const now = await view(city);
    expect(now.searches.get('违规收费')).toEqual([a]);
    expect(now.searches.get('暂扣车辆')).toEqual([]);
    expect(now.received).toEqual([a]);
    expect((await city.evidence.where('dossierId').equals(a).toArray()).map((e) => e.id).sort()).toEqual(
      [`ev-${a}-1`, `ev-${a}-2`, `ev-${a}-5`].sort(),
    );
    expect((await getDossier(city, a))?.dossier.origin).toMatchObject({ kind: 'received', packageId: pkg.packageId });
  });
});
