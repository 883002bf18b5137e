import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import { getDossier, type StoreEnv } from '../../../renderer/db/dossiers/store';
import {
  addCaseFile,
  createSession,
  getSession,
  listRubrics,
  recordProblems,
  rubricUsage,
  saveRubric,
  scoreCaseFile,
} from '../../../renderer/db/review/store';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { addItem } from '../../../shared/review/rubric-edit';
import { emptyMarks, sessionResults } from '../../../shared/review/session';
import { storeEnv } from '../dossiers/workflow-fixtures';

let db: DeskDatabase;
let env: StoreEnv;

beforeEach(async () => {
  db = new DeskDatabase(`review-${Math.random()}`);
  await db.open();
  await db.subjects.put({
    id: 's-market',
    name: '青山县市场监督管理局',
    type: 'statutory',
    field: 'market_regulation',
    legalBasis: '《行政处罚法》',
    organId: 'o-market',
    active: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  env = storeEnv(db, () => new Date('2026-06-01T02:00:00Z'));
});

async function sessionWithFile() {
  const session = await createSession(db, {
    name: '2026年度案卷评查',
    from: '2026-01-01',
    to: '2026-12-31',
    rubricId: DEFAULT_RUBRIC.id,
    reviewerIds: ['p1', 'p2'],
  });
  const file = await addCaseFile(db, session.id, {
    subjectId: 's-market',
    caseNumber: '青市监罚〔2026〕15号',
    caseName: '某超市销售过期食品案',
    officers: ['张三'],
  });
  return { session, file };
}

describe('review store', () => {
  it('offers the common rubric until the office saves its own, and a session keeps the rubric it started with', async () => {
    expect((await listRubrics(db)).map((r) => r.id)).toEqual([DEFAULT_RUBRIC.id]);
    const { session, file } = await sessionWithFile();
    await saveRubric(db, { ...DEFAULT_RUBRIC, bands: { excellent: 95, good: 85, pass: 70 } });
    expect((await listRubrics(db))[0]?.bands.excellent).toBe(95);
    const marks = emptyMarks();
    marks.items.procedure = { picks: [], custom: 8, note: '' };
    const scored = await scoreCaseFile(db, file.id, marks, '王五');
    // 92 is excellent under the session's frozen bands (90), not the edited ones (95).
    expect(scored.score).toMatchObject({ total: 92, grade: 'excellent', vetoed: false });
    expect((await getSession(db, session.id))?.session.rubric.bands.excellent).toBe(90);
  });

  it('refuses a rubric whose section items do not add up', async () => {
    const broken = structuredClone(DEFAULT_RUBRIC);
    const first = broken.items[0];
    if (first) first.points += 1;
    await expect(saveRubric(db, broken)).rejects.toThrow();
    expect(await db.rubrics.count()).toBe(0);
  });

  it('records each problem once as a finding in one case-review dossier per subject', async () => {
    const { session, file } = await sessionWithFile();
    const marks = emptyMarks();
    marks.vetoes = ['single_officer'];
    marks.items.pagination = { picks: ['no_page_numbers'], custom: 0, note: '' };
    await scoreCaseFile(db, file.id, marks, '王五');
    expect(await recordProblems(env, session.id, () => '案卷评查问题')).toBe(2);
    const loaded = await getSession(db, session.id);
    const dossierId = loaded?.session.findingDossiers['s-market'];
    expect(dossierId).toBeDefined();
    const record = await getDossier(db, dossierId ?? '');
    expect(record?.dossier.kind).toBe('case_review');
    expect(record?.dossier.subjectIds).toEqual(['s-market']);
    expect(record?.findings.map((f) => [f.category, f.subcategory])).toEqual([
      ['subject', 'single_officer'],
      ['documents', 'nonstandard_documents'],
    ]);
    expect(await recordProblems(env, session.id, () => '案卷评查问题')).toBe(0);
    expect((await getDossier(db, dossierId ?? ''))?.findings).toHaveLength(2);
  });

  it('editing the template never changes the totals of a session already scored', async () => {
    const { session, file } = await sessionWithFile();
    const marks = emptyMarks();
    marks.items.pagination = { picks: ['no_page_numbers'], custom: 0, note: '' };
    marks.items.procedure = { picks: ['rights_notice'], custom: 0, note: '' };
    await scoreCaseFile(db, file.id, marks, '王五');
    const before = await getSession(db, session.id);
    expect(before?.files[0]?.score).toMatchObject({ form: 18, content: 75, total: 93, grade: 'excellent' });

    // The office adds a 2-point item to form (binding 3 → 1), doubles a deduction, raises the bands.
    const edited = addItem(
      DEFAULT_RUBRIC,
      { veto: false, section: 'form', label: { zh: '案卷封面', en: '' }, points: 2, deductions: [] },
      'item_cover',
    );
    for (const item of edited.items) {
      if (item.key === 'binding') item.points = 1;
      for (const d of item.deductions) if (d.key === 'rights_notice') d.points = 10;
    }
    edited.bands = { excellent: 95, good: 85, pass: 70 };
    await saveRubric(db, edited);

    const after = await getSession(db, session.id);
    expect(after?.session.rubric).toEqual(before?.session.rubric);
    expect(after?.files).toEqual(before?.files);
    // Scoring the same marks again in the old session gives the same result under its copy.
    const rescored = await scoreCaseFile(db, file.id, marks, '王五');
    expect(rescored.score).toEqual(before?.files[0]?.score);
    expect(sessionResults(after?.session.rubric ?? DEFAULT_RUBRIC, [rescored]).average).toBe(93);

    // A session started now scores with the edited template: 88 is only good under band 95/85.
    const fresh = await createSession(db, {
      name: '2027年度案卷评查',
      from: '2027-01-01',
      to: '2027-12-31',
      rubricId: DEFAULT_RUBRIC.id,
      reviewerIds: ['p1', 'p2'],
    });
    const newFile = await addCaseFile(db, fresh.id, {
      subjectId: 's-market',
      caseNumber: '青市监罚〔2027〕1号',
      caseName: '某药店销售假药案',
      officers: [],
    });
    expect((await scoreCaseFile(db, newFile.id, marks, '王五')).score).toMatchObject({
      total: 88,
      grade: 'good',
    });
  });

  it('refuses to remove an item a scored file rests on, and removes one no session has scored', async () => {
    // A template with an extra item, and a session started from it.
    const withCover = addItem(
      DEFAULT_RUBRIC,
      { veto: false, section: 'form', label: { zh: '案卷封面', en: 'Cover' }, points: 2, deductions: [] },
      'item_cover',
    );
    for (const item of withCover.items) if (item.key === 'binding') item.points = 1;
    await saveRubric(db, withCover);
    const { file } = await sessionWithFile();

    // Not scored yet: the item may still go (and come back).
    const without = structuredClone(withCover);
    without.items = without.items.filter((i) => i.key !== 'item_cover');
    for (const item of without.items) if (item.key === 'binding') item.points = 3;
    await saveRubric(db, without);
    await saveRubric(db, withCover);
    expect(await rubricUsage(db, DEFAULT_RUBRIC.id)).toEqual(new Map());

    await scoreCaseFile(db, file.id, emptyMarks(), '王五');
    const usage = await rubricUsage(db, DEFAULT_RUBRIC.id);
    expect(usage.get('item_cover')).toEqual({ sessions: [{ id: file.sessionId, name: '2026年度案卷评查' }], files: 1 });
    expect(usage.get('single_officer')?.files).toBe(1);

    const refused = await saveRubric(db, without).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'ITEM_IN_USE',
      params: { itemZh: '案卷封面', itemEn: 'Cover', session: '2026年度案卷评查', sessions: 1, files: 1 },
    });
    expect((await db.rubrics.get(DEFAULT_RUBRIC.id))?.items.map((i) => i.key)).toContain('item_cover');

    // A veto item of the common rubric is in use too once a file is scored under it.
    const noVeto = structuredClone(withCover);
    noVeto.vetoItems = noVeto.vetoItems.filter((v) => v.key !== 'single_officer');
    await expect(saveRubric(db, noVeto)).rejects.toMatchObject({ code: 'ITEM_IN_USE' });

    // An item added after the scoring is not in use and may be removed again.
    const more = addItem(
      withCover,
      { veto: true, section: 'form', label: { zh: '超越职权', en: '' }, deductions: [] },
      'veto_x',
    );
    await saveRubric(db, more);
    await saveRubric(db, withCover);
    expect((await db.rubrics.get(DEFAULT_RUBRIC.id))?.vetoItems.some((v) => v.key === 'veto_x')).toBe(false);
  });
});
