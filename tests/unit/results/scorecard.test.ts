import { describe, expect, it } from 'vitest';
import { RECTIFICATION_STATUSES } from '../../../shared/domain/dossier';
import { comparisonSheet, reviewFigures, type SheetLabels, scorecardSheets } from '../../../shared/results/scorecard';
import { categoryIndex, summarize, type TallyRow } from '../../../shared/results/tally';

const labels: SheetLabels = {
  category: (i) => `c${i}`,
  grade: (g) => g,
  columns: {
    item: 'item',
    value: 'value',
    category: 'category',
    findings: 'findings',
    share: 'share',
    month: 'month',
    matters: 'matters',
    rectified: 'rectified',
    onTime: 'onTime',
    late: 'late',
    overdue: 'overdue',
    onTimeRate: 'onTimeRate',
    name: 'name',
    rectificationRate: 'rectificationRate',
    reviewed: 'reviewed',
    average: 'average',
    vetoed: 'vetoed',
  },
  summary: {
    name: 'name',
    period: 'period',
    matters: 'matters',
    received: 'received',
    findings: 'findings',
    rectified: 'rectified',
    requiring: 'requiring',
    rectificationRate: 'rectificationRate',
    onTimeRate: 'onTimeRate',
    overdue: 'overdue',
    reviewed: 'reviewed',
    average: 'average',
    vetoed: 'vetoed',
  },
  sheets: { summary: 'summary', categories: 'categories', trend: 'trend', comparison: 'comparison' },
};

const score = (total: number, grade: 'excellent' | 'good' | 'pass' | 'fail', vetoed = false) => ({
  score: { total, grade, vetoed, form: 0, content: 0 },
  scoredAt: '2026-05-01T00:00:00Z',
});

describe('scorecard', () => {
  it('averages the files scored within the period and counts their grades and vetoes', () => {
    const figures = reviewFigures(
      [score(92, 'excellent'), score(0, 'fail', true), score(85, 'good'), { score: undefined, scoredAt: undefined }],
      { from: '2026-01-01', to: '2026-12-31' },
    );
    expect(figures).toEqual({
      files: 3,
      average: 59,
      vetoed: 1,
      byGrade: { excellent: 1, good: 1, pass: 0, fail: 1 },
    });
    expect(reviewFigures([score(92, 'excellent')], { from: '2026-06-01' }).files).toBe(0);
  });

  it('writes the summary, the categories adding up to the findings, and one trend row a month', () => {
    const bucket = () => ({
      dossiers: 2,
      received: 1,
      byStatus: [2],
      byKind: [2],
      findings: [] as number[],
      onTime: 1,
      late: 1,
      dueOn: {},
    });
    const march = bucket();
    const april = bucket();
    // category × 5 rectification slots: two verified procedure findings, one pending discretion.
    march.findings[categoryIndex('procedure') * 5 + RECTIFICATION_STATUSES.indexOf('verified')] = 2;
    april.findings[categoryIndex('discretion') * 5 + RECTIFICATION_STATUSES.indexOf('required')] = 1;
    const row: TallyRow = { k: 's:x', months: { '2026-03': march, '2026-04': april } };
    const tally = summarize([row], { today: '2026-11-01' });
    const sheets = scorecardSheets(
      { name: '某局', period: {}, tally, reviews: reviewFigures([score(88, 'good')], {}) },
      'all',
      labels,
    );
    expect(sheets.map((s) => s.name)).toEqual(['summary', 'categories', 'trend']);
    const summary = new Map(sheets[0]?.rows.map((r) => [r[0], r[1]]));
    expect(summary.get('matters')).toBe(4);
    expect(summary.get('findings')).toBe(3);
    expect(summary.get('onTimeRate')).toBe(50);
    expect(summary.get('rectified')).toBe(2);
    expect(summary.get('rectificationRate')).toBe(66.7);
    expect(summary.get('average')).toBe(88);
    expect(sheets[1]?.rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(3);
    expect(sheets[2]?.rows.map((r) => r[0])).toEqual(['2026-03', '2026-04']);
    const comparison = comparisonSheet([{ name: '某局', period: {}, tally, reviews: reviewFigures([], {}) }], labels);
    expect(comparison.rows[0]?.slice(0, 3)).toEqual(['某局', 4, 3]);
    expect(comparison.rows[0]?.every((c) => c === null || typeof c !== 'object')).toBe(true);
  });
});
