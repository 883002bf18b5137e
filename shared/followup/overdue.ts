import { daysBetween } from '../calendar/dates';
import { clueDeadline } from '../clues/assessment';
import type { Clue } from '../clues/clue';
import type { Dossier, DossierStatus, Finding } from '../domain/dossier';
import { pendingDeadlines } from '../workflow/deadlines';

// 待办 / 逾期: everything the office or a supervised organ owes, in one list. Dossier
// deadlines come from the dossier catalogue (its earliest due date per dossier, and the
// status says what kind of thing is owed); clue deadlines from the clue table's indexes.

export const WORK_KINDS = [
  'rectification', // 整改逾期
  'handling', // 办理逾期
  'referral_reply', // 移送回复逾期（案卷）
  'review_decision', // 复查决定逾期
  'clue_assessment', // 线索研判逾期
  'clue_referral_reply', // 线索移送回复逾期
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export type DossierWorkKind = Exclude<WorkKind, 'clue_assessment' | 'clue_referral_reply'>;

/**
 * Statuses whose earliest due date is, as a rule, of one kind: the catalogue keeps one
 * due date per dossier, so the list is grouped by status and each row read for detail.
 */
export const DOSSIER_WORK_STATUSES: Record<DossierWorkKind, readonly DossierStatus[]> = {
  rectification: ['served', 'rectifying', 'verifying'],
  handling: ['registered', 'opened', 'investigating', 'drafting', 'approved'],
  referral_reply: ['referred'],
  review_decision: ['review_requested'],
};

export function workKindOfStatus(status: DossierStatus): DossierWorkKind | null {
  for (const kind of Object.keys(DOSSIER_WORK_STATUSES) as DossierWorkKind[]) {
    if (DOSSIER_WORK_STATUSES[kind].includes(status)) return kind;
  }
  return null;
}

/** Overdue dossiers per kind, from the catalogue's counts per status under the overdue filter. */
export function countsByWorkKind(
  countsByStatus: Partial<Record<DossierStatus, number>>,
): Record<DossierWorkKind, number> {
  const out = { rectification: 0, handling: 0, referral_reply: 0, review_decision: 0 };
  for (const kind of Object.keys(DOSSIER_WORK_STATUSES) as DossierWorkKind[]) {
    for (const s of DOSSIER_WORK_STATUSES[kind]) out[kind] += countsByStatus[s] ?? 0;
  }
  return out;
}

export function daysOverdue(due: string, today: string): number {
  return Math.max(0, daysBetween(due, today));
}

/** One overdue thing owed on a dossier. */
export interface DossierOverdue {
  kind: DossierWorkKind;
  due: string;
  days: number;
  /** For rectification: how many findings are overdue. */
  count: number;
}

/** The overdue parts of a dossier: what is late, since when, for how many findings. */
export function dossierOverdue(
  dossier: Pick<Dossier, 'status' | 'deadline' | 'workflow'>,
  findings: readonly Pick<Finding, 'rectificationStatus' | 'deadline'>[],
  today: string,
): DossierOverdue[] {
  const out = new Map<DossierWorkKind, DossierOverdue>();
  for (const p of pendingDeadlines(dossier, findings)) {
    if (p.due >= today) continue;
    const kind: DossierWorkKind = p.kind;
    const seen = out.get(kind);
    if (seen) seen.count++;
    else out.set(kind, { kind, due: p.due, days: daysOverdue(p.due, today), count: 1 });
  }
  return [...out.values()].sort((a, b) => a.due.localeCompare(b.due));
}

/** What is overdue on a clue, if anything. */
export function clueOverdue(
  clue: Pick<Clue, 'status' | 'assessDue' | 'replyDue'>,
  today: string,
): { kind: 'clue_assessment' | 'clue_referral_reply'; due: string; days: number } | null {
  const d = clueDeadline(clue);
  if (!d || d.due >= today) return null;
  return {
    kind: d.kind === 'assessment' ? 'clue_assessment' : 'clue_referral_reply',
    due: d.due,
    days: daysOverdue(d.due, today),
  };
}

/** Totals for the start-up notice. */
export interface OverdueSummary {
  dossiers: Record<DossierWorkKind, number>;
  clueAssessments: number;
  clueReplies: number;
  total: number;
}

export function summarize(
  dossiers: Record<DossierWorkKind, number>,
  clueAssessments: number,
  clueReplies: number,
): OverdueSummary {
  const total = Object.values(dossiers).reduce((a, b) => a + b, 0) + clueAssessments + clueReplies;
  return { dossiers, clueAssessments, clueReplies, total };
}
