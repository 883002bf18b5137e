import type { DocumentSummary } from '../../../shared/documents/records';
import type { LabelledCount, SourceStatistics } from '../../../shared/documents/source';
import { DOSSIER_KINDS, DOSSIER_STATUSES } from '../../../shared/domain/dossier';
import { documents as zhDocuments } from '../../../shared/i18n/zh-CN/documents';
import { dossiers as zhDossiers } from '../../../shared/i18n/zh-CN/dossiers';
import { reviewFigures } from '../../../shared/results/scorecard';
import { CATEGORY_KEYS, type TallySummary } from '../../../shared/results/tally';
import { GRADES } from '../../../shared/review/rubric';
import { GRADE_LABELS_ZH, type ReviewFile } from '../../../shared/review/session';
import { findCategory } from '../../../shared/taxonomy/findings';
import type { Period } from '../../db/results/dashboard';
import type { CatalogTable } from '../../db/results/tabulate';

// The statistics of the annual supervision work report (年度行政执法监督工作报告), from
// the figures the dashboard shows for the same period. A report goes to the superior
// organ in Chinese whatever language the clerk works in, so its labels are the zh-CN
// ones.

const CLOSED = new Set(['closed', 'archived']);

/** 2026年度, 2026年1月至2026年11月, or 历年累计 for an open period. */
export function periodLabelOf(period: Period): string {
  if (!period.from || !period.to) return '历年累计';
  const [fy, fm] = [period.from.slice(0, 4), Number(period.from.slice(5, 7))];
  const [ty, tm] = [period.to.slice(0, 4), Number(period.to.slice(5, 7))];
  if (fy === ty && fm === 1 && tm === 12) return `${fy}年度`;
  return `${fy}年${fm}月至${ty}年${tm}月`;
}

const counted = (entries: LabelledCount[]) => entries.filter((e) => e.count > 0).sort((a, b) => b.count - a.count);

export function workReportStatistics(input: {
  period: Period;
  dossiers: CatalogTable;
  findings: TallySummary;
  reviewFiles: readonly Pick<ReviewFile, 'score' | 'scoredAt' | 'subjectId'>[];
  documents: readonly Pick<DocumentSummary, 'type' | 'status' | 'issuedAt'>[];
}): SourceStatistics {
  const { period, dossiers, findings } = input;
  const inPeriod = (day: string) => (!period.from || day >= period.from) && (!period.to || day <= period.to);
  const closed = DOSSIER_STATUSES.reduce((sum, s, i) => sum + (CLOSED.has(s) ? (dossiers.byStatus[i] ?? 0) : 0), 0);
  const issued = input.documents.filter(
    (d) => d.issuedAt !== null && d.status !== 'draft' && inPeriod(d.issuedAt.slice(0, 10)),
  );
  const byType = new Map<string, number>();
  for (const d of issued) byType.set(d.type, (byType.get(d.type) ?? 0) + 1);
  const reviews = reviewFigures(input.reviewFiles, period);
  const statistics: SourceStatistics = {
    periodLabel: periodLabelOf(period),
    ...(period.to ? { year: Number(period.to.slice(0, 4)) } : {}),
    dossiers: {
      total: dossiers.total,
      closed,
      byKind: counted(DOSSIER_KINDS.map((k, i) => ({ label: zhDossiers.kinds[k], count: dossiers.byKind[i] ?? 0 }))),
    },
    findings: {
      total: findings.findings,
      rectified: findings.rectified,
      overdue: findings.overdue,
      byCategory: counted(
        CATEGORY_KEYS.map((key, i) => ({ label: findCategory(key)?.zh ?? key, count: findings.byCategory[i] ?? 0 })),
      ),
    },
    documents: {
      byType: counted(
        [...byType].map(([type, count]) => ({
          label: zhDocuments.types[type as keyof typeof zhDocuments.types] ?? type,
          count,
        })),
      ),
    },
  };
  if (reviews.files > 0) {
    const scored = input.reviewFiles.filter((f) => f.score && f.scoredAt && inPeriod(f.scoredAt.slice(0, 10)));
    statistics.reviews = {
      files: reviews.files,
      averageScore: reviews.average ?? 0,
      byGrade: GRADES.map((g) => ({ label: GRADE_LABELS_ZH[g], count: reviews.byGrade[g] })),
      typicalProblems: [],
      excellentFiles: [],
      subjects: new Set(scored.map((f) => f.subjectId)).size,
    };
  }
  return statistics;
}
