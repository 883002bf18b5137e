import type { DocumentSource, SourceStatistics } from '../documents/source';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  type Finding,
  isRectificationOverdue,
} from '../domain/dossier';
import { FINDING_TAXONOMY, findCategory } from '../taxonomy/findings';
import type { CampaignPlan, ChecklistItem } from './campaign';

/** A child dossier as the progress view needs it. */
export interface CampaignChild {
  subjectId: string;
  dossier: Pick<Dossier, 'id' | 'number' | 'title' | 'status'>;
  findings: readonly Pick<Finding, 'category' | 'subcategory' | 'rectificationStatus' | 'deadline'>[];
}

export interface ChildProgress {
  subjectId: string;
  dossierId: string;
  number: string;
  title: string;
  status: DossierStatus;
  done: boolean;
  findings: number;
  /** Findings whose rectification is owed or being checked. */
  open: number;
  overdue: number;
  verified: number;
  /** Findings per checklist item, in checklist order. */
  byItem: number[];
  /** Findings that match no checklist item. */
  other: number;
}

export interface RectificationSummary {
  total: number;
  /** No report yet (or the last one was rejected). */
  awaiting: number;
  reported: number;
  verified: number;
  notRequired: number;
  overdue: number;
}

export interface CampaignProgress {
  children: ChildProgress[];
  /** Subjects of the plan that have no child dossier yet. */
  missing: string[];
  total: number;
  done: number;
  byStatus: Partial<Record<DossierStatus, number>>;
  items: { id: string; title: string; findings: number; subjects: number }[];
  otherFindings: number;
  rectification: RectificationSummary;
  /** Findings per taxonomy category key, most first. */
  byCategory: { category: string; count: number }[];
}

/** A child counts as done once nothing more will happen in it. */
const DONE: readonly DossierStatus[] = ['closed', 'archived', 'not_opened'];

/** The checklist item a finding answers to: the first whose item, else category, matches. */
export function checklistItemOf(
  finding: Pick<Finding, 'category' | 'subcategory'>,
  checklist: readonly Pick<ChecklistItem, 'category' | 'subcategory'>[],
): number {
  const exact = checklist.findIndex((c) => c.subcategory !== '' && c.subcategory === finding.subcategory);
  if (exact >= 0) return exact;
  return checklist.findIndex((c) => c.subcategory === '' && c.category === finding.category);
}

export function campaignProgress(
  plan: Pick<CampaignPlan, 'subjectIds' | 'checklist'>,
  children: readonly CampaignChild[],
  today: string,
): CampaignProgress {
  const itemFindings = plan.checklist.map(() => 0);
  const itemSubjects = plan.checklist.map(() => new Set<string>());
  const byStatus: Partial<Record<DossierStatus, number>> = {};
  const byCategory = new Map<string, number>();
  const rect: RectificationSummary = { total: 0, awaiting: 0, reported: 0, verified: 0, notRequired: 0, overdue: 0 };
  let otherFindings = 0;
  const rows: ChildProgress[] = [];
  const covered = new Set<string>();

  for (const child of children) {
    covered.add(child.subjectId);
    const status = child.dossier.status;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const row: ChildProgress = {
      subjectId: child.subjectId,
      dossierId: child.dossier.id,
      number: child.dossier.number,
      title: child.dossier.title,
      status,
      done: DONE.includes(status),
      findings: child.findings.length,
      open: 0,
      overdue: 0,
      verified: 0,
      byItem: plan.checklist.map(() => 0),
      other: 0,
    };
    for (const f of child.findings) {
      rect.total++;
      byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      switch (f.rectificationStatus) {
        case 'required':
        case 'rejected':
          rect.awaiting++;
          row.open++;
          break;
        case 'report_received':
          rect.reported++;
          row.open++;
          break;
        case 'verified':
          rect.verified++;
          row.verified++;
          break;
        case 'not_required':
          rect.notRequired++;
          break;
      }
      if (isRectificationOverdue(f, today)) {
        rect.overdue++;
        row.overdue++;
      }
      const item = checklistItemOf(f, plan.checklist);
      if (item >= 0) {
        row.byItem[item] = (row.byItem[item] ?? 0) + 1;
        itemFindings[item] = (itemFindings[item] ?? 0) + 1;
        itemSubjects[item]?.add(child.subjectId);
      } else {
        row.other++;
        otherFindings++;
      }
    }
    rows.push(row);
  }

  return {
    children: rows,
    missing: plan.subjectIds.filter((s) => !covered.has(s)),
    total: rows.length,
    done: rows.filter((r) => r.done).length,
    byStatus,
    items: plan.checklist.map((c, i) => ({
      id: c.id,
      title: c.title,
      findings: itemFindings[i] ?? 0,
      subjects: itemSubjects[i]?.size ?? 0,
    })),
    otherFindings,
    rectification: rect,
    byCategory: [...byCategory.entries()]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || categoryOrder(a.category) - categoryOrder(b.category)),
  };
}

const categoryOrder = (key: string) => {
  const i = FINDING_TAXONOMY.findIndex((c) => c.key === key);
  return i < 0 ? FINDING_TAXONOMY.length : i;
};

/** 2026年3月至6月, 2026年11月至2027年2月, or 2026年5月. */
export function periodLabel(from: string, to: string): string {
  const [y1, m1] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [y2, m2] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  if (y1 === y2 && m1 === m2) return `${y1}年${m1}月`;
  if (y1 === y2) return `${y1}年${m1}月至${m2}月`;
  return `${y1}年${m1}月至${y2}年${m2}月`;
}

/**
 * The figures of the campaign report (执法检查 / 专项监督报告): children and how many are
 * done, findings by category (in the words of the taxonomy) and their rectification.
 */
export function campaignStatistics(
  plan: Pick<CampaignPlan, 'periodFrom' | 'periodTo'>,
  progress: CampaignProgress,
  kindLabelZh: string,
): SourceStatistics {
  return {
    periodLabel: periodLabel(plan.periodFrom, plan.periodTo),
    year: Number(plan.periodFrom.slice(0, 4)),
    dossiers: {
      total: progress.total,
      closed: progress.done,
      byKind: progress.total > 0 ? [{ label: kindLabelZh, count: progress.total }] : [],
    },
    findings: {
      total: progress.rectification.total,
      rectified: progress.rectification.verified,
      overdue: progress.rectification.overdue,
      byCategory: progress.byCategory
        .slice(0, 30)
        .map((c) => ({ label: findCategory(c.category)?.zh ?? c.category, count: c.count })),
    },
  };
}

/** What the "draft the report" button hands the documents feature. */
export function campaignReportSource(
  parent: Pick<Dossier, 'id' | 'title' | 'number' | 'legalBasis'>,
  plan: Pick<CampaignPlan, 'periodFrom' | 'periodTo'>,
  progress: CampaignProgress,
  kindLabelZh: string,
): DocumentSource {
  return {
    dossierId: parent.id,
    matter: {
      title: parent.title,
      number: parent.number,
      ...(parent.legalBasis ? { basis: parent.legalBasis } : {}),
      period: periodLabel(plan.periodFrom, plan.periodTo),
    },
    statistics: campaignStatistics(plan, progress, kindLabelZh),
  };
}

/** Every status, for tables that list counts in workflow order. */
export const STATUS_ORDER = DOSSIER_STATUSES;
