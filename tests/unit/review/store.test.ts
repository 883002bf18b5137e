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
  saveRubric,
  scoreCaseFile,
} from '../../../renderer/db/review/store';
import { DEFAULT_HOLIDAY_YEARS, WorkingCalendar } from '../../../shared/calendar';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { emptyMarks } from '../../../shared/review/session';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';

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
  env = {
    db,
    office: { name: '青山县司法局', shortName: '青司' },
    actor: '李明',
    calendar: new WorkingCalendar(DEFAULT_HOLIDAY_YEARS),
    settings: DEFAULT_WORKFLOW_SETTINGS,
    now: () => new Date('2026-06-01T02:00:00Z'),
  };
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
});
