import { isIsoDate } from '../calendar/dates';
import type { WorkingCalendar } from '../calendar/working-days';
import type { DocumentSource } from '../documents/source';
import type { Dossier } from '../domain/dossier';
import type { WorkflowSettings } from '../workflow/settings';
import { z } from '../zod-setup';

// 复查申请: the supervised organ may ask the office to review its opinion or decision
// within a window of working days after service; the office decides within another
// period. Both are office settings (Chongqing 2010: 10 and 15 working days).

const date = z.string().refine(isIsoDate, { message: 'date.invalid' });

/**
 * What the office does with a request made after the window. DOMAIN.md §1 gives the
 * organ the right to ask "within 10 working days": a late request is refused unless the
 * office's own rules say otherwise, in which case it is accepted and marked late.
 */
export const LATE_REVIEW_POLICIES = ['refuse', 'accept_marked'] as const;
export type LateReviewPolicy = (typeof LATE_REVIEW_POLICIES)[number];

export const reviewRequestDraftSchema = z.object({
  /** 申请机关. */
  requester: z.string().trim().min(2).max(80),
  /** 收到申请日期. */
  receivedOn: date,
  reason: z.string().trim().min(2).max(2000),
});
export type ReviewRequestDraft = z.output<typeof reviewRequestDraftSchema>;

export interface ReviewRequest extends ReviewRequestDraft {
  id: string;
  dossierId: string;
  /** The handling document's service date and the window's last day. */
  servedOn: string;
  windowUntil: string;
  inWindow: boolean;
  /** accepted: the dossier went to review_requested; refused: outside the window. */
  status: 'accepted' | 'refused';
  /** Accepted although late, under the office's accept_marked rule. */
  late: boolean;
  decideBy?: string;
  refusalReason?: string;
  createdAt: string;
  createdBy: string;
}

export interface WindowJudgement {
  servedOn: string;
  /** The last day a request may be received. */
  until: string;
  inside: boolean;
  /** Working days after the window's end (0 inside it). */
  workingDaysLate: number;
  /** When the decision is due, counted from receipt. */
  decideBy: string;
}

/** Whether a request received on `receivedOn` is inside the window after service. */
export function judgeReviewRequest(
  servedOn: string,
  receivedOn: string,
  calendar: WorkingCalendar,
  settings: Pick<WorkflowSettings, 'reviewWindowWorkingDays' | 'reviewDecisionWorkingDays'>,
): WindowJudgement {
  const until = calendar.addWorkingDays(servedOn, settings.reviewWindowWorkingDays);
  const inside = receivedOn <= until;
  return {
    servedOn,
    until,
    inside,
    workingDaysLate: inside ? 0 : calendar.workingDaysBetween(until, receivedOn),
    decideBy: calendar.addWorkingDays(receivedOn, settings.reviewDecisionWorkingDays),
  };
}

/** The handling document a review can be requested against, if one was served. */
export function reviewableService(dossier: Pick<Dossier, 'workflow'>): { servedOn: string; number?: string } | null {
  const s = dossier.workflow.service;
  if (!s) return null;
  return { servedOn: s.servedOn, ...(s.documentNumber ? { number: s.documentNumber } : {}) };
}

/** What the review decision (复查决定书) is filled from. */
export function reviewDecisionSource(
  dossier: Pick<Dossier, 'id' | 'title' | 'number' | 'legalBasis' | 'workflow'>,
  request: Pick<ReviewRequest, 'requester' | 'reason'>,
): DocumentSource {
  const number = dossier.workflow.service?.documentNumber;
  return {
    dossierId: dossier.id,
    recipient: { name: request.requester },
    matter: {
      title: dossier.title,
      number: dossier.number,
      ...(dossier.legalBasis ? { basis: dossier.legalBasis } : {}),
    },
    facts: request.reason,
    ...(number ? { priorDocumentNumber: number } : {}),
  };
}
