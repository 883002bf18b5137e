import { awaitsRectification, type Dossier, type DossierStatus, type Finding } from '../domain/dossier';

/** States in which nothing is pending any more. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = ['not_opened', 'closed', 'archived'];

export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

const HANDLING_STATUSES: readonly DossierStatus[] = ['registered', 'opened', 'investigating', 'drafting', 'approved'];

export type PendingDeadlineKind = 'handling' | 'rectification' | 'referral_reply' | 'review_decision';

/**
 * The earliest date something is owed on the dossier: its own handling deadline
 * (办理期限), a rectification report, a referral reply, or a review decision. A dossier
 * is overdue when that date has passed.
 */
export function pendingDeadlines(
  dossier: Pick<Dossier, 'status' | 'deadline' | 'workflow'>,
  findings: readonly Pick<Finding, 'rectificationStatus' | 'deadline'>[],
): { kind: PendingDeadlineKind; due: string }[] {
  if (isTerminal(dossier.status)) return [];
  const out: { kind: PendingDeadlineKind; due: string }[] = [];
  // The office's own handling deadline runs until its document is served; after that
  // the organ's rectification deadlines are what is owed.
  if (dossier.deadline && HANDLING_STATUSES.includes(dossier.status))
    out.push({ kind: 'handling', due: dossier.deadline });
  for (const f of findings) {
    if (awaitsRectification(f) && f.deadline) out.push({ kind: 'rectification', due: f.deadline.due });
  }
  const referral = dossier.workflow.referral;
  if (dossier.status === 'referred' && referral && !referral.reply) {
    out.push({ kind: 'referral_reply', due: referral.replyDue });
  }
  const review = dossier.workflow.review;
  if (dossier.status === 'review_requested' && review && !review.outcome) {
    out.push({ kind: 'review_decision', due: review.decideBy });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

export function earliestDue(
  dossier: Pick<Dossier, 'status' | 'deadline' | 'workflow'>,
  findings: readonly Pick<Finding, 'rectificationStatus' | 'deadline'>[],
): string | undefined {
  return pendingDeadlines(dossier, findings)[0]?.due;
}

export function isOverdue(
  dossier: Pick<Dossier, 'status' | 'deadline' | 'workflow'>,
  findings: readonly Pick<Finding, 'rectificationStatus' | 'deadline'>[],
  today: string,
): boolean {
  const due = earliestDue(dossier, findings);
  return due !== undefined && due < today;
}
