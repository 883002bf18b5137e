import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import { BulkWriter } from '../../../renderer/db/dossiers/bulk';
import { BODY_BLOCK, CARD_BLOCK, fromStored, SEGMENT } from '../../../renderer/db/dossiers/layout';
import { seedDemoData } from '../../../renderer/db/dossiers/seed';
import {
  addFinding,
  createDossier,
  getDossier,
  listDossiers,
  putReceivedDossier,
  repairInterruptedWrites,
  type StoreEnv,
  takeAction,
  updateDossier,
  updateFinding,
} from '../../../renderer/db/dossiers/store';
import { BulkAggregates, rebuildAggregates } from '../../../renderer/db/results/aggregates';
import { addDays } from '../../../shared/calendar/dates';
import { Prng } from '../../../shared/demo/prng';
import type { Dossier, Finding } from '../../../shared/domain/dossier';
import { type DossierDraftInput, dossierDraftSchema, findingDraftSchema } from '../../../shared/dossiers/draft';
import { categoryMask, recount, summarize, type TallyRow } from '../../../shared/results/tally';
import { memoryLookup, unitOf } from '../../../shared/results/units';
import { FINDING_TAXONOMY } from '../../../shared/taxonomy/findings';
import { sealEvent } from '../../../shared/timeline';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';
import { ACTION_SOURCES, type ActionName, type WorkflowAction } from '../../../shared/workflow/machine';
import { storeEnv } from '../dossiers/workflow-fixtures';

const TODAY = '2026-11-27';
const OFFICE = { name: '青山县司法局', shortName: '青司', divisionCode: '330104' };

let db: DeskDatabase;
let env: StoreEnv;
let minute = 0;

beforeEach(async () => {
  db = new DeskDatabase(`results-${Math.random()}`);
  await db.open();
  minute = 0;
  env = storeEnv(db, () => new Date(Date.UTC(2026, 10, 27, 1, minute++)), OFFICE);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function storedRecords() {
  const bodies = await db.bodies.toArray();
  return bodies.flatMap((b) => b.items.filter((x) => x !== null));
}

/** The tallies a full recount of the stored dossiers gives, with units resolved afresh. */
async function expectedRows(): Promise<Map<string, TallyRow>> {
  const [records, organs, subjects, units] = await Promise.all([
    storedRecords(),
    db.organs.toArray(),
    db.subjects.toArray(),
    db.units.toArray(),
  ]);
  const lookup = memoryLookup(organs, subjects);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return recount(
    records.map((r) => {
      const ref = unitOf(r.dossier, lookup);
      return { record: r, unit: ref ? (codeOf.get(ref.id) ?? -1) : 0 };
    }),
  );
}

async function storedRows(): Promise<Map<string, TallyRow>> {
  return new Map((await db.tallies.toArray()).map((r) => [r.k, r]));
}

/** Incremental tallies, list rows and catalogue columns equal what a recount gives. */
async function expectConsistent(): Promise<void> {
  const expected = await expectedRows();
  const stored = await storedRows();
  expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [k, row] of expected) expect(stored.get(k), k).toEqual(row);
  const units = new Map((await db.units.toArray()).map((u) => [u.id, u.code]));
  const lookup = memoryLookup(await db.organs.toArray(), await db.subjects.toArray());
  const cards = new Map((await db.cards.toArray()).map((c) => [c.b, c]));
  const segments = new Map((await db.catalog.toArray()).map((s) => [s.seg, s]));
  for (const r of await storedRecords()) {
    const ref = unitOf(r.dossier, lookup);
    const unit = ref ? units.get(ref.id) : 0;
    const card = cards.get(Math.floor(r.slot / CARD_BLOCK))?.cards[r.slot % CARD_BLOCK];
    const seg = segments.get(Math.floor(r.slot / SEGMENT));
    expect(card?.unit, r.dossier.id).toBe(unit);
    expect(card?.cats).toBe(categoryMask(r.findings));
    expect(seg?.unit[r.slot % SEGMENT]).toBe(unit);
    expect(seg?.cats[r.slot % SEGMENT]).toBe(categoryMask(r.findings));
  }
}

async function seed(count: number) {
  return seedDemoData(db, {
    seed: 7,
    count,
    today: TODAY,
    office: OFFICE,
    calendar: env.calendar,
    settings: DEFAULT_WORKFLOW_SETTINGS,
    spanDays: 400,
  });
}

function findingDraft(rng: Prng) {
  const category = rng.pick(FINDING_TAXONOMY);
  const required = rng.chance(0.85);
  return findingDraftSchema.parse({
    category: category.key,
    subcategory: rng.pick(category.items).key,
    description: `随机问题${rng.int(1000)}`,
    severity: rng.pick(['minor', 'moderate', 'serious'] as const),
    rectificationRequired: required,
    rectificationRequirement: required ? '依法整改' : '',
    ...(required ? { deadlineDays: rng.between(5, 40), deadlineUnit: rng.pick(['calendar', 'working'] as const) } : {}),
  });
}

/** An input for an action, as a clerk would fill it for this record. */
function inputFor(name: ActionName, record: { findings: Finding[] }, rng: Prng): WorkflowAction {
  const awaiting = record.findings.filter(
    (f) => f.rectificationStatus === 'required' || f.rectificationStatus === 'rejected',
  );
  const reported = record.findings.filter((f) => f.rectificationStatus === 'report_received');
  switch (name) {
    case 'open':
      return { action: name, methods: ['case_files'] };
    case 'decline':
    case 'return_draft':
    case 'request_review':
      return { action: name, reason: '理由' };
    case 'refer':
      return { action: name, to: '县市场监督管理局', reason: '依职责移送' };
    case 'record_referral_reply':
      return { action: name, summary: '已处理' };
    case 'conclude_no_problem':
      return { action: name, conclusion: '未发现问题' };
    case 'draft_handling':
      return { action: name, document: 'opinion', summary: '拟发意见书' };
    case 'approve':
      return { action: name, approver: '分管领导', opinion: '同意' };
    case 'serve':
      return { action: name, servedOn: addDays(TODAY, -rng.int(60)) };
    case 'receive_report':
      return {
        action: name,
        findingIds: awaiting.slice(0, rng.between(1, Math.max(1, awaiting.length))).map((f) => f.id),
        summary: '整改报告',
        receivedOn: addDays(TODAY, -rng.int(40)),
      };
    case 'verify_rectification':
      return {
        action: name,
        findingId: rng.pick(reported.length ? reported : record.findings)?.id ?? '',
        note: '到位',
      };
    case 'reject_rectification':
      return {
        action: name,
        findingId: rng.pick(reported.length ? reported : record.findings)?.id ?? '',
        reason: '不完整',
        days: 10,
        unit: 'working',
      };
    case 'escalate':
      return { action: name, measure: 'circular', note: '逾期' };
    case 'decide_review':
      return { action: name, outcome: rng.pick(['upheld', 'varied', 'revoked'] as const), reason: '复查' };
    case 'close':
      return { action: name, conclusion: '办结' };
    default:
      return { action: name } as WorkflowAction;
  }
}

describe('results tallies', () => {
  it('a demo seed writes tallies equal to a recount, and a rebuild changes nothing', async () => {
    const result = await seed(300);
    expect(result.findings).toBeGreaterThan(300);
    await expectConsistent();
    const before = await storedRows();
    await db.transaction(
      'rw',
      [db.bodies, db.cards, db.catalog, db.meta, db.organs, db.subjects, db.tallies, db.units],
      () => rebuildAggregates(db),
    );
    expect(await storedRows()).toEqual(before);
    // The office row holds every seeded dossier and finding.
    const all = summarize([before.get('all')], { today: TODAY });
    expect(all.dossiers).toBe(300);
    expect(all.findings).toBe(result.findings);
    expect(all.received).toBeGreaterThan(0);
  });

  it('a bulk write cut short before its end is recounted at the next start', async () => {
    await seed(60);
    const held = await storedRecords();
    const tables = [db.bodies, db.cards, db.catalog, db.meta, db.postings, db.termBuckets];
    const writer = new BulkWriter(db, (work) =>
      db.transaction('rw', [...tables, db.tallies, db.units, db.organs, db.subjects], work),
    ).withAggregates(new BulkAggregates(db));
    await writer.begin();
    for (const [i, stored] of held.slice(0, 40).entries()) {
      const r = fromStored(stored);
      const id = `cut-${i}`;
      writer.add(
        { dossier: { ...r.dossier, id }, findings: r.findings, events: r.events.map((e) => ({ ...e, dossierId: id })) },
        { subjects: [], organs: [] },
      );
    }
    await writer.flush();
    // The flush lands; finish() never runs (the app was closed).
    await new Promise((r) => setTimeout(r, 50));
    await db.transaction('r', tables, () => undefined);
    expect(summarize([(await storedRows()).get('all')], { today: TODAY }).dossiers).toBe(60);
    expect((await listDossiers(db, {}, { today: TODAY })).total).toBe(100);

    // A repair that fails is logged and left for the next screen, not kept as a failure.
    const failing = vi.spyOn(db.meta, 'get').mockRejectedValueOnce(new Error('disk error'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await repairInterruptedWrites(db);
    expect(logged).toHaveBeenCalledTimes(1);
    failing.mockRestore();
    logged.mockRestore();
    expect(summarize([(await storedRows()).get('all')], { today: TODAY }).dossiers).toBe(60);

    await repairInterruptedWrites(db);
    await expectConsistent();
    expect(summarize([(await storedRows()).get('all')], { today: TODAY }).dossiers).toBe(100);
  });

  it('stays equal to a recount through random creations, edits, findings, workflow steps and received packages', async () => {
    await seed(60);
    const rng = new Prng(2026, 11);
    const subjects = await db.subjects.toArray();
    const organs = await db.organs.toArray();
    const supervisors = (await db.supervisors.toArray()).map((s) => s.id);
    const own: string[] = [];
    const draftFor = (overrides: Partial<DossierDraftInput> = {}) =>
      dossierDraftSchema.parse({
        title: `随机监督事项${rng.int(10_000)}`,
        kind: rng.pick(['routine', 'focused', 'case_review', 'enterprise'] as const),
        source: 'annual_plan',
        subjectIds: rng.sample(subjects, rng.between(1, 3)).map((s) => s.id),
        supervisedOrganIds: rng.chance(0.5) ? [rng.pick(organs).id] : [],
        handlerIds: supervisors.slice(0, 2),
        registeredOn: addDays(TODAY, -rng.int(300)),
        priority: 'normal',
        confidentiality: 'internal',
        ...overrides,
      });
    for (let round = 0; round < 8; round++) {
      for (let k = 0; k < 25; k++) {
        const roll = rng.int(100);
        if (roll < 15 || own.length === 0) {
          const made = await createDossier(env, draftFor());
          own.push(made.dossier.id);
          continue;
        }
        const id = rng.pick(own);
        const record = await getDossier(db, id);
        if (!record) throw new Error(id);
        if (roll < 25) {
          // Another month, other subjects, another kind.
          await updateDossier(env, id, record.dossier.version, draftFor());
        } else if (roll < 40) {
          await addFinding(env, id, findingDraft(rng)).catch(() => undefined);
        } else if (roll < 48 && record.findings.length > 0) {
          await updateFinding(env, id, rng.pick(record.findings).id, findingDraft(rng)).catch(() => undefined);
        } else {
          const possible = (Object.keys(ACTION_SOURCES) as ActionName[]).filter((a) =>
            ACTION_SOURCES[a].includes(record.dossier.status),
          );
          if (possible.length > 0) await takeAction(env, id, inputFor(rng.pick(possible), record, rng));
        }
      }
      // A lower office's package: a new dossier, then a newer version of one held.
      const sender = rng.pick(organs.filter((o) => o.kind === 'judicial'));
      const received = receivedDossier(`pkg-${round}`, sender, 1, rng);
      await putReceivedDossier(db, received);
      if (round > 0) await putReceivedDossier(db, receivedDossier(`pkg-${round - 1}`, sender, 2, rng));
      await expectConsistent();
    }
  }, 60_000);

  it('filters the list by finding category and by organ with those below it, matching the tallies', async () => {
    await seed(200);
    const all = summarize([(await storedRows()).get('all')], { today: TODAY });
    const list = await listDossiers(db, {}, { today: TODAY, limit: 0 });
    expect(list.total).toBe(all.dossiers);
    // A category: every dossier listed has a finding of it, and every one that has is listed.
    const records = await storedRecords();
    const withProcedure = records.filter((r) => r.findings.some((f) => f.category === 'procedure')).length;
    expect((await listDossiers(db, { category: 'procedure' }, { today: TODAY, limit: 0 })).total).toBe(withProcedure);
    // A city's government: the dossiers of every organ under it.
    const organs = await db.organs.toArray();
    const city = organs.find((o) => o.level === 'city' && o.kind === 'government');
    if (!city) throw new Error('no city');
    const lookup = memoryLookup(organs, await db.subjects.toArray());
    const under = (id: string | undefined): boolean => {
      let at = organs.find((o) => o.id === id);
      while (at) {
        if (at.id === city.id) return true;
        at = organs.find((o) => o.id === at?.parentId);
      }
      return false;
    };
    const expected = records.filter((r) => under(unitOf(r.dossier, lookup)?.id)).length;
    expect(expected).toBeGreaterThan(0);
    const listed = await listDossiers(db, { unitId: city.id }, { today: TODAY, limit: 0 });
    expect(listed.total).toBe(expected);
  });
});

function receivedDossier(
  id: string,
  sender: { id: string; name: string; divisionCode: string },
  version: number,
  rng: Prng,
) {
  const dossier: Dossier = {
    id,
    number: `下司监〔2026〕${rng.between(1, 99)}号`,
    title: '下级报送的监督事项',
    kind: 'routine',
    source: 'annual_plan',
    methods: [],
    status: version === 1 ? 'rectifying' : 'verifying',
    // The sender's own id for itself: not a registry id here.
    owningOrganId: 'office',
    subjectIds: [],
    supervisedOrganIds: ['elsewhere'],
    handlerIds: [],
    registeredOn: addDays(TODAY, -rng.int(200)),
    priority: 'normal',
    confidentiality: 'internal',
    summary: '',
    legalBasis: '',
    tags: [],
    links: { related: [] },
    workflow: { escalations: [] },
    origin: {
      kind: 'received',
      senderOrganName: sender.name,
      senderDivisionCode: sender.divisionCode,
      senderFingerprint: 'fp',
      packageId: `pkg-${version}`,
      receivedAt: '2026-11-20T08:00:00.000+08:00',
    },
    version,
    createdAt: '2026-11-01T08:00:00.000+08:00',
    updatedAt: `2026-11-0${version}T08:00:00.000+08:00`,
  };
  const findings: Finding[] = [
    {
      id: `${id}-f1`,
      dossierId: id,
      category: version === 1 ? 'procedure' : 'law',
      subcategory: version === 1 ? 'no_hearing' : 'wrong_law',
      description: '下级发现的问题',
      ruleBreached: '',
      evidenceIds: [],
      severity: 'minor',
      rectificationRequirement: '',
      deadline: { from: '2026-10-01', days: 30, unit: 'calendar', due: '2026-10-31' },
      rectificationStatus: version === 1 ? 'required' : 'report_received',
      ...(version === 2 ? { report: { receivedOn: '2026-10-20', summary: '报告' } } : {}),
      rejectionCount: 0,
      createdAt: '2026-11-01T08:00:00.000+08:00',
      updatedAt: '2026-11-01T08:00:00.000+08:00',
    },
  ];
  const events = [
    sealEvent(
      { dossierId: id, actor: '下级', at: dossier.createdAt, type: 'registered', to: 'registered', data: {} },
      undefined,
    ),
  ];
  return { dossier, findings, events };
}

describe('upgrade to version 4', () => {
  it('counts the dossiers a version 1 database held while upgrading it', async () => {
    const fixture = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../fixtures/db/v1-database.json'), 'utf8'),
    ) as { schema: Record<string, string>; tables: Record<string, Record<string, unknown>[]> };
    const name = `results-upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(fixture.schema);
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      for (const [table, records] of Object.entries(fixture.tables)) await v1.table(table).bulkAdd(records);
    });
    v1.close();
    db.close();
    await db.delete();
    db = new DeskDatabase(name);
    await db.open();
    const dossiers = fixture.tables.dossiers ?? [];
    expect(dossiers.length).toBeGreaterThan(0);
    await expectConsistent();
    const all = summarize([(await storedRows()).get('all')], { today: TODAY });
    expect(all.dossiers).toBe(dossiers.length);
    expect(all.findings).toBe((fixture.tables.findings ?? []).length);
  });
});

describe('tally sums', () => {
  it('counts overdue findings by the day asked and rates on time over met, missed and passed deadlines', async () => {
    await seed(120);
    const row = (await storedRows()).get('all');
    const records = await storedRecords();
    const closedStatuses = new Set(['closed', 'archived', 'not_opened']);
    const overdueOn = (day: string) =>
      records
        .filter((r) => !closedStatuses.has(r.dossier.status))
        .flatMap((r) => r.findings)
        .filter(
          (f) =>
            (f.rectificationStatus === 'required' || f.rectificationStatus === 'rejected') &&
            f.deadline &&
            f.deadline.due < day,
        ).length;
    for (const day of [TODAY, addDays(TODAY, 30), addDays(TODAY, -60)]) {
      expect(summarize([row], { today: day }).overdue, day).toBe(overdueOn(day));
    }
    const s = summarize([row], { today: TODAY });
    const reported = records
      .flatMap((r) => r.findings)
      .filter(
        (f) =>
          f.deadline &&
          f.report &&
          (f.rectificationStatus === 'verified' || f.rectificationStatus === 'report_received'),
      );
    expect(s.onTime + s.late).toBe(reported.length);
    expect(s.onTime).toBe(reported.filter((f) => (f.report?.receivedOn ?? '') <= (f.deadline?.due ?? '')).length);
    expect(s.rectified).toBe(
      records.flatMap((r) => r.findings).filter((f) => f.rectificationStatus === 'verified').length,
    );
  });

  it('limits sums to a range of months', async () => {
    await seed(150);
    const row = (await storedRows()).get('all');
    const records = await storedRecords();
    const inRange = records.filter(
      (r) => r.dossier.registeredOn >= '2026-03-01' && r.dossier.registeredOn <= '2026-06-30',
    );
    const s = summarize([row], { today: TODAY, from: '2026-03', to: '2026-06' });
    expect(s.dossiers).toBe(inRange.length);
    expect(s.findings).toBe(inRange.reduce((n, r) => n + r.findings.length, 0));
    expect(s.months.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
  });
});

// BODY_BLOCK is imported to keep the layout assumption visible: cards and bodies share blocks of 16.
expect(BODY_BLOCK).toBe(CARD_BLOCK);

describe('dashboard counts', () => {
  it('equal the list counts of the filter each chart clicks through to', async () => {
    await seed(250);
    const { loadDashboard, compareUnits } = await import('../../../renderer/db/results/dashboard');
    const period = { from: '2026-01-01', to: '2026-10-31' };
    const data = await loadDashboard(db, TODAY, period);
    const count = async (q: Parameters<typeof listDossiers>[1]) =>
      (
        await listDossiers(
          db,
          { ...q, registeredFrom: period.from, registeredTo: period.to },
          { today: TODAY, limit: 0 },
        )
      ).total;
    expect(await count({})).toBe(data.dossiers.total);
    expect(await count({ overdue: true })).toBe(data.dossiers.overdue);
    expect(await count({ origin: 'received' })).toBe(data.dossiers.received);
    const { DOSSIER_KINDS, DOSSIER_STATUSES } = await import('../../../shared/domain/dossier');
    for (const [i, kind] of DOSSIER_KINDS.entries()) {
      expect(await count({ kinds: [kind] }), kind).toBe(data.dossiers.byKind[i]);
      expect(await count({ kinds: [kind], overdue: true }), kind).toBe(data.dossiers.overdueByKind[i]);
    }
    for (const [i, status] of DOSSIER_STATUSES.entries()) {
      expect(await count({ statuses: [status] }), status).toBe(data.dossiers.byStatus[i]);
    }
    for (const [i, category] of FINDING_TAXONOMY.entries()) {
      expect(await count({ category: category.key }), category.key).toBe(data.dossiers.byCategory[i]);
    }
    for (const [month, m] of data.dossiers.byMonth) {
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
        .toISOString()
        .slice(0, 10);
      const listed = await listDossiers(
        db,
        { registeredFrom: `${month}-01`, registeredTo: last },
        { today: TODAY, limit: 0 },
      );
      expect(listed.total, month).toBe(m.count);
    }
    const { groups } = compareUnits(data.dossiers, data.directory);
    expect(groups.length).toBeGreaterThan(3);
    for (const g of groups.filter((x) => !x.itself)) {
      expect(await count({ unitId: g.id, origin: 'own' }), g.name).toBe(g.own);
      expect(await count({ unitId: g.id, origin: 'received' }), g.name).toBe(g.received);
      expect(await count({ unitId: g.id, overdue: true }), g.name).toBe(g.overdue);
    }
  }, 30_000);
});
