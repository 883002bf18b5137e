import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import { BulkWriter } from '../../../renderer/db/dossiers/bulk';
import { BODY_BLOCK, bodyBlockOf } from '../../../renderer/db/dossiers/layout';
import { holdsIndex } from '../../../renderer/db/dossiers/search-index';
import {
  addFinding,
  countDossiers,
  createDossier,
  DossierStoreError,
  dropCatalogCache,
  getDossier,
  holdSearchIndex,
  listDossiers,
  putReceivedDossier,
  putReceivedDossiers,
  repairSearchIndex,
  type StoreEnv,
  takeAction,
  undoReceivedDossiers,
  updateDossier,
  verifyTimeline,
  writeReceivedDossiers,
} from '../../../renderer/db/dossiers/store';
import type { TimelineEvent } from '../../../shared/domain/dossier';
import { sealEvent } from '../../../shared/timeline';
import { dossierDraft, findingDraft, dossier as makeDossier, storeEnv } from './workflow-fixtures';

let db: DeskDatabase;
let env: StoreEnv;
let minute = 0;

beforeEach(async () => {
  db = new DeskDatabase(`test-${Math.random()}`);
  await db.open();
  await db.subjects.bulkPut([
    {
      id: 's-market',
      name: '青山县市场监督管理局',
      type: 'statutory',
      field: 'market_regulation',
      legalBasis: '《行政处罚法》',
      organId: 'o-market',
      active: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: 's-transport',
      name: '青山县交通运输综合行政执法大队',
      type: 'authorised',
      field: 'transport',
      legalBasis: '《道路运输条例》',
      organId: 'o-transport',
      active: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ]);
  minute = 0;
  // Each write a minute after the one before, so "last changed" orders them.
  env = storeEnv(db, () => new Date(Date.UTC(2026, 10, 27, 1, minute++)));
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const draft = dossierDraft;

const finding = findingDraft;

const today = '2026-11-27';

describe('dossier store', () => {
  it('numbers dossiers per organ and year, in the transaction that creates them', async () => {
    const a = await createDossier(env, draft());
    const b = await createDossier(env, draft({ title: '第二件' }));
    const c = await createDossier(env, draft({ title: '去年的', registeredOn: '2025-12-30' }));
    expect([a.dossier.number, b.dossier.number, c.dossier.number]).toEqual([
      '青司监〔2026〕1号',
      '青司监〔2026〕2号',
      '青司监〔2025〕1号',
    ]);
    const loaded = await getDossier(db, b.dossier.id);
    expect(loaded?.dossier.title).toBe('第二件');
    expect(loaded?.events.map((e) => e.type)).toEqual(['registered']);
    expect(await verifyTimeline(db, b.dossier.id)).toEqual({ ok: true, count: 1 });
  });

  it('runs workflow actions with their guards, one event each', async () => {
    const one = await createDossier(env, draft({ handlerIds: ['h-1'] }));
    const refused = await takeAction(env, one.dossier.id, { action: 'open', methods: ['case_files'] });
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: 'handlers' }] });
    expect((await getDossier(db, one.dossier.id))?.events).toHaveLength(1);

    const two = await createDossier(env, draft());
    const opened = await takeAction(env, two.dossier.id, { action: 'open', methods: ['case_files'] });
    expect(opened.ok).toBe(true);
    await takeAction(env, two.dossier.id, { action: 'start_investigation' });
    const record = await getDossier(db, two.dossier.id);
    expect(record?.dossier.status).toBe('investigating');
    expect(record?.events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['registered', undefined, 'registered'],
      ['open', 'registered', 'opened'],
      ['start_investigation', 'opened', 'investigating'],
    ]);
    expect(await verifyTimeline(db, two.dossier.id)).toEqual({ ok: true, count: 3 });
  });

  it('lists by last change, filters by status and counts every status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createDossier(env, draft({ title: `案卷${i}号测试` }))).dossier.id);
    await takeAction(env, ids[1] as string, { action: 'decline', reason: '不属于监督范围' });
    const all = await listDossiers(db, {}, { today });
    expect(all.cards.map((c) => c.id)).toEqual([ids[1], ids[4], ids[3], ids[2], ids[0]]);
    expect(all.total).toBe(5);
    expect(all.counts.registered).toBe(4);
    expect(all.counts.not_opened).toBe(1);
    const registered = await listDossiers(db, { statuses: ['registered'] }, { today });
    expect(registered.cards.map((c) => c.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
    expect(registered.counts.not_opened).toBe(1);
  });

  it('pages with a keyset cursor, without repeats or gaps', async () => {
    const writer = new BulkWriter(db, (work) =>
      db.transaction('rw', [db.bodies, db.cards, db.catalog, db.meta, db.postings, db.termBuckets], work),
    );
    await writer.begin();
    for (let i = 0; i < 120; i++) {
      const d = makeDossier({
        id: `bulk-${i}`,
        number: `青司监〔2026〕${i + 1}号`,
        updatedAt: new Date(Date.UTC(2026, 0, 1) + (i % 7) * 3600_000).toISOString(),
      });
      writer.add({ dossier: d, findings: [], events: [] }, { subjects: [], organs: [] });
    }
    await writer.finish();
    const seen: string[] = [];
    let cursor: Awaited<ReturnType<typeof listDossiers>>['next'];
    const sizes: number[] = [];
    do {
      const page = await listDossiers(db, {}, { today, limit: 50, cursor });
      sizes.push(page.cards.length);
      seen.push(...page.cards.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(sizes.slice(0, 3)).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    const order = seen.map((id) => Number(id.slice(5)));
    // Newest change first; ties broken by slot, newest slot first.
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1] as number, order[k] as number];
      expect(a % 7 > b % 7 || (a % 7 === b % 7 && a > b)).toBe(true);
    }
  });

  it('finds dossiers by Chinese bigrams, English words, subject names and findings; edits re-index', async () => {
    const hearing = await createDossier(env, draft({ title: '关于罚没款处置的重点监督' }));
    await takeAction(env, hearing.dossier.id, { action: 'open', methods: ['case_files'] });
    await takeAction(env, hearing.dossier.id, { action: 'start_investigation' });
    await addFinding(env, hearing.dossier.id, finding('作出较大数额罚款决定前未告知听证权利'));
    const transport = await createDossier(
      env,
      draft({ title: '网约车非法营运查处监督', subjectIds: ['s-transport'], summary: 'Evergreen Logistics 反映' }),
    );
    const ids = async (text: string) => (await listDossiers(db, { text }, { today })).cards.map((c) => c.id);
    expect(await ids('听证')).toEqual([hearing.dossier.id]);
    expect(await ids('罚没')).toEqual([hearing.dossier.id]);
    expect(await ids('hearing')).toEqual([hearing.dossier.id]); // taxonomy label, in English
    expect(await ids('交通运输')).toEqual([transport.dossier.id]); // subject name
    expect(await ids('EVERGREEN')).toEqual([transport.dossier.id]);
    expect(await ids('监督')).toEqual([transport.dossier.id, hearing.dossier.id]);
    expect(await ids('听证 网约车')).toEqual([]);
    expect((await listDossiers(db, { subjectId: 's-transport' }, { today })).cards.map((c) => c.id)).toEqual([
      transport.dossier.id,
    ]);

    const current = await getDossier(db, transport.dossier.id);
    await updateDossier(
      env,
      transport.dossier.id,
      current?.dossier.version ?? 0,
      draft({ title: '出租车违规经营查处监督', subjectIds: ['s-transport'] }),
    );
    expect(await ids('网约车')).toEqual([]);
    expect(await ids('出租车')).toEqual([transport.dossier.id]);
    expect((await getDossier(db, transport.dossier.id))?.events.at(-1)).toMatchObject({
      type: 'edited',
      data: { fields: ['title', 'summary'] },
    });
  });

  it('refuses a save over someone else’s newer save', async () => {
    const created = await createDossier(env, draft());
    await updateDossier(env, created.dossier.id, 1, draft({ title: '第一次修改' }));
    await expect(updateDossier(env, created.dossier.id, 1, draft({ title: '过期的修改' }))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await getDossier(db, created.dossier.id))?.dossier.title).toBe('第一次修改');
  });

  it('keeps a received dossier read-only', async () => {
    const writer = new BulkWriter(db, (work) =>
      db.transaction('rw', [db.bodies, db.cards, db.catalog, db.meta, db.postings, db.termBuckets], work),
    );
    await writer.begin();
    writer.add(
      {
        dossier: makeDossier({
          id: 'from-below',
          origin: {
            kind: 'received',
            senderOrganName: '城关镇司法所',
            senderDivisionCode: '330104',
            senderFingerprint: 'fp',
            packageId: 'pkg-1',
            receivedAt: '2026-11-20T09:00:00.000+08:00',
          },
        }),
        findings: [],
        events: [],
      },
      { subjects: [], organs: [] },
    );
    await writer.finish();
    await expect(takeAction(env, 'from-below', { action: 'decline', reason: '理由充分' })).rejects.toBeInstanceOf(
      DossierStoreError,
    );
    const list = await listDossiers(db, { origin: 'received' }, { today });
    expect(list.cards.map((c) => [c.id, c.receivedFrom])).toEqual([['from-below', '城关镇司法所']]);
  });

  it('names the altered event when a stored event is changed behind the app’s back', async () => {
    const created = await createDossier(env, draft());
    await takeAction(env, created.dossier.id, { action: 'open', methods: ['case_files'] });
    await takeAction(env, created.dossier.id, { action: 'start_investigation' });
    const slot = created.slot;
    const block = await db.bodies.get(bodyBlockOf(slot));
    const item = block?.items[slot % BODY_BLOCK];
    if (!block || !item) throw new Error('record missing');
    (item.events[1] as { reason?: string }).reason = '事后补写的理由';
    await db.bodies.put(block);
    expect(await verifyTimeline(db, created.dossier.id)).toMatchObject({ ok: false, brokenAt: 2, problem: 'altered' });
  });
});

describe('dossiers received from another organ', () => {
  const origin = {
    kind: 'received' as const,
    senderOrganName: '城关镇司法所',
    senderDivisionCode: '330104',
    senderFingerprint: 'fp',
    packageId: 'pkg-1',
    receivedAt: '2026-11-20T09:00:00.000+08:00',
  };
  const timeline = (id: string, n: number) => {
    const events: TimelineEvent[] = [];
    for (let i = 0; i < n; i++) {
      events.push(
        sealEvent(
          { dossierId: id, at: `2026-11-1${i}T09:00:00.000+08:00`, actor: '张三', type: 'edited', data: {} },
          events.at(-1),
        ),
      );
    }
    return events;
  };

  it('are stored once verified, replaced only by a newer version, and found by the sender’s name', async () => {
    const first = makeDossier({ id: 'recv-1', title: '镇综合执法队暂扣物品处理监督', origin, version: 3 });
    await putReceivedDossier(db, { dossier: first, findings: [], events: timeline('recv-1', 2) });
    expect((await listDossiers(db, { text: '城关镇' }, { today })).cards.map((c) => c.id)).toEqual(['recv-1']);
    await expect(
      putReceivedDossier(db, { dossier: { ...first, title: '旧版本' }, findings: [], events: timeline('recv-1', 2) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const newer = { ...first, version: 4, title: '镇综合执法队暂扣物品处理监督（补充）' };
    const stored = await putReceivedDossier(db, { dossier: newer, findings: [], events: timeline('recv-1', 3) });
    expect((await getDossier(db, 'recv-1'))?.dossier.title).toBe(newer.title);
    expect(stored.slot).toBe(0);
    expect((await listDossiers(db, {}, { today })).total).toBe(1);
    // A broken timeline is refused, and nothing changes.
    const broken = timeline('recv-1', 4).map((e) => (e.seq === 2 ? { ...e, actor: '李四' } : e));
    await expect(
      putReceivedDossier(db, { dossier: { ...newer, version: 5 }, findings: [], events: broken }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await getDossier(db, 'recv-1'))?.dossier.version).toBe(4);
  });

  it('from one package are stored all together or, if one is refused, not at all', async () => {
    const own = await createDossier(env, draft());
    const evidence = {
      id: 'ev-1',
      dossierId: 'recv-a',
      fileName: '询问笔录.pdf',
      mimeType: 'application/pdf',
      size: 12,
      sha256: 'b'.repeat(64),
      description: '',
      addedAt: '2026-11-10T09:00:00.000+08:00',
      addedBy: '张三',
    };
    const a = {
      dossier: makeDossier({ id: 'recv-a', origin, version: 2 }),
      findings: [],
      events: timeline('recv-a', 2),
    };
    const b = {
      dossier: makeDossier({ id: 'recv-b', origin, version: 1 }),
      findings: [],
      events: timeline('recv-b', 1),
    };
    const before = (await listDossiers(db, {}, { today })).total;
    // The office's own dossier under a received id: the whole batch is refused.
    const clash = { ...b, dossier: { ...b.dossier, id: own.dossier.id }, events: timeline(own.dossier.id, 1) };
    await expect(putReceivedDossiers(db, [{ ...a, evidence: [evidence] }, clash])).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await listDossiers(db, {}, { today })).total).toBe(before);
    expect(await getDossier(db, 'recv-a')).toBeUndefined();
    expect(await db.evidence.count()).toBe(0);

    const stored = await putReceivedDossiers(db, [{ ...a, evidence: [evidence] }, b]);
    expect(stored.map((r) => r.dossier.id)).toEqual(['recv-a', 'recv-b']);
    expect((await listDossiers(db, { origin: 'received' }, { today })).cards.map((c) => c.id).sort()).toEqual([
      'recv-a',
      'recv-b',
    ]);
    expect((await db.evidence.where('dossierId').equals('recv-a').toArray()).map((e) => e.fileName)).toEqual([
      '询问笔录.pdf',
    ]);
    // The same versions again are refused: a package cannot set a dossier back.
    await expect(putReceivedDossiers(db, [b])).rejects.toMatchObject({ code: 'CONFLICT' });
    const broken = { ...a, dossier: { ...a.dossier, version: 3 }, events: timeline('recv-a', 3).slice(1) };
    await expect(putReceivedDossiers(db, [broken])).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getDossier(db, 'recv-a'))?.dossier.version).toBe(2);
  });
});

describe('a received write taken back out', () => {
  const origin = {
    kind: 'received' as const,
    senderOrganName: '城关镇司法所',
    senderDivisionCode: '330104',
    senderFingerprint: 'fp',
    packageId: 'pkg-9',
    receivedAt: '2026-11-20T09:00:00.000+08:00',
  };
  const received = (id: string) => ({
    dossier: makeDossier({ id, origin, title: `镇综合执法队暂扣物品处理监督${id}` }),
    findings: [],
    events: [
      sealEvent(
        { dossierId: id, at: '2026-11-10T09:00:00.000+08:00', actor: '张三', type: 'edited', data: {} },
        undefined,
      ),
    ],
  });
  /** Every row of every table; meta without the catalogue's version, which every write moves on. */
  const rows = async () =>
    Object.fromEntries(
      await Promise.all(
        db.tables.map(async (t) => {
          const all: unknown[] = await t.toArray();
          return [t.name, all.filter((r) => (r as { k?: unknown }).k !== 'catalogVersion')] as const;
        }),
      ),
    );

  it('leaves a database that held nothing without a row, past the first block of slots', async () => {
    const before = await rows();
    const list = Array.from({ length: BODY_BLOCK + 2 }, (_, i) => received(`recv-${i}`));
    const { undo } = await writeReceivedDossiers(db, list);
    expect((await listDossiers(db, { text: '暂扣物品' }, { today })).total).toBe(BODY_BLOCK + 2);
    await undoReceivedDossiers(db, undo);
    expect(await rows()).toEqual(before);
    // The catalogue's version stays moved on: caches in other windows must see the change.
    expect((await db.meta.get('catalogVersion'))?.v).toBeGreaterThan(0);
    expect((await listDossiers(db, { text: '暂扣物品' }, { today })).total).toBe(0);
  });

  it('restores an evidence row the package overwrote under another dossier, and leaves other dossiers alone', async () => {
    const own = await createDossier(env, draft());
    const ownEvidence = {
      id: 'ev-shared',
      dossierId: own.dossier.id,
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      size: 10,
      sha256: 'c'.repeat(64),
      description: '',
      addedAt: '2026-11-10T09:00:00.000+08:00',
      addedBy: '李明',
    };
    await db.evidence.add(ownEvidence);
    const before = await rows();
    const { undo } = await writeReceivedDossiers(db, [
      { ...received('recv-x'), evidence: [{ ...ownEvidence, dossierId: 'recv-x', fileName: '对方的文件.pdf' }] },
    ]);
    expect((await db.evidence.get('ev-shared'))?.dossierId).toBe('recv-x');
    await undoReceivedDossiers(db, undo);
    expect(await db.evidence.get('ev-shared')).toEqual(ownEvidence);
    expect(await rows()).toEqual(before);
    expect(await getDossier(db, own.dossier.id)).toEqual(own);
  });
});

describe('an interrupted bulk write', () => {
  it('leaves every stored dossier listed and numbered, and its search terms are written on the next start', async () => {
    const tables = [db.bodies, db.cards, db.catalog, db.meta, db.postings, db.termBuckets];
    const writer = new BulkWriter(db, (work) => db.transaction('rw', tables, work));
    await writer.begin();
    for (let i = 0; i < 40; i++) {
      writer.add(
        {
          dossier: makeDossier({
            id: `cut-${i}`,
            owningOrganId: 'office',
            number: `青司监〔2026〕${i + 1}号`,
            title: `第${i}件危险化学品经营案卷`,
          }),
          findings: [],
          events: [],
        },
        { subjects: [], organs: [] },
      );
    }
    await writer.flush();
    await new Promise((r) => setTimeout(r, 50)); // the flush lands; finish() never runs
    await db.transaction('r', tables, () => undefined);
    expect((await listDossiers(db, {}, { today })).total).toBe(40);
    expect((await listDossiers(db, { text: '危险化学品' }, { today })).total).toBe(0);
    // Numbers already used are not given out again.
    expect((await createDossier(env, draft())).dossier.number).toBe('青司监〔2026〕41号');
    expect(await repairSearchIndex(db)).toBe(41);
    expect((await listDossiers(db, { text: '危险化学品' }, { today })).total).toBe(40);
    expect(await repairSearchIndex(db)).toBe(0);
  });
});

/** A dossier created through a second connection to the database, as another window would. */
async function createInAnotherWindow(title: string): Promise<void> {
  const other = new DeskDatabase(db.name);
  await other.open();
  try {
    await createDossier({ ...env, db: other }, draft({ title }));
  } finally {
    other.close();
  }
}

/** Dossiers with the titles given, written as the demo seed writes them (bulk rows and bitmaps). */
async function bulkWrite(prefix: string, count: number, titleOf: (i: number) => string): Promise<void> {
  const writer = new BulkWriter(db, (work) =>
    db.transaction('rw', [db.bodies, db.cards, db.catalog, db.meta, db.postings, db.termBuckets], work),
  );
  await writer.begin();
  for (let i = 0; i < count; i++) {
    const dossier = makeDossier({ id: `${prefix}-${i}`, number: `青司监〔2026〕${i + 1}号`, title: titleOf(i) });
    writer.add({ dossier, findings: [], events: [] }, { subjects: [], organs: [] });
  }
  await writer.finish();
}

describe('search over dense terms', () => {
  it('finds exactly the dossiers of a term kept as a bitmap, and removes one on edit', async () => {
    await bulkWrite('dense', 600, (i) => (i % 2 === 0 ? `第${i}件未告知听证权利的案卷` : `第${i}件裁量基准问题`));
    const rows = await db.postings.toArray();
    expect(rows.some((r) => r.bits)).toBe(true);
    const hits = await listDossiers(db, { text: '听证' }, { today, limit: 1000 });
    expect(hits.total).toBe(300);
    expect(hits.cards.every((c) => c.title.includes('听证'))).toBe(true);
    // An edit drops the dossier from the bitmap row.
    await updateDossier(env, 'dense-0', 1, draft({ title: '改为其他内容的案卷' }));
    expect((await listDossiers(db, { text: '听证' }, { today, limit: 1000 })).total).toBe(299);
  });

  it('intersects bitmap rows, gap-list rows and bucket entries alike', async () => {
    const { intersectPostings } = await import('../../../renderer/db/dossiers/search-index');
    const { encodeBitmap } = await import('../../../shared/search/postings');
    const everyOther = Array.from({ length: 500 }, (_, i) => i * 2);
    const bitmap = { bitmaps: [encodeBitmap(everyOther)], list: [1001, 1003], count: 502 };
    const sparse = { bitmaps: [], list: [3, 4, 10, 11, 1001], count: 5 };
    expect(intersectPostings([bitmap, sparse])).toEqual([4, 10, 1001]);
    expect(intersectPostings([sparse, bitmap, { bitmaps: [], list: [], count: 0 }])).toEqual([]);
  });
});

describe('bitmap intersection', () => {
  it('ANDs terms that are all bitmaps, and mixes them with lists', async () => {
    const { intersectPostings } = await import('../../../renderer/db/dossiers/search-index');
    const { encodeBitmap } = await import('../../../shared/search/postings');
    const evens = { bitmaps: [encodeBitmap(Array.from({ length: 50 }, (_, i) => i * 2))], list: [], count: 50 };
    const threes = { bitmaps: [encodeBitmap(Array.from({ length: 40 }, (_, i) => i * 3))], list: [], count: 40 };
    expect(intersectPostings([evens, threes])).toEqual([
      0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84, 90, 96,
    ]);
    expect(intersectPostings([evens, threes, { bitmaps: [], list: [12, 13, 90], count: 3 }])).toEqual([12, 90]);
  });
});

// Two screens reading the list at once (the send dialog and the list, say) each in
// their own transaction, right after the catalogue was dropped: neither may wait on a
// read that belongs to the other's transaction, or its transaction commits early and
// the screen never loads.
it('concurrent list and count reads in separate transactions all resolve after the catalogue is dropped', async () => {
  await createDossier(env, draft());
  await createDossier(env, draft({ summary: '群众反映罚款过重，未告知听证' }));
  dropCatalogCache(db);
  const [all, searched, counts] = await Promise.all([
    listDossiers(db, {}, { today: '2026-11-27' }),
    listDossiers(db, { text: '罚款' }, { today: '2026-11-27' }),
    countDossiers(db, {}, '2026-11-27'),
  ]);
  expect(all.cards).toHaveLength(2);
  expect(searched.cards).toHaveLength(2);
  expect(counts.total).toBe(2);
});

// The list reads the catalogue's version and the search index side by side; when the
// version shows another window wrote, what the index reads took from this window's
// caches must not stand.
it('a search repeated after another window wrote finds the new dossier, in the list and the counts', async () => {
  const today = '2026-11-27';
  await createDossier(env, draft({ title: '未告知听证权利的监督事项' }));
  expect((await listDossiers(db, { text: '听证' }, { today })).total).toBe(1);
  expect((await countDossiers(db, { text: '听证' }, today)).total).toBe(1);

  await createInAnotherWindow('另一件听证程序的监督事项');
  expect((await countDossiers(db, { text: '听证' }, today)).total).toBe(2);
  const page = await listDossiers(db, { text: '听证' }, { today });
  expect(page.cards.map((c) => c.title).sort()).toEqual(['另一件听证程序的监督事项', '未告知听证权利的监督事项']);
});

describe('the search index held in memory', () => {
  const QUERIES = ['听证', '裁量基准', '听证权利', '第12', 'evergreen', '监督'];

  async function fill(): Promise<void> {
    await bulkWrite('held', 600, (i) =>
      i % 3 === 0 ? `第${i}件未告知听证权利的案卷` : `第${i}件裁量基准问题 Evergreen`,
    );
    // Later dossiers one at a time: their terms go to buckets beside the bulk rows.
    await createDossier(env, draft({ title: '又一件听证程序的监督事项' }));
    await createDossier(env, draft({ title: '裁量基准未公开的监督事项' }));
  }

  async function answers(): Promise<string[][]> {
    const out: string[][] = [];
    for (const text of QUERIES) {
      const page = await listDossiers(db, { text }, { today, limit: 1000 });
      out.push(page.cards.map((c) => c.id).sort());
    }
    return out;
  }

  it('finds what reading the index finds, and a write drops it until it is read again', async () => {
    await fill();
    const read = await answers();
    expect(read[0]).toHaveLength(201);
    expect(holdsIndex(db)).toBe(false);
    await holdSearchIndex(db);
    expect(holdsIndex(db)).toBe(true);
    expect(await answers()).toEqual(read);

    const [first] = (await listDossiers(db, { text: '又一件听证' }, { today })).cards;
    await updateDossier(env, first?.id ?? '', 1, draft({ title: '改为其他内容的案卷' }));
    expect(holdsIndex(db)).toBe(false);
    expect((await listDossiers(db, { text: '听证' }, { today, limit: 1000 })).total).toBe(200);
    await holdSearchIndex(db);
    expect((await listDossiers(db, { text: '听证' }, { today, limit: 1000 })).total).toBe(200);
  });

  it('throws away a reading that a write overtook', async () => {
    await fill();
    const holding = holdSearchIndex(db);
    await createDossier(env, draft({ title: '读取期间新建的听证案卷' }));
    await holding;
    expect(holdsIndex(db)).toBe(false);
    expect((await listDossiers(db, { text: '读取期间' }, { today })).total).toBe(1);
  });

  it('lets go of it when another window writes, and counts what is current', async () => {
    await fill();
    await holdSearchIndex(db);
    await createInAnotherWindow('另一窗口的听证案卷');
    const page = await listDossiers(db, { text: '另一窗口' }, { today });
    expect(page.cards.map((c) => c.title)).toEqual(['另一窗口的听证案卷']);
    expect(page.total).toBe(1);
    expect(page.counts[page.cards[0]?.status ?? 'drafting']).toBe(1);
    expect(holdsIndex(db)).toBe(false);
  });
});

// The list hands its page over before its read-only transaction commits; the caller
// must not find itself inside that transaction when it writes next.
it('a write made right after a list read goes through', async () => {
  await createDossier(env, draft({ title: '先登记的监督事项' }));
  const page = await listDossiers(db, {}, { today });
  const created = await createDossier(env, draft({ title: `紧接着登记的第${page.total + 1}件` }));
  expect(created.dossier.title).toBe('紧接着登记的第2件');
  expect((await listDossiers(db, {}, { today })).total).toBe(2);
});
