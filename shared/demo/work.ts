import { addDays } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { CampaignDraftInput } from '../campaigns/campaign';
import type { ClueDraftInput } from '../clues/clue';
import type { CoordinationDraftInput } from '../coordination/coordination';
import type { DossierKind, InvestigationMethod } from '../domain/dossier';
import type { EnforcementSubject, Organ, Supervisor } from '../domain/registry';
import type { FindingDraftInput } from '../dossiers/draft';
import { creditCodeCheckChar } from '../enterprise/credit-code';
import type { EnterpriseInspection } from '../enterprise/inspections';
import { findCategory } from '../taxonomy/findings';
import { Prng } from './prng';
import { personName } from './registry';
import { enterpriseName, ISSUES } from './texts';

/**
 * The breadth of supervision work in the demo: clues in every state (one assessment and
 * one referral reply overdue, one reply late), a campaign over five subjects with its
 * children under way, enterprise inspections that raise each kind of flag, disputes and
 * review requests inside and outside their window. Deterministic for (seed, today); the
 * renderer plays it through the real stores, each step dated as the plan says.
 */

export type ClueFate =
  | { kind: 'pending' }
  | { kind: 'open'; on: string; dossierKind: DossierKind; methods: InvestigationMethod[] }
  | { kind: 'refer'; on: string; to: string; reason: string; reply?: { on: string; summary: string } }
  | { kind: 'decline'; on: string; reason: string; duplicateOf?: number };

export interface DemoClue {
  draft: ClueDraftInput;
  fate: ClueFate;
  /** Index of an earlier clue of the plan it was pointed out as similar to. */
  similarTo?: number;
}

export interface DemoChildProgress {
  /** Which child (by subject order) gets how far. */
  index: number;
  steps: ('open' | 'investigate' | 'findings' | 'serve')[];
  findings: FindingDraftInput[];
}

export interface DemoServedMatter {
  title: string;
  subjectId: string;
  organId?: string;
  registeredOn: string;
  servedOn: string;
  finding: FindingDraftInput;
  request?: { receivedOn: string; requester: string; reason: string };
}

export interface DemoCoordination {
  title: string;
  summary: string;
  subjectIds: string[];
  registeredOn: string;
  record: CoordinationDraftInput;
}

export interface WorkDemoPlan {
  handlerIds: string[];
  clues: DemoClue[];
  inspections: Omit<EnterpriseInspection, 'id'>[];
  /** The enterprise whose over-frequency flag is turned into a clue, and when. */
  flagToClue: { creditCode: string; on: string };
  campaign: { on: string; draft: CampaignDraftInput; progress: DemoChildProgress[] };
  coordinations: DemoCoordination[];
  served: DemoServedMatter[];
}

export interface WorkDemoContext {
  seed: number;
  today: string;
  subjects: readonly EnforcementSubject[];
  organsById: ReadonlyMap<string, Organ>;
  supervisors: readonly Supervisor[];
  calendar: WorkingCalendar;
}

/** The working day `n` working days before `today` (0: the last working day up to today). */
export function workingDaysBefore(calendar: WorkingCalendar, today: string, n: number): string {
  let date = today;
  while (!calendar.isWorkingDay(date)) date = addDays(date, -1);
  for (let left = n; left > 0; ) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) left--;
  }
  return date;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A well-formed unified social credit code (法人, 企业: 91) in the office's region. */
export function demoCreditCode(rng: Prng, divisionCode: string): string {
  let body = `91${divisionCode}`;
  while (body.length < 17) body += ALPHABET[rng.int(ALPHABET.length)];
  return `${body}${creditCodeCheckChar(body)}`;
}

const finding = (
  category: string,
  subcategory: string,
  description: string,
  requirement: string,
): FindingDraftInput => ({
  category,
  subcategory,
  description,
  ruleBreached: '',
  severity: 'moderate',
  rectificationRequired: true,
  rectificationRequirement: requirement,
  deadlineDays: 30,
  deadlineUnit: 'calendar',
});

const phone = (rng: Prng) => `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`;

export function workDemoPlan(ctx: WorkDemoContext): WorkDemoPlan {
  const rng = new Prng(ctx.seed, 0x3007);
  const back = (n: number) => workingDaysBefore(ctx.calendar, ctx.today, n);
  const active = ctx.subjects.filter((s) => s.active);
  const byField = new Map<string, EnforcementSubject[]>();
  for (const s of active) byField.set(s.field, [...(byField.get(s.field) ?? []), s]);
  const fields = [...byField.keys()].sort();
  const pickField = (f: string) => byField.get(f)?.[0] ?? (active[0] as EnforcementSubject);
  const market = pickField(fields.includes('market_regulation') ? 'market_regulation' : (fields[0] ?? ''));
  const other = pickField(fields.find((f) => f !== market.field) ?? market.field);
  const third = pickField(fields.filter((f) => f !== market.field && f !== other.field)[0] ?? other.field);
  const handlerIds = ctx.supervisors.slice(0, 2).map((s) => s.id);
  const organOf = (s: EnforcementSubject) => ctx.organsById.get(s.organId);
  const division = organOf(market)?.divisionCode ?? '330100';
  const city = /^(.{2}市)/.exec(organOf(market)?.name ?? '')?.[1] ?? '江州市';
  const firms = Array.from({ length: 7 }, () => ({
    name: enterpriseName(rng, city),
    code: demoCreditCode(rng, division),
  }));
  const firm = (i: number) => firms[i] as { name: string; code: string };
  const issue = (s: EnforcementSubject) => rng.pick(ISSUES[s.field] ?? ['行政执法']);
  const reporter = () => ({ anonymous: false, name: personName(rng), phone: phone(rng), contact: '' });

  const fineText = `${market.name}对${firm(0).name}首次轻微违法行为处以顶格罚款五万元，未说明裁量理由，也未告知听证权利。`;
  const clues: DemoClue[] = [
    {
      draft: {
        source: 'hotline_12345',
        receivedOn: back(25),
        title: `群众反映${market.name}对小微企业顶格罚款`,
        content: `12345热线转来诉求：${fineText}诉求人要求依法复核处罚决定。`,
        subjectIds: [market.id],
        enterpriseName: firm(0).name,
        creditCode: firm(0).code,
        reporter: reporter(),
        proposedKind: 'focused',
        priority: 'high',
      },
      fate: { kind: 'open', on: back(22), dossierKind: 'focused', methods: ['case_files', 'interview'] },
    },
    {
      draft: {
        source: 'enterprise_appeal',
        receivedOn: back(24),
        title: `${firm(0).name}反映被顶格罚款`,
        content: `涉企诉求沟通机制收到企业反映：${fineText}`,
        subjectIds: [market.id],
        enterpriseName: firm(0).name,
        creditCode: firm(0).code,
        reporter: reporter(),
        proposedKind: 'enterprise',
        priority: 'normal',
      },
      similarTo: 0,
      fate: { kind: 'decline', on: back(21), reason: '与前一条线索反映同一问题，已并入该线索立项办理', duplicateOf: 0 },
    },
    {
      draft: {
        source: 'enterprise_appeal',
        receivedOn: back(16),
        title: `${firm(3).name}反映${other.name}检查频次过高`,
        content: `企业反映${other.name}近两个月内多次以“${issue(other)}”为由到企业检查，每次均要求提供相同材料，影响正常生产经营。`,
        subjectIds: [other.id],
        enterpriseName: firm(3).name,
        creditCode: firm(3).code,
        reporter: reporter(),
        proposedKind: 'enterprise',
        priority: 'normal',
      },
      fate: { kind: 'pending' },
    },
    {
      draft: {
        source: 'letters_visits',
        receivedOn: back(30),
        title: `来信反映${third.name}执法人员收受好处`,
        content: `信访部门转来来信，反映${third.name}个别执法人员在${issue(third)}中收受当事人财物，对违法行为不予处理。`,
        subjectIds: [third.id],
        reporter: reporter(),
        proposedKind: 'clue',
        priority: 'high',
      },
      fate: {
        kind: 'refer',
        on: back(28),
        to: '青山县纪委监委',
        reason: '反映问题涉及公职人员违纪违法，属于纪检监察机关管辖',
        reply: { on: back(14), summary: '已初步核实，对相关人员立案审查' },
      },
    },
    {
      draft: {
        source: 'citizen_report',
        receivedOn: back(20),
        title: `群众举报${other.name}对违法行为不予查处`,
        content: `群众实名举报：多次向${other.name}反映${issue(other)}问题，执法部门至今未予查处。`,
        subjectIds: [other.id],
        reporter: reporter(),
        proposedKind: 'clue',
        priority: 'normal',
      },
      fate: { kind: 'refer', on: back(19), to: '青山县人民检察院', reason: '涉嫌行政机关不依法履职，移送检察机关研究' },
    },
    {
      draft: {
        source: 'media',
        receivedOn: back(40),
        title: `媒体报道${market.name}执法态度粗暴`,
        content: `当地媒体报道${market.name}执法人员在检查中态度粗暴、与商户发生冲突。`,
        subjectIds: [market.id],
        proposedKind: 'clue',
        priority: 'normal',
      },
      fate: {
        kind: 'refer',
        on: back(38),
        to: market.name,
        reason: '由被反映单位自查整改并报告结果',
        reply: { on: back(30), summary: '已对涉事人员批评教育，调整其工作岗位' },
      },
    },
    {
      draft: {
        source: 'discipline_referral',
        receivedOn: back(12),
        title: `县纪委监委移送${third.name}行政处罚问题线索`,
        content: `县纪委监委在监督检查中发现${third.name}部分行政处罚案件存在程序问题，移送我局处理。`,
        subjectIds: [third.id],
        proposedKind: 'clue',
        priority: 'normal',
      },
      fate: { kind: 'decline', on: back(9), reason: '反映的案件已由行政复议机关撤销并责令重作，不再立项' },
    },
    {
      draft: {
        source: 'procuratorate',
        receivedOn: back(6),
        title: `检察建议：${other.name}罚没款未及时上缴`,
        content: `人民检察院发出检察建议，指出${other.name}部分罚没款未按规定及时上缴国库。`,
        subjectIds: [other.id],
        proposedKind: 'focused',
        priority: 'normal',
      },
      fate: { kind: 'pending' },
    },
    {
      draft: {
        source: 'hotline_12345',
        receivedOn: back(2),
        title: `市民反映${market.name}窗口办理许可推诿`,
        content: `市民来电反映在${market.name}办理食品经营许可时被多次要求补充材料，工作人员互相推诿。`,
        subjectIds: [market.id],
        reporter: { anonymous: true, name: '', phone: '', contact: '' },
        proposedKind: 'clue',
        priority: 'low',
      },
      fate: { kind: 'pending' },
    },
  ];

  // Inspections: firm 1 over-inspected by one field, firm 2 by two fields apart, firm 4 reports fines.
  const inspect = (
    i: number,
    date: string,
    s: EnforcementSubject,
    purpose: string,
    over: Partial<EnterpriseInspection> = {},
  ): Omit<EnterpriseInspection, 'id'> => ({
    date,
    enterpriseName: firm(i).name,
    creditCode: firm(i).code,
    subjectId: s.id,
    field: s.field,
    purpose,
    joint: false,
    concerns: [],
    ...over,
  });
  const inspections = [
    inspect(1, back(55), market, '双随机抽查'),
    inspect(1, back(35), market, '投诉举报核查'),
    inspect(1, back(12), market, '食品安全专项检查'),
    inspect(2, back(20), market, '双随机抽查'),
    inspect(2, back(18), other, '安全生产检查'),
    inspect(4, back(15), other, '专项整治检查', { concerns: ['fines'] }),
    inspect(5, back(40), market, '双随机抽查', { joint: true }),
    inspect(5, back(40), other, '双随机抽查', { joint: true }),
    inspect(6, back(8), third, '日常巡查'),
    inspect(3, back(45), other, issue(other)),
    inspect(3, back(25), other, '复查整改情况'),
    inspect(0, back(60), market, '双随机抽查'),
  ];

  const year = ctx.today.slice(0, 4);
  const campaignSubjects = [...active]
    .sort((a, b) => (a.field === market.field ? 0 : 1) - (b.field === market.field ? 0 : 1) || a.id.localeCompare(b.id))
    .slice(0, 5);
  const zh = (category: string, item = '') => {
    const c = findCategory(category);
    return (item ? c?.items.find((x) => x.key === item)?.zh : c?.zh) ?? category;
  };
  const checklist = [
    ['subject', 'no_certificate'],
    ['procedure', 'no_hearing'],
    ['discretion', 'maximum_without_reason'],
    ['three_systems', ''],
    ['arbitrary', ''],
  ].map(([category, subcategory]) => ({
    title: `是否存在${zh(category as string, subcategory)}问题`,
    category: category as string,
    subcategory: subcategory as string,
    basis: '《行政执法监督条例》',
  }));

  const pa = market;
  const pb = other;
  return {
    handlerIds,
    clues,
    inspections,
    flagToClue: { creditCode: firm(1).code, on: back(3) },
    campaign: {
      on: back(30),
      draft: {
        title: `${year}年涉企行政处罚专项监督`,
        kind: 'special',
        source: 'annual_plan',
        priority: 'normal',
        scope: `对${campaignSubjects.length}个执法主体${year}年作出的涉企行政处罚案件开展专项监督，重点检查处罚程序、自由裁量和“三项制度”落实情况。`,
        legalBasis: '《行政执法监督条例》第十九条',
        periodFrom: back(30),
        periodTo: addDays(ctx.today, 45),
        subjectIds: campaignSubjects.map((s) => s.id),
        handlerIds,
        checklist,
      },
      progress: [
        {
          index: 0,
          steps: ['open', 'investigate', 'findings', 'serve'],
          findings: [
            finding(
              'procedure',
              'no_hearing',
              '抽查的罚款案件中，作出较大数额罚款前未告知当事人听证权利',
              '依法重新作出处罚决定并告知听证权利',
            ),
            finding(
              'discretion',
              'maximum_without_reason',
              '对首次轻微违法行为顶格处罚，未说明裁量理由',
              '对照裁量基准重新评估，完善说理',
            ),
          ],
        },
        {
          index: 1,
          steps: ['open', 'investigate', 'findings'],
          findings: [
            finding(
              'three_systems',
              'recording',
              '现场执法未按规定进行全过程音像记录',
              '配齐执法记录仪，落实全过程记录制度',
            ),
          ],
        },
        { index: 2, steps: ['open', 'investigate'], findings: [] },
        { index: 3, steps: ['open'], findings: [] },
      ],
    },
    coordinations: [
      {
        title: `关于${pa.name}与${pb.name}流动摊贩售卖自制熟食查处职责的协调`,
        summary: '城区流动摊贩售卖自制熟食，两部门均认为不属于本部门查处职责，群众投诉长期得不到处理。',
        subjectIds: [pa.id, pb.id],
        registeredOn: back(15),
        record: {
          parties: [
            { name: pa.name, position: '该行为属于占道无证经营，应由城市管理部门依法查处。' },
            { name: pb.name, position: '该行为涉及食品安全，应由市场监管部门依法查处。' },
          ],
          disputedMatter: '城区流动摊贩售卖自制熟食行为的查处职责',
          opinion: `一、售卖自制熟食涉及食品安全的，由${pa.name}牵头依法查处\n二、${pb.name}负责占道经营秩序管理，发现食品安全问题及时移交\n三、两部门建立案件移交和信息通报机制`,
          opinionOn: back(6),
          outcome: 'agreed',
          competentOrgan: pa.name,
          outcomeNote: '双方在协调会上签字确认协调意见。',
          decidedOn: back(4),
        },
      },
      {
        title: `关于${other.name}与${third.name}废旧物品回收站点管理职责的协调`,
        summary: '居民区内废旧物品回收站点噪声扰民、占道堆放，相关部门对管理职责认识不一。',
        subjectIds: [other.id, third.id],
        registeredOn: back(5),
        record: {
          parties: [
            { name: other.name, position: '回收站点经营行为不属于本部门许可和监管范围。' },
            { name: third.name, position: '站点堆放物品涉及经营行为监管，应由主管部门牵头。' },
          ],
          disputedMatter: '居民区废旧物品回收站点的监管和查处职责',
          outcome: 'pending',
        },
      },
    ],
    served: [
      {
        title: `关于${market.name}行政处罚案件的重点监督`,
        subjectId: market.id,
        ...(market.organId ? { organId: market.organId } : {}),
        registeredOn: back(20),
        servedOn: back(6),
        finding: finding('procedure', 'late_decision', '抽查的3件案件超过法定期限作出处罚决定', '规范办案时限管理'),
        request: {
          receivedOn: back(2),
          requester: organOf(market)?.name ?? market.name,
          reason: '对监督意见书认定的超期办案事实有异议，部分案件已依法延期',
        },
      },
      {
        title: `关于${other.name}行政检查工作的日常监督`,
        subjectId: other.id,
        ...(other.organId ? { organId: other.organId } : {}),
        registeredOn: back(35),
        servedOn: back(20),
        finding: finding(
          'enterprise_inspection',
          'repeat_inspection',
          '同一企业一个月内被重复检查三次',
          '建立检查计划统筹机制，避免重复检查',
        ),
        request: {
          receivedOn: back(4),
          requester: organOf(other)?.name ?? other.name,
          reason: '认为重复检查系上级部署的专项任务所致，申请复查',
        },
      },
    ],
  };
}

/** Dossiers the plan creates, so the demo's total stays the count the clerk asked for. */
export function workDemoDossierCount(plan: WorkDemoPlan): number {
  const opened = plan.clues.filter((c) => c.fate.kind === 'open').length;
  return opened + 1 + plan.campaign.draft.subjectIds.length + plan.coordinations.length + plan.served.length;
}
