import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import {
  createDossier,
  dossierCount,
  getDossier,
  type StoreEnv,
  takeAction,
  verifyTimeline,
} from '../../../renderer/db/dossiers/store';
import {
  campaignChildren,
  createCampaign,
  createChildDossiers,
  getCampaign,
} from '../../../renderer/db/work/campaigns';
import {
  declineClue,
  findLikelyDuplicates,
  getClue,
  listClues,
  openDossierFromClue,
  recordClueReply,
  referClue,
  registerClue,
  reporterAccessLog,
  revealReporter,
} from '../../../renderer/db/work/clues';
import { overdueDossiers, overdueSummary } from '../../../renderer/db/work/followup';
import { addInspection, currentFlags } from '../../../renderer/db/work/inspections';
import { registerReviewRequest, reviewRequestsOf } from '../../../renderer/db/work/review-requests';
import { DEFAULT_WORK_SETTINGS } from '../../../renderer/db/work/settings';
import { campaignDraftSchema } from '../../../shared/campaigns/campaign';
import { campaignProgress } from '../../../shared/campaigns/progress';
import { type ClueDraftInput, clueDraftSchema } from '../../../shared/clues/clue';
import { dossierDraftSchema, findingDraftSchema } from '../../../shared/dossiers/draft';
import { creditCodeCheckChar } from '../../../shared/enterprise/credit-code';
import { storeEnv } from '../dossiers/workflow-fixtures';

let db: DeskDatabase;
let env: StoreEnv;
let day = '2026-11-02';
let minute = 0;
const work = DEFAULT_WORK_SETTINGS;

/** The clerk's clock: 09:00 local (01:00 UTC) on `day`, a minute later with every write. */
const at = () => new Date(`${day}T01:${String(minute++ % 60).padStart(2, '0')}:00Z`);

const SUBJECTS = ['s-1', 's-2', 's-3', 's-4', 's-5'];

beforeEach(async () => {
  db = new DeskDatabase(`work-${Math.random()}`);
  await db.open();
  await db.subjects.bulkPut(
    SUBJECTS.map((id, i) => ({
      id,
      name: ['青山县市场监督管理局', '青山县交通运输局', '青山县城市管理局', '青山县应急管理局', '青山县卫生健康局'][
        i
      ] as string,
      type: 'statutory' as const,
      field: 'market_regulation' as const,
      legalBasis: '',
      organId: `o-${i + 1}`,
      active: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
    })),
  );
  day = '2026-11-02';
  minute = 0;
  env = storeEnv(db, at);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const clueDraft = (over: Partial<ClueDraftInput> = {}) =>
  clueDraftSchema.parse({
    source: 'hotline_12345',
    receivedOn: day,
    title: '群众反映县市场监管局对小餐馆顶格罚款',
    content: '市民来电反映，县市场监督管理局对一家小餐馆首次违法即处以顶格罚款五万元，未说明理由。',
    subjectIds: ['s-1'],
    reporter: { anonymous: false, name: '张三丰', phone: '13812345678' },
    ...over,
  });

describe('clue store', () => {
  it('numbers clues per year, sets the assessment deadline and finds a likely duplicate by index', async () => {
    const first = await registerClue(env, work, clueDraft());
    expect(first).toMatchObject({ number: '青司线〔2026〕1号', status: 'pending', assessDue: '2026-11-16' });
    const hints = await findLikelyDuplicates(db, {
      title: '小餐馆被顶格罚款',
      content: '群众反映县市场监督管理局对小餐馆首次违法就顶格罚款五万元，没有说明理由。',
      subjectIds: ['s-1'],
      supervisedOrganIds: [],
    });
    expect(hints.map((h) => h.clue.number)).toEqual(['青司线〔2026〕1号']);
    const elsewhere = await findLikelyDuplicates(db, {
      title: '小餐馆被顶格罚款',
      content: '群众反映县市场监督管理局对小餐馆首次违法就顶格罚款五万元，没有说明理由。',
      subjectIds: ['s-2'],
      supervisedOrganIds: [],
    });
    expect(elsewhere).toEqual([]);
    const second = await registerClue(env, work, clueDraft({ similarIds: [first.id] }));
    expect(second.number).toBe('青司线〔2026〕2号');
    expect(second.similarIds).toEqual([first.id]);
  });

  it('opens a dossier from a clue in one transaction, linked both ways, and leaves nothing when refused', async () => {
    const clue = await registerClue(env, work, clueDraft());
    const refused = await openDossierFromClue(env, work, clue.id, {
      kind: 'clue',
      subjectIds: ['s-1'],
      supervisedOrganIds: [],
      handlerIds: ['h-1'],
      methods: ['case_files'],
    });
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: 'handlers' }] });
    expect(await dossierCount(db)).toBe(0);
    expect((await getClue(db, clue.id))?.status).toBe('pending');

    const opened = await openDossierFromClue(env, work, clue.id, {
      kind: 'focused',
      subjectIds: ['s-1'],
      supervisedOrganIds: [],
      handlerIds: ['h-1', 'h-2'],
      methods: ['case_files'],
    });
    if (!opened.ok || !('dossierId' in opened) || !opened.dossierId) throw new Error(JSON.stringify(opened));
    const record = await getDossier(db, opened.dossierId);
    expect(record?.dossier).toMatchObject({ kind: 'focused', source: 'hotline_12345', status: 'opened' });
    expect(record?.dossier.links.clueId).toBe(clue.id);
    expect(JSON.stringify(record)).not.toContain('张三丰');
    expect(await verifyTimeline(db, opened.dossierId)).toEqual({ ok: true, count: 2 });
    expect(await getClue(db, clue.id)).toMatchObject({ status: 'opened', dossierId: opened.dossierId });
    // A second assessment of the same clue is refused and creates nothing.
    const again = await openDossierFromClue(env, work, clue.id, {
      kind: 'focused',
      subjectIds: ['s-1'],
      supervisedOrganIds: [],
      handlerIds: ['h-1', 'h-2'],
    });
    expect(again).toMatchObject({ ok: false, refusals: [{ code: 'notPending' }] });
    expect(await dossierCount(db)).toBe(1);
  });

  it('refers a clue, flags the overdue reply, then records it late', async () => {
    const clue = await registerClue(env, work, clueDraft());
    day = '2026-11-06';
    const referred = await referClue(env, work, clue.id, { to: '青山县纪委监委', reason: '涉及公职人员违纪' });
    expect(referred.ok && referred.clue.replyDue).toBe('2026-11-20');
    expect((await overdueSummary(db, '2026-11-23')).clueReplies).toBe(1);
    expect((await listClues(db, { overdue: true }, { today: '2026-11-23' })).clues.map((c) => c.id)).toEqual([clue.id]);
    day = '2026-11-25';
    const replied = await recordClueReply(env, work, clue.id, { on: '2026-11-24', summary: '已立案审查' });
    expect(replied.ok && replied.clue.referral?.reply).toMatchObject({ on: '2026-11-24', late: true });
    expect((await overdueSummary(db, '2026-11-25')).clueReplies).toBe(0);
  });

  it('counts overdue assessments by index and declines with a reason', async () => {
    const a = await registerClue(env, work, clueDraft());
    await registerClue(env, work, clueDraft({ receivedOn: '2026-11-20', title: '另一条线索内容' }));
    const summary = await overdueSummary(db, '2026-11-17');
    expect(summary.clueAssessments).toBe(1);
    expect(await declineClue(env, work, a.id, '')).toMatchObject({ ok: false });
    expect((await declineClue(env, work, a.id, '不属于监督职责范围')).ok).toBe(true);
    expect((await overdueSummary(db, '2026-11-17')).clueAssessments).toBe(0);
    const page = await listClues(db, {}, { today: '2026-11-17' });
    expect(page.counts).toMatchObject({ all: 2, pending: 1, not_opened: 1 });
  });

  it('records who showed the reporter and when', async () => {
    const clue = await registerClue(env, work, clueDraft());
    expect(await reporterAccessLog(db, clue.id)).toEqual([]);
    const shown = await revealReporter(env, clue.id);
    expect(shown?.name).toBe('张三丰');
    const log = await reporterAccessLog(db, clue.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ by: '李明', clueId: clue.id });
  });
});

describe('campaigns', () => {
  it('creates one child dossier per subject in one go, and computes progress from them', async () => {
    const plan = await createCampaign(
      env,
      campaignDraftSchema.parse({
        title: '2026年涉企行政处罚专项监督',
        kind: 'special',
        scope: '县直五个执法部门2026年作出的涉企行政处罚',
        legalBasis: '《行政执法监督条例》第十九条',
        periodFrom: '2026-11-02',
        periodTo: '2026-12-31',
        subjectIds: SUBJECTS,
        handlerIds: ['h-1', 'h-2'],
        checklist: [{ title: '是否告知听证权利', category: 'procedure', subcategory: 'no_hearing' }],
      }),
    );
    expect(await dossierCount(db)).toBe(1);
    const { created } = await createChildDossiers(env, plan.dossierId);
    expect(created).toHaveLength(5);
    expect((await createChildDossiers(env, plan.dossierId)).created).toEqual([]);
    expect(await dossierCount(db)).toBe(6);
    const stored = await getCampaign(db, plan.dossierId);
    expect(stored?.children.map((c) => c.subjectId)).toEqual(SUBJECTS);
    const child = await getDossier(db, created[0] as string);
    expect(child?.dossier).toMatchObject({ kind: 'special', subjectIds: ['s-1'] });
    expect(child?.dossier.links.parentId).toBe(plan.dossierId);
    expect(child?.dossier.supervisedOrganIds).toEqual(['o-1']);

    // One child finds a problem of the checklist.
    await takeAction(env, created[0] as string, { action: 'open', methods: ['case_files'] });
    await takeAction(env, created[0] as string, { action: 'start_investigation' });
    const { addFinding } = await import('../../../renderer/db/dossiers/store');
    await addFinding(
      env,
      created[0] as string,
      findingDraftSchema.parse({
        category: 'procedure',
        subcategory: 'no_hearing',
        description: '未告知听证权利',
        severity: 'moderate',
        rectificationRequirement: '重新作出决定',
      }),
    );
    const progress = campaignProgress(stored ?? plan, await campaignChildren(db, stored ?? plan), '2026-11-10');
    expect(progress.total).toBe(5);
    expect(progress.items[0]).toMatchObject({ findings: 1, subjects: 1 });
    expect(progress.byStatus).toEqual({ registered: 4, investigating: 1 });
  });
});

describe('review requests and overdue work', () => {
  async function servedDossier(servedOn: string): Promise<string> {
    const d = await createDossier(
      env,
      dossierDraftSchema.parse({
        title: '关于青山县市场监督管理局行政处罚案件的监督',
        kind: 'focused',
        source: 'hotline_12345',
        subjectIds: ['s-1'],
        handlerIds: ['h-1', 'h-2'],
        registeredOn: '2026-11-02',
        priority: 'normal',
        confidentiality: 'internal',
      }),
    );
    const id = d.dossier.id;
    await takeAction(env, id, { action: 'open', methods: ['case_files'] });
    await takeAction(env, id, { action: 'start_investigation' });
    await takeAction(env, id, { action: 'draft_handling', document: 'notice', summary: '发出监督通知书' });
    await takeAction(env, id, { action: 'approve', approver: '王局长', opinion: '同意' });
    await takeAction(env, id, { action: 'serve', servedOn });
    return id;
  }

  it('accepts a request inside the window and records a late one as refused, touching nothing', async () => {
    day = '2026-11-23';
    const id = await servedDossier('2026-11-23');
    day = '2026-12-09';
    const late = await registerReviewRequest(
      env,
      id,
      { requester: '青山县市场监督管理局', receivedOn: '2026-12-08', reason: '对认定事实有异议' },
      'refuse',
    );
    expect(late).toMatchObject({
      ok: true,
      request: { status: 'refused', inWindow: false, windowUntil: '2026-12-07' },
    });
    expect((await getDossier(db, id))?.dossier.status).toBe('served');

    const inside = await registerReviewRequest(
      env,
      id,
      { requester: '青山县市场监督管理局', receivedOn: '2026-12-07', reason: '对认定事实有异议' },
      'refuse',
    );
    expect(inside).toMatchObject({ ok: true, request: { status: 'accepted', decideBy: '2026-12-28' } });
    const record = await getDossier(db, id);
    expect(record?.dossier.status).toBe('review_requested');
    expect(record?.dossier.workflow.review).toMatchObject({ requestedOn: '2026-12-07', decideBy: '2026-12-28' });
    expect((await reviewRequestsOf(db, id)).map((r) => r.status)).toEqual(['refused', 'accepted']);

    // Past the decision deadline it shows among overdue review decisions.
    const summary = await overdueSummary(db, '2026-12-29');
    expect(summary.dossiers.review_decision).toBe(1);
    const page = await overdueDossiers(db, 'review_decision', '2026-12-29');
    expect(page.rows[0]?.items).toEqual([{ kind: 'review_decision', due: '2026-12-28', days: 1, count: 1 }]);
  });

  it('accepts a late request marked late where the office allows it', async () => {
    day = '2026-11-23';
    const id = await servedDossier('2026-11-23');
    day = '2026-12-09';
    const late = await registerReviewRequest(
      env,
      id,
      { requester: '青山县市场监督管理局', receivedOn: '2026-12-09', reason: '有异议' },
      'accept_marked',
    );
    expect(late).toMatchObject({ ok: true, request: { status: 'accepted', late: true } });
    const events = (await getDossier(db, id))?.events ?? [];
    expect(events.at(-1)?.data).toMatchObject({ late: true, windowUntil: '2026-12-07' });
  });
});

describe('enterprise inspections', () => {
  it('flags an enterprise inspected more often than the rule allows', async () => {
    const code = `91330104MA2B3C4D5${creditCodeCheckChar('91330104MA2B3C4D5')}`;
    for (const date of ['2026-09-01', '2026-09-20', '2026-10-15']) {
      await addInspection(env, {
        date,
        enterpriseName: '青山精密机械有限公司',
        creditCode: code,
        subjectId: 's-1',
        field: 'market_regulation',
        purpose: '双随机抽查',
        joint: false,
        concerns: [],
      });
    }
    const { flags } = await currentFlags(db, work.inspectionRules, '2026-11-02');
    expect(flags.map((f) => [f.kind, f.inspectionIds.length])).toEqual([['over_frequent', 3]]);
    const strict = await currentFlags(db, { ...work.inspectionRules, maxInspections: 3 }, '2026-11-02');
    expect(strict.flags).toEqual([]);
  });
});
