import { isIsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { Clue } from './clue';

/** Figures of clue handling the office may change (Settings). */
export interface ClueSettings {
  /** 研判期限: working days from receipt to assess a clue. */
  assessmentWorkingDays: number;
  /** Working days the organ a clue is referred to has to reply (Chongqing 2010: 10). */
  referralReplyWorkingDays: number;
}

export const DEFAULT_CLUE_SETTINGS: ClueSettings = { assessmentWorkingDays: 10, referralReplyWorkingDays: 10 };

export interface ClueContext {
  today: string;
  now: string;
  actor: string;
  calendar: WorkingCalendar;
  settings: ClueSettings;
}

export type ClueRefusalCode =
  | 'notPending'
  | 'notReferred'
  | 'reasonRequired'
  | 'targetRequired'
  | 'dossierRequired'
  | 'dateInvalid'
  | 'alreadyReplied';

export interface ClueRefusal {
  code: ClueRefusalCode;
  field?: string;
}

export type ClueResult = { ok: true; clue: Clue } | { ok: false; refusals: ClueRefusal[] };

/** How a pending clue is assessed (研判结论) and what each outcome needs. */
export type ClueAssessment =
  | { outcome: 'opened'; dossierId: string; note?: string }
  | { outcome: 'referred'; to: string; reason: string }
  | { outcome: 'not_opened'; reason: string };

const filled = (value: string | undefined, min = 2) => (value ?? '').trim().length >= min;

export function assessmentDue(receivedOn: string, calendar: WorkingCalendar, settings: ClueSettings): string {
  return calendar.addWorkingDays(receivedOn, settings.assessmentWorkingDays);
}

/** Applies an assessment to a pending clue: opened, referred (reply due counted), or not opened. */
export function assessClue(clue: Clue, input: ClueAssessment, ctx: ClueContext): ClueResult {
  const refusals: ClueRefusal[] = [];
  if (clue.status !== 'pending') return { ok: false, refusals: [{ code: 'notPending' }] };
  if (input.outcome === 'opened' && !filled(input.dossierId, 1)) refusals.push({ code: 'dossierRequired' });
  if (input.outcome === 'referred' && !filled(input.to)) refusals.push({ code: 'targetRequired', field: 'to' });
  if (input.outcome !== 'opened' && !filled(input.reason)) refusals.push({ code: 'reasonRequired', field: 'reason' });
  if (refusals.length > 0) return { ok: false, refusals };

  const base: Clue = { ...clue, updatedAt: ctx.now, version: clue.version + 1 };
  switch (input.outcome) {
    case 'opened':
      return {
        ok: true,
        clue: {
          ...base,
          status: 'opened',
          dossierId: input.dossierId,
          assessment: { outcome: 'opened', on: ctx.today, by: ctx.actor, note: (input.note ?? '').trim() },
        },
      };
    case 'referred': {
      const replyDue = ctx.calendar.addWorkingDays(ctx.today, ctx.settings.referralReplyWorkingDays);
      return {
        ok: true,
        clue: {
          ...base,
          status: 'referred',
          replyDue,
          referral: { to: input.to.trim(), reason: input.reason.trim(), on: ctx.today, replyDue },
          assessment: { outcome: 'referred', on: ctx.today, by: ctx.actor, note: input.reason.trim() },
        },
      };
    }
    case 'not_opened':
      return {
        ok: true,
        clue: {
          ...base,
          status: 'not_opened',
          assessment: { outcome: 'not_opened', on: ctx.today, by: ctx.actor, note: input.reason.trim() },
        },
      };
  }
}

/**
 * Records the reply of the organ a clue was referred to. A reply dated after the due
 * date is kept, flagged late — the flag is what the office reports on.
 */
export function recordReferralReply(clue: Clue, reply: { on: string; summary: string }, ctx: ClueContext): ClueResult {
  const referral = clue.referral;
  if (clue.status === 'replied') return { ok: false, refusals: [{ code: 'alreadyReplied' }] };
  if (clue.status !== 'referred' || !referral) return { ok: false, refusals: [{ code: 'notReferred' }] };
  const refusals: ClueRefusal[] = [];
  if (!isIsoDate(reply.on) || reply.on < referral.on || reply.on > ctx.today) {
    refusals.push({ code: 'dateInvalid', field: 'on' });
  }
  if (!filled(reply.summary)) refusals.push({ code: 'reasonRequired', field: 'summary' });
  if (refusals.length > 0) return { ok: false, refusals };
  const { replyDue: _awaited, ...rest } = clue;
  return {
    ok: true,
    clue: {
      ...rest,
      status: 'replied',
      referral: {
        ...referral,
        reply: {
          on: reply.on,
          summary: reply.summary.trim(),
          late: reply.on > referral.replyDue,
          recordedBy: ctx.actor,
        },
      },
      updatedAt: ctx.now,
      version: clue.version + 1,
    },
  };
}

export type ClueDeadlineKind = 'assessment' | 'referral_reply';

/** What is owed on a clue and by when, if anything. */
export function clueDeadline(clue: Pick<Clue, 'status' | 'assessDue' | 'replyDue'>): {
  kind: ClueDeadlineKind;
  due: string;
} | null {
  if (clue.status === 'pending') return { kind: 'assessment', due: clue.assessDue };
  if (clue.status === 'referred' && clue.replyDue) return { kind: 'referral_reply', due: clue.replyDue };
  return null;
}

export function isClueOverdue(clue: Pick<Clue, 'status' | 'assessDue' | 'replyDue'>, today: string): boolean {
  const d = clueDeadline(clue);
  return d !== null && d.due < today;
}

/** A reply that came (or is still awaited) after its due date. */
export function referralLate(clue: Pick<Clue, 'status' | 'referral'>, today: string): boolean {
  const r = clue.referral;
  if (!r) return false;
  if (r.reply) return r.reply.late;
  return clue.status === 'referred' && r.replyDue < today;
}
