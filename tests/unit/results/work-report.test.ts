import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../../../renderer/db/results/tabulate';
import { periodLabelOf, workReportStatistics } from '../../../renderer/features/dashboard/work-report';
import { draftFromSource } from '../../../shared/documents/draft';
import { DOSSIER_KINDS, DOSSIER_STATUSES } from '../../../shared/domain/dossier';
import { CATEGORY_KEYS, type TallySummary } from '../../../shared/results/tally';

const at = <T extends string>(list: readonly T[], values: Partial<Record<T, number>>) =>
  list.map((k) => values[k] ?? 0);

const dossiers = {
  total: 12,
  received: 2,
  overdue: 1,
  byKind: at(DOSSIER_KINDS, { routine: 7, enterprise: 5 }),
  byStatus: at(DOSSIER_STATUSES, { registered: 3, rectifying: 2, closed: 5, archived: 2 }),
} as CatalogTable;

const findings = {
  findings: 20,
  rectified: 15,
  overdue: 2,
  byCategory: [...at(CATEGORY_KEYS, { [CATEGORY_KEYS[0] as string]: 12, [CATEGORY_KEYS[1] as string]: 8 }), 0],
} as TallySummary;

const year = { from: '2026-01-01', to: '2026-12-31' };

describe('the work report from the dashboard figures', () => {
  it('names the period as a clerk writes it', () => {
    expect(periodLabelOf(year)).toBe('2026年度');
    expect(periodLabelOf({ from: '2025-12-01', to: '2026-11-30' })).toBe('2025年12月至2026年11月');
    expect(periodLabelOf({})).toBe('历年累计');
  });

  it('counts matters, closings, findings, documents issued and files reviewed in the period, in Chinese', () => {
    const st = workReportStatistics({
      period: year,
      dossiers,
      findings,
      reviewFiles: [
        {
          subjectId: 's1',
          scoredAt: '2026-05-01T02:00:00Z',
          score: { vetoed: false, form: 18, content: 72, total: 90, grade: 'excellent' },
        },
        {
          subjectId: 's2',
          scoredAt: '2026-06-01T02:00:00Z',
          score: { vetoed: true, form: 0, content: 0, total: 0, grade: 'fail' },
        },
        // Scored the year before, and one not scored: neither counts.
        {
          subjectId: 's3',
          scoredAt: '2025-12-30T02:00:00Z',
          score: { vetoed: false, form: 20, content: 80, total: 100, grade: 'excellent' },
        },
        { subjectId: 's4' },
      ],
      documents: [
        { type: 'supervision_opinion', status: 'issued', issuedAt: '2026-03-01T02:00:00Z' },
        { type: 'supervision_opinion', status: 'superseded', issuedAt: '2026-04-01T02:00:00Z' },
        { type: 'rectification_notice', status: 'issued', issuedAt: '2025-11-01T02:00:00Z' },
        { type: 'rectification_notice', status: 'draft', issuedAt: null },
      ],
    });
    expect(st.periodLabel).toBe('2026年度');
    expect(st.dossiers).toEqual({
      total: 12,
      closed: 7,
      byKind: [
        { label: '日常监督', count: 7 },
        { label: '涉企执法监督', count: 5 },
      ],
    });
    expect(st.findings).toMatchObject({ total: 20, rectified: 15, overdue: 2 });
    expect(st.findings?.byCategory.map((c) => c.count)).toEqual([12, 8]);
    expect(st.documents?.byType).toEqual([{ label: '行政执法监督意见书', count: 2 }]);
    expect(st.reviews).toMatchObject({ files: 2, averageScore: 45, subjects: 2 });
    expect(st.reviews?.byGrade.find((g) => g.label === '不合格')?.count).toBe(1);

    // And the report's opening paragraph says so.
    const fields = draftFromSource(
      'annual_report',
      { statistics: st },
      { name: '青山县司法局', shortName: '青司', level: 'county', kind: 'judicial', divisionCode: '330104' },
      { today: '2026-11-27' },
    );
    expect(String(fields.overview)).toContain(
      '共办理行政执法监督事项12件（其中日常监督7件、涉企执法监督5件），办结7件',
    );
  });
});
