import type { DeadlineUnit, WorkingCalendar } from '../calendar/working-days';
import { dueDate } from '../calendar/working-days';
import {
  awaitsRectification,
  type Dossier,
  type DossierStatus,
  type EscalationMeasure,
  type Finding,
  type HandlingDocument,
  type InvestigationMethod,
  isRectificationOverdue,
  type ReviewOutcome,
  rectificationSettled,
} from '../domain/dossier';
import type { WorkflowSettings } from './settings';

/**
 * The life of a supervision matter (DOMAIN.md §4) as a pure state machine. Each action
 * names the states it may start from, checks its guards over the dossier, its findings
 * and the input, and yields the changed records plus one timeline event payload. The
 * caller writes both in one transaction and seals the event into the hash chain.
 */

export type WorkflowAction =
  | { action: 'open'; methods: InvestigationMethod[]; note?: string }
  | { action: 'decline'; reason: string }
  | { action: 'refer'; to: string; reason: string }
  | { action: 'record_referral_reply'; summary: string }
  | { action: 'start_investigation' }
  | { action: 'conclude_no_problem'; conclusion: string }
  | { action: 'draft_handling'; document: HandlingDocument; summary: string }
  | { action: 'return_draft'; reason: string }
  | { action: 'approve'; approver: string; opinion: string }
  | { action: 'serve'; servedOn: string; documentNumber?: string }
  | { action: 'start_rectification'; days?: number; unit?: DeadlineUnit }
  | { action: 'receive_report'; findingIds: string[]; summary: string; receivedOn: string }
  | { action: 'verify_rectification'; findingId: string; note: string }
  | { action: 'reject_rectification'; findingId: string; reason: string; days: number; unit: DeadlineUnit }
  | { action: 'escalate'; measure: EscalationMeasure; note: string; approvedBy?: string; target?: string }
  | {
      action: 'request_review';
      reason: string;
      /** 申请日期: the day the request reached the office (default today); the window is judged on it. */
      requestedOn?: string;
      /** The organ that asked for review, for the record. */
      requester?: string;
      /** Accept a request made after the window, marked late (the office's rule decides). */
      acceptLate?: boolean;
    }
  | { action: 'decide_review'; outcome: ReviewOutcome; reason: string }
  | { action: 'close'; conclusion?: string }
  | { action: 'archive' };

export type ActionName = WorkflowAction['action'];

/** Where each action may start. Order is the order the UI offers them in. */
export const ACTION_SOURCES: Readonly<Record<ActionName, readonly DossierStatus[]>> = {
  open: ['registered'],
  decline: ['registered'],
  refer: ['registered', 'opened', 'investigating'],
  record_referral_reply: ['referred'],
  start_investigation: ['opened'],
  conclude_no_problem: ['investigating'],
  draft_handling: ['investigating'],
  return_draft: ['drafting'],
  approve: ['drafting'],
  serve: ['approved'],
  start_rectification: ['served'],
  receive_report: ['rectifying', 'verifying'],
  verify_rectification: ['verifying'],
  reject_rectification: ['verifying'],
  escalate: ['rectifying', 'verifying'],
  request_review: ['served', 'rectifying', 'verifying'],
  decide_review: ['review_requested'],
  close: ['served', 'verifying'],
  archive: ['closed', 'not_opened'],
};

export const ACTION_NAMES = Object.keys(ACTION_SOURCES) as ActionName[];

/** Why an action cannot be taken; `code` is a catalogue key, `field` the input it concerns. */
export interface Refusal {
  code:
    | 'received'
    | 'wrongStatus'
    | 'handlers'
    | 'methods'
    | 'reasonRequired'
    | 'targetRequired'
    | 'findingsRequired'
    | 'findingsPresent'
    | 'approverRequired'
    | 'approvalMissing'
    | 'noRectification'
    | 'unsettledFindings'
    | 'notServed'
    | 'reviewWindowClosed'
    | 'findingUnknown'
    | 'findingNotAwaiting'
    | 'findingNoReport'
    | 'escalationNotWarranted'
    | 'decisionNeedsApproval'
    | 'dateInvalid'
    | 'daysInvalid';
  field?: string;
  params?: Record<string, string | number>;
}

export interface WorkflowContext {
  /** The clerk's calendar date and the instant of the change. */
  today: string;
  now: string;
  /** Who acts (the clerk's name), for records such as who verified a rectification. */
  actor: string;
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
}

export interface WorkflowState {
  dossier: Dossier;
  findings: readonly Finding[];
}

/** What a transition records on the timeline (the store adds actor, time and hashes). */
export interface EventPayload {
  type: ActionName;
  from: DossierStatus;
  to: DossierStatus;
  reason?: string;
  data: Record<string, unknown>;
}

export type TransitionResult =
  | { ok: true; dossier: Dossier; findings: Finding[]; changedFindingIds: string[]; event: EventPayload }
  | { ok: false; refusals: Refusal[] };

const text = (value: string | undefined) => (value ?? '').trim();
const filled = (value: string | undefined, min = 2) => text(value).length >= min;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Guards that depend on the records only, not on what the clerk types: these decide
 * whether an action is offered at all, and why not.
 */
export function standingRefusals(name: ActionName, state: WorkflowState, ctx: WorkflowContext): Refusal[] {
  const { dossier, findings } = state;
  if (dossier.origin.kind === 'received') return [{ code: 'received' }];
  if (!ACTION_SOURCES[name].includes(dossier.status)) {
    return [{ code: 'wrongStatus', params: { status: dossier.status } }];
  }
  const refusals: Refusal[] = [];
  switch (name) {
    case 'open':
      if (dossier.handlerIds.length < ctx.settings.minHandlers) {
        refusals.push({
          code: 'handlers',
          field: 'handlerIds',
          params: { min: ctx.settings.minHandlers, count: dossier.handlerIds.length },
        });
      }
      break;
    case 'conclude_no_problem':
      if (findings.length > 0) refusals.push({ code: 'findingsPresent', params: { count: findings.length } });
      break;
    case 'serve':
      if (!dossier.workflow.approval) refusals.push({ code: 'approvalMissing' });
      break;
    case 'start_rectification':
      if (!findings.some(awaitsRectification)) refusals.push({ code: 'noRectification' });
      break;
    case 'receive_report':
      if (!findings.some(awaitsRectification)) refusals.push({ code: 'findingNotAwaiting' });
      break;
    case 'verify_rectification':
    case 'reject_rectification':
      if (!findings.some((f) => f.rectificationStatus === 'report_received')) {
        refusals.push({ code: 'findingNoReport' });
      }
      break;
    case 'escalate':
      if (!findings.some((f) => isRectificationOverdue(f, ctx.today) || f.rectificationStatus === 'rejected')) {
        refusals.push({ code: 'escalationNotWarranted' });
      }
      break;
    case 'request_review': {
      const service = dossier.workflow.service;
      if (!service) {
        refusals.push({ code: 'notServed' });
        break;
      }
      const until = ctx.calendar.addWorkingDays(service.servedOn, ctx.settings.reviewWindowWorkingDays);
      if (ctx.today > until) refusals.push({ code: 'reviewWindowClosed', params: { until } });
      break;
    }
    case 'close': {
      const unsettled = findings.filter((f) => !rectificationSettled(f)).length;
      if (unsettled > 0) refusals.push({ code: 'unsettledFindings', params: { count: unsettled } });
      break;
    }
    default:
      break;
  }
  return refusals;
}

/** Every action that could start from the dossier's status, with why it may not (yet). */
export function availableActions(
  state: WorkflowState,
  ctx: WorkflowContext,
): { action: ActionName; refusals: Refusal[] }[] {
  if (state.dossier.origin.kind === 'received') return [];
  return ACTION_NAMES.filter((name) => ACTION_SOURCES[name].includes(state.dossier.status)).map((action) => ({
    action,
    refusals: standingRefusals(action, state, ctx),
  }));
}

/** Dossier status while rectification runs: waiting for reports, or checking them. */
export function rectificationPhase(findings: readonly Finding[]): 'rectifying' | 'verifying' {
  if (findings.some((f) => f.rectificationStatus === 'report_received')) return 'verifying';
  if (findings.some(awaitsRectification)) return 'rectifying';
  return 'verifying';
}

function inputRefusals(input: WorkflowAction, state: WorkflowState, ctx: WorkflowContext): Refusal[] {
  const refusals: Refusal[] = [];
  const need = (ok: boolean, refusal: Refusal) => {
    if (!ok) refusals.push(refusal);
  };
  const findingById = (id: string) => state.findings.find((f) => f.id === id);
  switch (input.action) {
    case 'open':
      need(input.methods.length > 0, { code: 'methods', field: 'methods' });
      break;
    case 'decline':
    case 'return_draft':
    case 'decide_review':
      need(filled(input.reason), { code: 'reasonRequired', field: 'reason' });
      break;
    case 'request_review': {
      need(filled(input.reason), { code: 'reasonRequired', field: 'reason' });
      if (input.requestedOn !== undefined) {
        const servedOn = state.dossier.workflow.service?.servedOn ?? '0000-00-00';
        need(ISO.test(input.requestedOn) && input.requestedOn <= ctx.today && input.requestedOn >= servedOn, {
          code: 'dateInvalid',
          field: 'requestedOn',
        });
      }
      break;
    }
    case 'refer':
      need(filled(input.to), { code: 'targetRequired', field: 'to' });
      need(filled(input.reason), { code: 'reasonRequired', field: 'reason' });
      break;
    case 'record_referral_reply':
      need(filled(input.summary), { code: 'reasonRequired', field: 'summary' });
      break;
    case 'conclude_no_problem':
      need(filled(input.conclusion), { code: 'reasonRequired', field: 'conclusion' });
      break;
    case 'draft_handling':
      need(filled(input.summary), { code: 'reasonRequired', field: 'summary' });
      // An opinion or a decision states problems; only a notice may go without findings.
      need(input.document === 'notice' || state.findings.length > 0, { code: 'findingsRequired', field: 'document' });
      break;
    case 'approve':
      need(filled(input.approver), { code: 'approverRequired', field: 'approver' });
      break;
    case 'serve': {
      const approvedOn = state.dossier.workflow.approval?.on ?? '0000-00-00';
      need(ISO.test(input.servedOn) && input.servedOn <= ctx.today && input.servedOn >= approvedOn, {
        code: 'dateInvalid',
        field: 'servedOn',
      });
      break;
    }
    case 'start_rectification':
      if (input.days !== undefined) {
        need(Number.isInteger(input.days) && input.days >= 1 && input.days <= 365, {
          code: 'daysInvalid',
          field: 'days',
        });
      }
      break;
    case 'receive_report':
      need(input.findingIds.length > 0, { code: 'findingNotAwaiting', field: 'findingIds' });
      for (const id of input.findingIds) {
        const finding = findingById(id);
        if (!finding) refusals.push({ code: 'findingUnknown', field: 'findingIds' });
        else if (!awaitsRectification(finding)) refusals.push({ code: 'findingNotAwaiting', field: 'findingIds' });
      }
      need(filled(input.summary), { code: 'reasonRequired', field: 'summary' });
      need(ISO.test(input.receivedOn) && input.receivedOn <= ctx.today, { code: 'dateInvalid', field: 'receivedOn' });
      break;
    case 'verify_rectification':
    case 'reject_rectification': {
      const finding = findingById(input.findingId);
      if (!finding) refusals.push({ code: 'findingUnknown', field: 'findingId' });
      else if (finding.rectificationStatus !== 'report_received') {
        refusals.push({ code: 'findingNoReport', field: 'findingId' });
      }
      if (input.action === 'reject_rectification') {
        need(filled(input.reason), { code: 'reasonRequired', field: 'reason' });
        need(Number.isInteger(input.days) && input.days >= 1 && input.days <= 365, {
          code: 'daysInvalid',
          field: 'days',
        });
      }
      break;
    }
    case 'escalate':
      need(filled(input.note), { code: 'reasonRequired', field: 'note' });
      // A supervision decision (决定书) is only issued with the leadership's approval.
      if (input.measure === 'decision')
        need(filled(input.approvedBy), { code: 'decisionNeedsApproval', field: 'approvedBy' });
      if (input.measure === 'discipline_referral')
        need(filled(input.target), { code: 'targetRequired', field: 'target' });
      break;
    default:
      break;
  }
  return refusals;
}

/**
 * A review request is judged on the day it reached the office, which the clerk may
 * record a few days later: the window check runs as of that day.
 */
function reviewContext(input: WorkflowAction, ctx: WorkflowContext): WorkflowContext {
  if (input.action !== 'request_review' || !input.requestedOn || !ISO.test(input.requestedOn)) return ctx;
  return { ...ctx, today: input.requestedOn };
}

/** Applies one action. Either every guard passes and the records change, or nothing does. */
export function applyAction(state: WorkflowState, input: WorkflowAction, ctx: WorkflowContext): TransitionResult {
  let standing = standingRefusals(input.action, state, reviewContext(input, ctx));
  if (input.action === 'request_review' && input.acceptLate) {
    standing = standing.filter((r) => r.code !== 'reviewWindowClosed');
  }
  if (standing.some((r) => r.code === 'received' || r.code === 'wrongStatus')) return { ok: false, refusals: standing };
  const refusals = [...standing, ...inputRefusals(input, state, ctx)];
  if (refusals.length > 0) return { ok: false, refusals };

  const before = state.dossier;
  const from = before.status;
  const workflow = { ...before.workflow, escalations: [...before.workflow.escalations] };
  const findings = state.findings.map((f) => ({ ...f }));
  const changed = new Set<string>();
  const patch: Partial<Dossier> = {};
  let to: DossierStatus = from;
  let reason: string | undefined;
  let data: Record<string, unknown> = {};
  const touch = (finding: Finding) => {
    finding.updatedAt = ctx.now;
    changed.add(finding.id);
  };

  switch (input.action) {
    case 'open':
      to = 'opened';
      patch.methods = [...input.methods];
      patch.openedOn = ctx.today;
      reason = text(input.note) || undefined;
      data = { methods: input.methods, handlers: before.handlerIds.length };
      break;
    case 'decline':
      to = 'not_opened';
      reason = text(input.reason);
      workflow.notOpenedReason = reason;
      patch.closedOn = ctx.today;
      break;
    case 'refer': {
      to = 'referred';
      reason = text(input.reason);
      const replyDue = ctx.calendar.addWorkingDays(ctx.today, ctx.settings.referralReplyWorkingDays);
      workflow.referral = { to: text(input.to), on: ctx.today, replyDue };
      data = { to: text(input.to), replyDue };
      break;
    }
    case 'record_referral_reply':
      to = 'closed';
      reason = text(input.summary);
      if (workflow.referral) workflow.referral = { ...workflow.referral, reply: { on: ctx.today, summary: reason } };
      patch.closedOn = ctx.today;
      break;
    case 'start_investigation':
      to = 'investigating';
      break;
    case 'conclude_no_problem':
      to = 'closed';
      reason = text(input.conclusion);
      workflow.conclusion = reason;
      patch.closedOn = ctx.today;
      break;
    case 'draft_handling':
      to = 'drafting';
      workflow.handling = { document: input.document, draftedOn: ctx.today, summary: text(input.summary) };
      data = { document: input.document };
      break;
    case 'return_draft':
      to = 'investigating';
      reason = text(input.reason);
      workflow.handling = undefined;
      break;
    case 'approve':
      to = 'approved';
      workflow.approval = { by: text(input.approver), on: ctx.today, opinion: text(input.opinion) };
      reason = text(input.opinion) || undefined;
      data = { approver: text(input.approver), document: workflow.handling?.document };
      break;
    case 'serve': {
      to = 'served';
      const document = workflow.handling?.document ?? 'notice';
      workflow.service = {
        document,
        servedOn: input.servedOn,
        ...(text(input.documentNumber) ? { documentNumber: text(input.documentNumber) } : {}),
      };
      data = { document, servedOn: input.servedOn, documentNumber: text(input.documentNumber) || undefined };
      break;
    }
    case 'start_rectification': {
      to = 'rectifying';
      const from = workflow.service?.servedOn ?? ctx.today;
      const days = input.days ?? ctx.settings.defaultRectificationDays;
      const unit = input.unit ?? ctx.settings.defaultRectificationUnit;
      // Periods run from service: a finding's own period is kept, others get the default.
      for (const f of findings) {
        if (awaitsRectification(f)) {
          const own = f.deadline;
          const d = own?.days ?? days;
          const u = own?.unit ?? unit;
          f.deadline = { from, days: d, unit: u, due: dueDate(ctx.calendar, from, d, u) };
          touch(f);
        }
      }
      data = { findings: [...changed], days, unit };
      break;
    }
    case 'receive_report':
      for (const f of findings) {
        if (input.findingIds.includes(f.id)) {
          f.rectificationStatus = 'report_received';
          f.report = { receivedOn: input.receivedOn, summary: text(input.summary) };
          touch(f);
        }
      }
      to = rectificationPhase(findings);
      reason = text(input.summary);
      data = { findings: [...input.findingIds], receivedOn: input.receivedOn };
      break;
    case 'verify_rectification':
      for (const f of findings) {
        if (f.id === input.findingId) {
          f.rectificationStatus = 'verified';
          f.verification = { on: ctx.today, by: ctx.actor, note: text(input.note) };
          touch(f);
        }
      }
      to = rectificationPhase(findings);
      reason = text(input.note) || undefined;
      data = { finding: input.findingId };
      break;
    case 'reject_rectification': {
      const due = dueDate(ctx.calendar, ctx.today, input.days, input.unit);
      for (const f of findings) {
        if (f.id === input.findingId) {
          f.rectificationStatus = 'rejected';
          f.rejectionCount = (f.rejectionCount ?? 0) + 1;
          f.lastRejection = { on: ctx.today, reason: text(input.reason) };
          f.deadline = { from: ctx.today, days: input.days, unit: input.unit, due };
          touch(f);
        }
      }
      to = rectificationPhase(findings);
      reason = text(input.reason);
      data = { finding: input.findingId, days: input.days, unit: input.unit, due };
      break;
    }
    case 'escalate':
      workflow.escalations.push({ measure: input.measure, on: ctx.today, note: text(input.note) });
      reason = text(input.note);
      data = {
        measure: input.measure,
        ...(input.measure === 'decision' ? { approvedBy: text(input.approvedBy) } : {}),
        ...(input.measure === 'discipline_referral' ? { target: text(input.target) } : {}),
        overdue: findings.filter((f) => isRectificationOverdue(f, ctx.today)).map((f) => f.id),
      };
      break;
    case 'request_review': {
      to = 'review_requested';
      reason = text(input.reason);
      const requestedOn = input.requestedOn ?? ctx.today;
      // The decision period runs from receipt of the request.
      const decideBy = ctx.calendar.addWorkingDays(requestedOn, ctx.settings.reviewDecisionWorkingDays);
      workflow.review = { requestedOn, reason, decideBy, returnTo: from };
      const until = workflow.service
        ? ctx.calendar.addWorkingDays(workflow.service.servedOn, ctx.settings.reviewWindowWorkingDays)
        : undefined;
      data = {
        decideBy,
        ...(input.requestedOn ? { requestedOn } : {}),
        ...(text(input.requester) ? { requester: text(input.requester) } : {}),
        ...(until && requestedOn > until ? { late: true, windowUntil: until } : {}),
      };
      break;
    }
    case 'decide_review': {
      reason = text(input.reason);
      const review = workflow.review;
      if (review) workflow.review = { ...review, outcome: input.outcome, decidedOn: ctx.today };
      if (input.outcome === 'upheld') {
        to = review?.returnTo ?? 'served';
      } else if (input.outcome === 'varied') {
        // The handling is redone: a new draft needs a new approval and a new service.
        to = 'drafting';
        workflow.approval = undefined;
        workflow.service = undefined;
      } else {
        to = 'closed';
        patch.closedOn = ctx.today;
        for (const f of findings) {
          if (!rectificationSettled(f)) {
            f.rectificationStatus = 'not_required';
            touch(f);
          }
        }
      }
      data = { outcome: input.outcome };
      break;
    }
    case 'close':
      to = 'closed';
      reason = text(input.conclusion) || undefined;
      if (reason) workflow.conclusion = reason;
      patch.closedOn = ctx.today;
      break;
    case 'archive':
      to = 'archived';
      break;
  }

  const dossier: Dossier = {
    ...before,
    ...patch,
    workflow,
    status: to,
    version: before.version + 1,
    updatedAt: ctx.now,
  };
  return {
    ok: true,
    dossier,
    findings,
    changedFindingIds: [...changed],
    event: { type: input.action, from, to, ...(reason ? { reason } : {}), data: stripUndefined(data) },
  };
}

function stripUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
