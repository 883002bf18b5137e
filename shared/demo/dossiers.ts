import { addDays, daysBetween } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type {
  Dossier,
  DossierKind,
  DossierStatus,
  Finding,
  InvestigationMethod,
  Priority,
  RecordOrigin,
  Severity,
  TimelineEvent,
} from '../domain/dossier';
import type { EnforcementSubject, Organ, Supervisor } from '../domain/registry';
import { formatDossierNumber } from '../dossiers/numbering';
import { FINDING_TAXONOMY } from '../taxonomy/findings';
import { sealEvent, type UnsealedEvent } from '../timeline/chain';
import { applyAction, type WorkflowAction, type WorkflowContext } from '../workflow/machine';
import type { WorkflowSettings } from '../workflow/settings';
import { Prng } from './prng';
import { OFFICE_ORGAN_ID } from './registry';
import {
  dossierSummary,
  dossierTitle,
  enterpriseName,
  FINDING_TEXTS,
  ISSUES,
  REQUIREMENTS_BY_CATEGORY,
  RULES_BY_CATEGORY,
  SOURCES_BY_KIND,
} from './texts';

export interface GeneratedDossier {
  dossier: Dossier;
  findings: Finding[];
  events: TimelineEvent[];
}

export interface DemoDossierContext {
  seed: number;
  /** The clerk's today: no demo record is dated after it. */
  today: string;
  /** How many days back the oldest demo dossier was registered. */
  spanDays: number;
  count: number;
  office: { shortName: string };
  subjects: readonly EnforcementSubject[];
  organsById: ReadonlyMap<string, Organ>;
  supervisors: readonly Supervisor[];
  /** Judicial organs that send dossiers up in packages. */
  senders: readonly Organ[];
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
  /** Allocates the next dossier number of an organ (the office, or a sender) for a year. */
  nextNumber(organId: string, year: number): number;
}

const KIND_WEIGHTS: readonly (readonly [DossierKind, number])[] = [
  ['routine', 22],
  ['focused', 12],
  ['special', 5],
  ['assigned', 5],
  ['escalated', 4],
  ['inspection', 6],
  ['enterprise', 14],
  ['case_review', 14],
  ['coordination', 4],
  ['clue', 14],
];

const PRIORITY_WEIGHTS: readonly (readonly [Priority, number])[] = [
  ['low', 15],
  ['normal', 60],
  ['high', 20],
  ['urgent', 5],
];

const SEVERITY_WEIGHTS: readonly (readonly [Severity, number])[] = [
  ['minor', 45],
  ['moderate', 40],
  ['serious', 15],
];

const METHODS: readonly InvestigationMethod[] = [
  'case_files',
  'written_review',
  'on_site',
  'interview',
  'hearing',
  'appraisal',
  'information_system',
];

const TAGS = ['涉企', '营商环境', '群众反映', '重点领域', '跨部门', '回头看'];

/**
 * Where a dossier of a given age stands: recent ones are still early in the workflow,
 * old ones mostly closed or archived, and every state occurs.
 */
function statusForAge(rng: Prng, ageDays: number): DossierStatus {
  if (ageDays < 20) {
    return rng.weighted([
      ['registered', 40],
      ['not_opened', 6],
      ['opened', 22],
      ['investigating', 20],
      ['referred', 6],
      ['drafting', 6],
    ]);
  }
  if (ageDays < 90) {
    return rng.weighted([
      ['registered', 3],
      ['investigating', 12],
      ['referred', 5],
      ['drafting', 8],
      ['approved', 6],
      ['served', 7],
      ['rectifying', 22],
      ['verifying', 12],
      ['review_requested', 4],
      ['closed', 18],
      ['not_opened', 3],
    ]);
  }
  return rng.weighted([
    ['rectifying', 4],
    ['verifying', 2],
    ['referred', 1],
    ['closed', 48],
    ['archived', 40],
    ['not_opened', 5],
  ]);
}

type ClosingRoute = 'rectified' | 'no_problem' | 'referral' | 'review_revoked';

interface Plan {
  actions: WorkflowAction['action'][];
  route?: ClosingRoute;
}

function plan(rng: Prng, status: DossierStatus): Plan {
  const investigate: WorkflowAction['action'][] = ['open', 'start_investigation'];
  const handled: WorkflowAction['action'][] = [...investigate, 'draft_handling', 'approve', 'serve'];
  switch (status) {
    case 'registered':
      return { actions: [] };
    case 'not_opened':
      return { actions: ['decline'] };
    case 'opened':
      return { actions: ['open'] };
    case 'investigating':
      return { actions: investigate };
    case 'referred':
      return { actions: rng.chance(0.5) ? ['refer'] : [...investigate, 'refer'] };
    case 'drafting':
      return { actions: [...investigate, 'draft_handling'] };
    case 'approved':
      return { actions: [...investigate, 'draft_handling', 'approve'] };
    case 'served':
      return { actions: handled };
    case 'review_requested':
      return { actions: [...handled, 'start_rectification', 'request_review'] };
    case 'rectifying':
      return { actions: [...handled, 'start_rectification'] };
    case 'verifying':
      return { actions: [...handled, 'start_rectification', 'receive_report'] };
    case 'closed':
    case 'archived': {
      const route = rng.weighted<ClosingRoute>([
        ['rectified', 72],
        ['no_problem', 14],
        ['referral', 9],
        ['review_revoked', 5],
      ]);
      const tail: WorkflowAction['action'][] = status === 'archived' ? ['archive'] : [];
      if (route === 'no_problem') return { actions: [...investigate, 'conclude_no_problem', ...tail], route };
      if (route === 'referral') return { actions: ['refer', 'record_referral_reply', ...tail], route };
      if (route === 'review_revoked') {
        return { actions: [...handled, 'start_rectification', 'request_review', 'decide_review', ...tail], route };
      }
      return {
        actions: [...handled, 'start_rectification', 'receive_report', 'verify_rectification', 'close', ...tail],
        route,
      };
    }
  }
}

/** The earlier of two ISO dates. */
function earlier(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function instant(date: string, minuteOfDay: number): string {
  return `${date}T${pad(Math.floor(minuteOfDay / 60), 2)}:${pad(minuteOfDay % 60, 2)}:00.000+08:00`;
}

/**
 * Generates dossier number `index` of a demo set: deterministic for (seed, index), its
 * history produced by the real state machine, its timeline sealed into a hash chain.
 */
export function generateDossier(index: number, ctx: DemoDossierContext): GeneratedDossier {
  const rng = new Prng(ctx.seed, index + 1);
  const id = `demo${ctx.seed}-d${index}`;
  // Registration dates grow with the index, so numbers follow the calendar.
  const offset = Math.floor(((ctx.count - 1 - index) / Math.max(1, ctx.count)) * ctx.spanDays);
  let registeredOn = addDays(ctx.today, -offset);
  while (!ctx.calendar.isWorkingDay(registeredOn)) registeredOn = addDays(registeredOn, -1);
  const year = Number(registeredOn.slice(0, 4));
  const kind = rng.weighted(KIND_WEIGHTS);
  const source = rng.pick(SOURCES_BY_KIND[kind]);
  const subjectCount = kind === 'special' || kind === 'inspection' ? rng.between(2, 4) : 1;
  const subjects = rng.sample(ctx.subjects, subjectCount);
  const lead = subjects[0] as EnforcementSubject;
  const other = rng.pick(ctx.subjects);
  const leadOrgan = ctx.organsById.get(lead.organId);
  const cityName = /^(.{2}市)/.exec(leadOrgan?.name ?? '')?.[1] ?? '江州市';
  const issues = ISSUES[lead.field] ?? ISSUES.urban_management ?? ['行政执法'];
  const parts = {
    kind,
    year,
    subject: lead.name,
    otherSubject: other.name,
    issue: rng.pick(issues),
    enterprise: enterpriseName(rng, cityName),
    source,
  };
  const received = ctx.senders.length > 0 && rng.chance(0.06);
  const sender = received ? rng.pick(ctx.senders) : undefined;
  const origin: RecordOrigin = sender
    ? {
        kind: 'received',
        senderOrganName: sender.name,
        senderDivisionCode: sender.divisionCode,
        senderFingerprint: `demo-${sender.divisionCode}`,
        packageId: `demo${ctx.seed}-pkg${sender.divisionCode}`,
        receivedAt: instant(ctx.today, 8 * 60 + 30),
      }
    : { kind: 'own' };
  const handlers = rng.sample(ctx.supervisors, rng.chance(0.08) ? 1 : 2).map((s) => s.id);
  const createdAt = instant(registeredOn, 8 * 60 + rng.int(9 * 60));
  const number = formatDossierNumber(
    sender?.shortName ?? ctx.office.shortName,
    year,
    ctx.nextNumber(sender?.id ?? OFFICE_ORGAN_ID, year),
  );

  let dossier: Dossier = {
    id,
    number,
    title: dossierTitle(rng, parts),
    kind,
    source,
    methods: [],
    status: 'registered',
    owningOrganId: sender?.id ?? OFFICE_ORGAN_ID,
    subjectIds: subjects.map((s) => s.id),
    supervisedOrganIds: [...new Set(subjects.map((s) => s.organId))],
    handlerIds: handlers,
    registeredOn,
    deadline: addDays(registeredOn, 90),
    priority: rng.weighted(PRIORITY_WEIGHTS),
    confidentiality: rng.chance(0.8) ? 'internal' : 'public',
    summary: dossierSummary(rng, parts),
    legalBasis: rng.pick([
      '《行政执法监督条例》第十二条',
      '《行政执法监督条例》第十九条',
      '《行政执法监督条例》第二十二条',
    ]),
    tags: rng.chance(0.5) ? rng.sample(TAGS, rng.between(1, 2)) : [],
    links: { related: [] },
    workflow: { escalations: [] },
    // The sender ran this history; it arrives read-only once simulated.
    origin: { kind: 'own' },
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };

  const events: TimelineEvent[] = [];
  const actor = ctx.supervisors.find((s) => s.id === handlers[0])?.name ?? '承办人';
  const record = (event: Omit<UnsealedEvent, 'dossierId' | 'actor'>) => {
    events.push(sealEvent({ dossierId: id, actor, ...event }, events[events.length - 1]));
  };
  record({ at: createdAt, type: 'registered', to: 'registered', data: { number } });

  const ageDays = daysBetween(registeredOn, ctx.today);
  // A matter still short of its second supervisor cannot have been opened.
  const target = handlers.length < ctx.settings.minHandlers ? 'registered' : statusForAge(rng, ageDays);
  const { actions, route } = plan(rng, target);
  let findings: Finding[] = [];
  let date = registeredOn;
  let minute = 9 * 60;
  const step = (min: number, max: number) => {
    const next = ctx.calendar.addWorkingDays(date, rng.between(min, max));
    date = earlier(next, ctx.today);
    minute = 8 * 60 + 30 + rng.int(8 * 60);
  };
  const wctx = (): WorkflowContext => ({
    today: date,
    now: instant(date, minute),
    actor,
    calendar: ctx.calendar,
    settings: ctx.settings,
  });
  // About three findings a dossier over the whole set, as offices' statistics show.
  const findingCount =
    route === 'no_problem'
      ? 0
      : rng.weighted([
          [1, 3],
          [2, 8],
          [3, 18],
          [4, 24],
          [5, 22],
          [6, 14],
          [7, 8],
          [8, 3],
        ] as const);
  // Spread the span so that rectification deadlines fall both before and after today.
  const gap = ageDays > 120 ? 6 : ageDays > 45 ? 3 : 1;

  for (const action of actions) {
    let input: WorkflowAction;
    switch (action) {
      case 'open':
        step(1, gap);
        input = { action, methods: rng.sample(METHODS, rng.between(1, 3)) };
        break;
      case 'decline':
        step(1, 3);
        input = {
          action,
          reason: rng.pick(['不属于本机关监督职责范围', '反映问题已由复议机关处理', '线索内容不具体，无法核查']),
        };
        break;
      case 'refer':
        step(1, gap);
        input = {
          action,
          to: rng.pick(['县纪委监委', '县市场监督管理局', '县人民检察院', '市司法局']),
          reason: '依职责移送处理',
        };
        break;
      case 'record_referral_reply':
        step(3, 10);
        input = { action, summary: rng.pick(['已立案调查并反馈处理结果', '经核查已责令整改', '已依法处理完毕']) };
        break;
      case 'start_investigation':
        step(1, gap);
        input = { action };
        break;
      case 'conclude_no_problem':
        step(2, gap * 2);
        input = { action, conclusion: '经调阅案卷和询问核实，未发现违法或不当执法问题' };
        break;
      case 'draft_handling': {
        step(2, gap * 2);
        findings = makeFindings(rng, id, findingCount, lead, date, minute);
        for (const f of findings) {
          record({
            at: f.createdAt,
            type: 'finding_added',
            from: dossier.status,
            to: dossier.status,
            data: { finding: f.id, category: f.category, subcategory: f.subcategory },
          });
        }
        minute += 30;
        input = {
          action,
          document: rng.chance(0.7) ? 'opinion' : rng.chance(0.5) ? 'notice' : 'decision',
          summary: '依据调查认定的事实，拟向被监督单位发出处理文书',
        };
        break;
      }
      case 'approve':
        step(1, 2);
        input = { action, approver: '分管局领导', opinion: '同意' };
        break;
      case 'serve':
        step(1, 3);
        input = {
          action,
          servedOn: date,
          documentNumber: `${ctx.office.shortName}执监〔${date.slice(0, 4)}〕${rng.between(1, 300)}号`,
        };
        break;
      case 'start_rectification':
        input = { action };
        break;
      case 'request_review':
        step(1, 5);
        input = { action, reason: '被监督单位对认定的部分事实有异议，申请复查' };
        break;
      case 'decide_review':
        step(3, 10);
        input = { action, outcome: 'revoked', reason: '经复查，原认定依据不足，撤销原处理意见' };
        break;
      case 'receive_report': {
        step(5, gap * 5);
        const ids = findings
          .filter((f) => f.rectificationStatus === 'required' || f.rectificationStatus === 'rejected')
          .map((f) => f.id);
        input = { action, findingIds: ids, summary: '被监督单位报送整改情况报告及相关材料', receivedOn: date };
        break;
      }
      case 'verify_rectification':
        input = { action, findingId: '', note: '' };
        break;
      case 'close':
        step(1, 3);
        input = { action, conclusion: '问题均已整改到位，予以办结' };
        break;
      case 'archive':
        step(5, 20);
        input = { action };
        break;
      default:
        input = { action: 'archive' };
    }
    if (action === 'verify_rectification') {
      // Reports are checked one by one; now and then one is sent back and redone.
      for (const f of [...findings]) {
        if (rng.chance(0.2)) {
          step(1, 3);
          dossier = apply({
            action: 'reject_rectification',
            findingId: f.id,
            reason: '整改材料不完整，未附整改后的处理决定',
            days: 10,
            unit: 'working',
          });
          step(2, 6);
          dossier = apply({
            action: 'receive_report',
            findingIds: [f.id],
            summary: '补充报送整改材料',
            receivedOn: date,
          });
        }
        step(0, 2);
        dossier = apply({ action: 'verify_rectification', findingId: f.id, note: '经复核，整改到位' });
      }
      continue;
    }
    dossier = apply(input);
  }

  // Some matters in rectification are late: a measure is taken, or a report rejected.
  const firstDue = findings.reduce<string | undefined>(
    (min, f) => (f.deadline && (!min || f.deadline.due < min) ? f.deadline.due : min),
    undefined,
  );
  if (dossier.status === 'rectifying' && firstDue && firstDue < ctx.today) {
    date = earlier(ctx.calendar.addWorkingDays(firstDue, rng.between(1, 15)), ctx.today);
    if (rng.chance(0.5)) {
      dossier = apply({
        action: 'escalate',
        measure: rng.pick(['leadership_talk', 'circular'] as const),
        note: '整改逾期，采取督办措施',
      });
    }
  }

  function apply(input: WorkflowAction): Dossier {
    const result = applyAction({ dossier, findings }, input, wctx());
    if (!result.ok)
      throw new Error(`demo ${id}: ${input.action} refused: ${result.refusals.map((r) => r.code).join(', ')}`);
    findings = result.findings;
    record({
      at: wctx().now,
      type: result.event.type,
      from: result.event.from,
      to: result.event.to,
      ...(result.event.reason ? { reason: result.event.reason } : {}),
      data: result.event.data,
    });
    minute += 5;
    return result.dossier;
  }

  return { dossier: { ...dossier, origin }, findings, events };
}

function makeFindings(
  rng: Prng,
  dossierId: string,
  count: number,
  subject: EnforcementSubject,
  date: string,
  minute: number,
): Finding[] {
  const findings: Finding[] = [];
  for (let k = 0; k < count; k++) {
    const category = rng.pick(FINDING_TAXONOMY);
    const item = rng.pick(category.items);
    const caseNo = `${subject.name.slice(0, 2)}罚〔${date.slice(0, 4)}〕${rng.between(10, 999)}号案`;
    const description = rng
      .pick(FINDING_TEXTS[item.key] ?? [item.zh])
      .replace('{subject}', subject.name)
      .replace('{case}', caseNo);
    const at = instant(date, Math.min(minute + k * 7, 17 * 60 + 50));
    findings.push({
      id: `${dossierId}-f${k}`,
      dossierId,
      category: category.key,
      subcategory: item.key,
      description,
      ruleBreached: rng.pick(RULES_BY_CATEGORY[category.key] ?? ['']),
      evidenceIds: [],
      severity: rng.weighted(SEVERITY_WEIGHTS),
      rectificationRequirement: rng.pick(REQUIREMENTS_BY_CATEGORY[category.key] ?? ['依法整改']),
      rectificationStatus: 'required',
      rejectionCount: 0,
      createdAt: at,
      updatedAt: at,
    });
  }
  return findings;
}
