import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES, type DossierStatus, type Finding } from '../../../shared/domain/dossier';
import {
  ACTION_NAMES,
  ACTION_SOURCES,
  type ActionName,
  applyAction,
  availableActions,
  isOverdue,
  type WorkflowAction,
  type WorkflowState,
} from '../../../shared/workflow';
import { context, dossier, dossierIn, finding } from './workflow-fixtures';

/** For each action: a state it can start from, an input that passes, and where it leads. */
const HAPPY: Record<
  ActionName,
  { status: DossierStatus; findings?: Finding[]; input: WorkflowAction; to: DossierStatus }
> = {
  open: { status: 'registered', input: { action: 'open', methods: ['case_files'] }, to: 'opened' },
  decline: { status: 'registered', input: { action: 'decline', reason: '不属于本机关监督范围' }, to: 'not_opened' },
  refer: {
    status: 'investigating',
    input: { action: 'refer', to: '县纪委监委', reason: '涉嫌违纪' },
    to: 'referred',
  },
  record_referral_reply: {
    status: 'referred',
    input: { action: 'record_referral_reply', summary: '已立案审查' },
    to: 'closed',
  },
  start_investigation: { status: 'opened', input: { action: 'start_investigation' }, to: 'investigating' },
  conclude_no_problem: {
    status: 'investigating',
    input: { action: 'conclude_no_problem', conclusion: '未发现问题' },
    to: 'closed',
  },
  draft_handling: {
    status: 'investigating',
    findings: [finding()],
    input: { action: 'draft_handling', document: 'opinion', summary: '拟发监督意见书' },
    to: 'drafting',
  },
  return_draft: { status: 'drafting', input: { action: 'return_draft', reason: '事实需补充' }, to: 'investigating' },
  approve: { status: 'drafting', input: { action: 'approve', approver: '王局长', opinion: '同意' }, to: 'approved' },
  serve: { status: 'approved', input: { action: 'serve', servedOn: '2026-11-23' }, to: 'served' },
  start_rectification: {
    status: 'served',
    findings: [finding()],
    input: { action: 'start_rectification' },
    to: 'rectifying',
  },
  receive_report: {
    status: 'rectifying',
    findings: [finding()],
    input: { action: 'receive_report', findingIds: ['f-1'], summary: '已重新作出决定', receivedOn: '2026-11-26' },
    to: 'verifying',
  },
  verify_rectification: {
    status: 'verifying',
    findings: [finding({ rectificationStatus: 'report_received' })],
    input: { action: 'verify_rectification', findingId: 'f-1', note: '整改到位' },
    to: 'verifying',
  },
  reject_rectification: {
    status: 'verifying',
    findings: [finding({ rectificationStatus: 'report_received' })],
    input: { action: 'reject_rectification', findingId: 'f-1', reason: '未提供新决定书', days: 10, unit: 'working' },
    to: 'rectifying',
  },
  escalate: {
    status: 'rectifying',
    findings: [finding({ deadline: { from: '2026-10-01', days: 30, unit: 'calendar', due: '2026-11-02' } })],
    input: { action: 'escalate', measure: 'leadership_talk', note: '逾期未整改，约谈主要负责人' },
    to: 'rectifying',
  },
  request_review: {
    status: 'served',
    input: { action: 'request_review', reason: '对认定事实有异议' },
    to: 'review_requested',
  },
  decide_review: {
    status: 'review_requested',
    input: { action: 'decide_review', outcome: 'upheld', reason: '维持原意见' },
    to: 'rectifying',
  },
  close: {
    status: 'verifying',
    findings: [finding({ rectificationStatus: 'verified' })],
    input: { action: 'close', conclusion: '整改到位，办结' },
    to: 'closed',
  },
  archive: { status: 'closed', input: { action: 'archive' }, to: 'archived' },
};

const state = (status: DossierStatus, findings: Finding[] = []): WorkflowState => ({
  dossier: dossierIn(status),
  findings,
});

describe('every action from every status', () => {
  for (const name of ACTION_NAMES) {
    const happy = HAPPY[name];
    it(`${name}: ${ACTION_SOURCES[name].join('/')} → ${happy.to}, refused from every other status`, () => {
      for (const status of DOSSIER_STATUSES) {
        const result = applyAction(state(status, happy.findings), happy.input, context());
        if (ACTION_SOURCES[name].includes(status)) {
          expect(result.ok, `${name} from ${status}`).toBe(true);
        } else {
          expect(result, `${name} from ${status}`).toEqual({
            ok: false,
            refusals: [{ code: 'wrongStatus', params: { status } }],
          });
        }
      }
      const result = applyAction(state(happy.status, happy.findings), happy.input, context());
      if (!result.ok) throw new Error(JSON.stringify(result.refusals));
      expect(result.dossier.status).toBe(happy.to);
      expect(result.dossier.version).toBe(2);
      expect(result.dossier.updatedAt).toBe(context().now);
      expect(result.event).toMatchObject({ type: name, from: happy.status, to: happy.to });
    });
  }

  it('offers only the actions of the current status, and none on a received dossier', () => {
    for (const status of DOSSIER_STATUSES) {
      const offered = availableActions(state(status), context()).map((a) => a.action);
      expect(offered.sort()).toEqual(ACTION_NAMES.filter((n) => ACTION_SOURCES[n].includes(status)).sort());
    }
    const received = dossier({
      origin: {
        kind: 'received',
        senderOrganName: '青山县司法局',
        senderDivisionCode: '330104',
        senderFingerprint: 'ab',
        packageId: 'p1',
        receivedAt: '2026-11-20T10:00:00.000+08:00',
      },
    });
    expect(availableActions({ dossier: received, findings: [] }, context())).toEqual([]);
    for (const name of ACTION_NAMES) {
      const result = applyAction({ dossier: received, findings: [] }, HAPPY[name].input, context());
      expect(result).toEqual({ ok: false, refusals: [{ code: 'received' }] });
    }
  });
});

describe('guards', () => {
  const refusalCodes = (s: WorkflowState, input: WorkflowAction, ctx = context()) => {
    const result = applyAction(s, input, ctx);
    return result.ok ? [] : result.refusals.map((r) => r.code);
  };

  it('opening needs the required number of supervisors and a method', () => {
    const one = { dossier: dossier({ handlerIds: ['h-1'] }), findings: [] };
    expect(refusalCodes(one, { action: 'open', methods: ['on_site'] })).toEqual(['handlers']);
    const offered = availableActions(one, context()).find((a) => a.action === 'open');
    expect(offered?.refusals).toEqual([{ code: 'handlers', field: 'handlerIds', params: { min: 2, count: 1 } }]);
    expect(refusalCodes(state('registered'), { action: 'open', methods: [] })).toEqual(['methods']);
    // A province that needs three.
    const strict = context({ settings: { ...context().settings, minHandlers: 3 } });
    expect(refusalCodes(state('registered'), { action: 'open', methods: ['on_site'] }, strict)).toEqual(['handlers']);
  });

  it('not opening, returning a draft, review and referral need a reason', () => {
    expect(refusalCodes(state('registered'), { action: 'decline', reason: ' ' })).toEqual(['reasonRequired']);
    expect(refusalCodes(state('drafting'), { action: 'return_draft', reason: '' })).toEqual(['reasonRequired']);
    expect(refusalCodes(state('served'), { action: 'request_review', reason: '' })).toEqual(['reasonRequired']);
    expect(refusalCodes(state('investigating'), { action: 'refer', to: '', reason: '' })).toEqual([
      'targetRequired',
      'reasonRequired',
    ]);
  });

  it('an opinion or decision needs findings; a notice does not', () => {
    expect(
      refusalCodes(state('investigating'), { action: 'draft_handling', document: 'decision', summary: '拟作决定' }),
    ).toEqual(['findingsRequired']);
    expect(
      refusalCodes(state('investigating'), { action: 'draft_handling', document: 'notice', summary: '拟发通知书' }),
    ).toEqual([]);
  });

  it('concluding without problems is refused once findings exist', () => {
    expect(
      refusalCodes(state('investigating', [finding()]), { action: 'conclude_no_problem', conclusion: '无问题' }),
    ).toEqual(['findingsPresent']);
  });

  it('a document is served only with an approval, on a date after it and not in the future', () => {
    const unapproved = { dossier: dossier({ status: 'approved' }), findings: [] };
    expect(refusalCodes(unapproved, { action: 'serve', servedOn: '2026-11-23' })).toEqual(['approvalMissing']);
    expect(refusalCodes(state('drafting'), { action: 'approve', approver: '', opinion: '' })).toEqual([
      'approverRequired',
    ]);
    expect(refusalCodes(state('approved'), { action: 'serve', servedOn: '2026-11-19' })).toEqual(['dateInvalid']);
    expect(refusalCodes(state('approved'), { action: 'serve', servedOn: '2026-11-28' })).toEqual(['dateInvalid']);
  });

  it('cannot close while a finding’s rectification is unverified', () => {
    for (const status of ['required', 'report_received', 'rejected'] as const) {
      const s = state('verifying', [
        finding({ rectificationStatus: status }),
        finding({ id: 'f-2', rectificationStatus: 'verified' }),
      ]);
      const result = applyAction(s, { action: 'close' }, context());
      expect(result).toEqual({ ok: false, refusals: [{ code: 'unsettledFindings', params: { count: 1 } }] });
    }
    const settled = state('verifying', [
      finding({ rectificationStatus: 'verified' }),
      finding({ id: 'f-2', rectificationStatus: 'not_required' }),
    ]);
    expect(applyAction(settled, { action: 'close' }, context()).ok).toBe(true);
  });

  it('rectification starts only when a finding requires it, and gives each a due date', () => {
    expect(refusalCodes(state('served'), { action: 'start_rectification' })).toEqual(['noRectification']);
    const result = applyAction(
      state('served', [finding(), finding({ id: 'f-2' })]),
      { action: 'start_rectification' },
      context(),
    );
    if (!result.ok) throw new Error('refused');
    // Served 23 Nov 2026 + 30 calendar days = 23 Dec (a Wednesday).
    expect(result.findings.map((f) => f.deadline?.due)).toEqual(['2026-12-23', '2026-12-23']);
    expect(result.changedFindingIds).toEqual(['f-1', 'f-2']);
    const working = applyAction(
      state('served', [finding()]),
      { action: 'start_rectification', days: 15, unit: 'working' },
      context(),
    );
    expect(working.ok && working.findings[0]?.deadline).toEqual({
      from: '2026-11-23',
      days: 15,
      unit: 'working',
      due: '2026-12-14',
    });
    // A finding with its own period keeps it, counted from service.
    const own = finding({ deadline: { from: '2026-11-05', days: 10, unit: 'working', due: '2026-11-19' } });
    const kept = applyAction(state('served', [own]), { action: 'start_rectification' }, context());
    expect(kept.ok && kept.findings[0]?.deadline).toEqual({
      from: '2026-11-23',
      days: 10,
      unit: 'working',
      due: '2026-12-07',
    });
    expect(refusalCodes(state('served', [finding()]), { action: 'start_rectification', days: 0 })).toEqual([
      'daysInvalid',
    ]);
  });

  it('a report is received only for findings awaiting one; only a received report is verified or rejected', () => {
    const s = state('rectifying', [finding({ rectificationStatus: 'verified' })]);
    expect(
      refusalCodes(s, { action: 'receive_report', findingIds: ['f-1'], summary: '已整改', receivedOn: '2026-11-26' }),
    ).toEqual(['findingNotAwaiting', 'findingNotAwaiting']);
    const unknown = state('rectifying', [finding()]);
    expect(
      refusalCodes(unknown, {
        action: 'receive_report',
        findingIds: ['nope'],
        summary: '已整改',
        receivedOn: '2026-11-26',
      }),
    ).toEqual(['findingUnknown']);
    expect(
      refusalCodes(unknown, {
        action: 'receive_report',
        findingIds: ['f-1'],
        summary: '已整改',
        receivedOn: '2026-12-01',
      }),
    ).toEqual(['dateInvalid']);
    const mixed = state('verifying', [finding(), finding({ id: 'f-2', rectificationStatus: 'report_received' })]);
    expect(refusalCodes(mixed, { action: 'verify_rectification', findingId: 'f-1', note: '' })).toEqual([
      'findingNoReport',
    ]);
    expect(
      refusalCodes(mixed, { action: 'reject_rectification', findingId: 'f-2', reason: '', days: 0, unit: 'calendar' }),
    ).toEqual(['reasonRequired', 'daysInvalid']);
  });

  it('escalation needs late or rejected rectification; a decision needs an approval; a referral a target', () => {
    const onTime = state('rectifying', [
      finding({ deadline: { from: '2026-11-23', days: 30, unit: 'calendar', due: '2026-12-23' } }),
    ]);
    expect(refusalCodes(onTime, { action: 'escalate', measure: 'circular', note: '通报' })).toEqual([
      'escalationNotWarranted',
    ]);
    const late = HAPPY.escalate.findings ?? [];
    expect(
      refusalCodes(state('rectifying', late), { action: 'escalate', measure: 'decision', note: '作出监督决定' }),
    ).toEqual(['decisionNeedsApproval']);
    expect(
      refusalCodes(state('rectifying', late), { action: 'escalate', measure: 'discipline_referral', note: '移送' }),
    ).toEqual(['targetRequired']);
    const rejected = state('rectifying', [finding({ rectificationStatus: 'rejected', rejectionCount: 1 })]);
    const result = applyAction(rejected, { action: 'escalate', measure: 'circular', note: '全县通报' }, context());
    expect(result.ok && result.dossier.workflow.escalations).toEqual([
      { measure: 'circular', on: '2026-11-27', note: '全县通报' },
    ]);
  });

  it('review may be requested within the window of working days after service', () => {
    // Served Mon 23 Nov; 10 working days later is Mon 7 Dec.
    const s = state('served');
    expect(applyAction(s, HAPPY.request_review.input, context({ today: '2026-12-07' })).ok).toBe(true);
    expect(refusalCodes(s, HAPPY.request_review.input, context({ today: '2026-12-08' }))).toEqual([
      'reviewWindowClosed',
    ]);
    const notServed = { dossier: dossier({ status: 'served' }), findings: [] };
    expect(refusalCodes(notServed, HAPPY.request_review.input)).toEqual(['notServed']);
  });
});

describe('branches and records', () => {
  it('a review decision upholds, varies (redraft, new approval) or revokes (close, nothing owed)', () => {
    const s = state('review_requested', [finding()]);
    const upheld = applyAction(s, { action: 'decide_review', outcome: 'upheld', reason: '维持' }, context());
    expect(upheld.ok && upheld.dossier.status).toBe('rectifying');
    const varied = applyAction(s, { action: 'decide_review', outcome: 'varied', reason: '变更' }, context());
    expect(varied.ok && [varied.dossier.status, varied.dossier.workflow.approval]).toEqual(['drafting', undefined]);
    const revoked = applyAction(s, { action: 'decide_review', outcome: 'revoked', reason: '撤销' }, context());
    if (!revoked.ok) throw new Error('refused');
    expect(revoked.dossier.status).toBe('closed');
    expect(revoked.findings[0]?.rectificationStatus).toBe('not_required');
    expect(revoked.dossier.workflow.review?.outcome).toBe('revoked');
  });

  it('requesting review remembers the status to return to, and the date a decision is due', () => {
    const result = applyAction(state('verifying'), { action: 'request_review', reason: '有异议' }, context());
    if (!result.ok) throw new Error('refused');
    expect(result.dossier.workflow.review).toMatchObject({
      returnTo: 'verifying',
      requestedOn: '2026-11-27',
      decideBy: '2026-12-18',
    });
    expect(isOverdue(result.dossier, [], '2026-12-19')).toBe(true);
    expect(isOverdue(result.dossier, [], '2026-12-18')).toBe(false);
  });

  it('a referral is tracked until the reply, due in 10 working days', () => {
    const result = applyAction(
      state('registered'),
      { action: 'refer', to: '县市场监管局', reason: '属其职责' },
      context(),
    );
    if (!result.ok) throw new Error('refused');
    expect(result.dossier.workflow.referral).toEqual({ to: '县市场监管局', on: '2026-11-27', replyDue: '2026-12-11' });
    expect(result.event.data).toEqual({ to: '县市场监管局', replyDue: '2026-12-11' });
    expect(isOverdue(result.dossier, [], '2026-12-14')).toBe(true);
    const replied = applyAction(
      { dossier: result.dossier, findings: [] },
      { action: 'record_referral_reply', summary: '已处理' },
      context(),
    );
    expect(replied.ok && replied.dossier.workflow.referral?.reply).toEqual({ on: '2026-11-27', summary: '已处理' });
  });

  it('runs a matter from registration to archive, with a rejected and resubmitted rectification', () => {
    let s: WorkflowState = { dossier: dossier(), findings: [] };
    const events: string[] = [];
    const step = (input: WorkflowAction, today = '2026-11-27') => {
      const result = applyAction(s, input, context({ today }));
      if (!result.ok) throw new Error(`${input.action}: ${JSON.stringify(result.refusals)}`);
      s = { dossier: result.dossier, findings: result.findings };
      events.push(`${result.event.from}→${result.event.to}`);
    };
    step({ action: 'open', methods: ['case_files', 'interview'] }, '2026-11-03');
    step({ action: 'start_investigation' }, '2026-11-04');
    s = {
      ...s,
      findings: [finding(), finding({ id: 'f-2', category: 'discretion', subcategory: 'maximum_without_reason' })],
    };
    step({ action: 'draft_handling', document: 'opinion', summary: '拟发意见书' }, '2026-11-10');
    step({ action: 'approve', approver: '王局长', opinion: '同意' }, '2026-11-11');
    step({ action: 'serve', servedOn: '2026-11-12' }, '2026-11-12');
    step({ action: 'start_rectification' }, '2026-11-12');
    step(
      { action: 'receive_report', findingIds: ['f-1', 'f-2'], summary: '已整改', receivedOn: '2026-11-20' },
      '2026-11-20',
    );
    step({ action: 'verify_rectification', findingId: 'f-2', note: '到位' }, '2026-11-23');
    step(
      { action: 'reject_rectification', findingId: 'f-1', reason: '未附新决定书', days: 10, unit: 'working' },
      '2026-11-23',
    );
    expect(s.dossier.status).toBe('rectifying');
    expect(applyAction(s, { action: 'close' }, context()).ok).toBe(false);
    step(
      { action: 'receive_report', findingIds: ['f-1'], summary: '补充新决定书', receivedOn: '2026-11-26' },
      '2026-11-26',
    );
    step({ action: 'verify_rectification', findingId: 'f-1', note: '整改到位' }, '2026-11-27');
    step({ action: 'close', conclusion: '办结' }, '2026-11-27');
    step({ action: 'archive' }, '2026-11-27');
    expect(s.dossier.status).toBe('archived');
    expect(s.dossier.openedOn).toBe('2026-11-03');
    expect(s.dossier.closedOn).toBe('2026-11-27');
    expect(s.findings.map((f) => [f.rectificationStatus, f.rejectionCount])).toEqual([
      ['verified', 1],
      ['verified', 0],
    ]);
    expect(events).toEqual([
      'registered→opened',
      'opened→investigating',
      'investigating→drafting',
      'drafting→approved',
      'approved→served',
      'served→rectifying',
      'rectifying→verifying',
      'verifying→verifying',
      'verifying→rectifying',
      'rectifying→verifying',
      'verifying→verifying',
      'verifying→closed',
      'closed→archived',
    ]);
  });
});
