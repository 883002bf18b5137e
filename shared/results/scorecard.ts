import { GRADES, type Grade } from '../review/rubric';
import type { ReviewFile } from '../review/session';
import { CATEGORY_KEYS, OTHER_CATEGORY, onTimeRate, rectificationRate, type TallySummary } from './tally';

// A scorecard (成绩单) of one enforcement subject or one subordinate organ: what the
// supervision found and how it was put right, with the case-file review grades.

export interface ReviewFigures {
  files: number;
  average: number | null;
  vetoed: number;
  byGrade: Record<Grade, number>;
}

export interface Scorecard {
  name: string;
  period: { from?: string; to?: string };
  tally: TallySummary;
  reviews: ReviewFigures;
}

/** Scored files whose session overlaps the period (open ends take everything). */
export function reviewFigures(
  files: readonly Pick<ReviewFile, 'score' | 'scoredAt'>[],
  period: { from?: string; to?: string },
): ReviewFigures {
  const byGrade: Record<Grade, number> = { excellent: 0, good: 0, pass: 0, fail: 0 };
  let sum = 0;
  let count = 0;
  let vetoed = 0;
  for (const f of files) {
    if (!f.score || !f.scoredAt) continue;
    const day = f.scoredAt.slice(0, 10);
    if ((period.from && day < period.from) || (period.to && day > period.to)) continue;
    count++;
    sum += f.score.total;
    byGrade[f.score.grade]++;
    if (f.score.vetoed) vetoed++;
  }
  return { files: count, average: count ? Math.round((sum / count) * 10) / 10 : null, vetoed, byGrade };
}

/** A rate as a percentage with one decimal, or null (an empty cell) when nothing to divide. */
export const percent = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);

export type Cell = string | number | null;

/** Labels the sheets need, in the clerk's language. */
export interface SheetLabels {
  category: (index: number) => string;
  grade: (g: Grade) => string;
  columns: {
    item: string;
    value: string;
    category: string;
    findings: string;
    share: string;
    month: string;
    matters: string;
    rectified: string;
    onTime: string;
    late: string;
    overdue: string;
    onTimeRate: string;
    name: string;
    rectificationRate: string;
    reviewed: string;
    average: string;
    vetoed: string;
  };
  summary: {
    name: string;
    period: string;
    matters: string;
    received: string;
    findings: string;
    rectified: string;
    requiring: string;
    rectificationRate: string;
    onTimeRate: string;
    overdue: string;
    reviewed: string;
    average: string;
    vetoed: string;
  };
  sheets: { summary: string; categories: string; trend: string; comparison: string };
}

export interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

/** The workbook of one scorecard: summary, findings by category, trend by month. */
export function scorecardSheets(card: Scorecard, periodText: string, l: SheetLabels): Sheet[] {
  const t = card.tally;
  const s = l.summary;
  const summary: Cell[][] = [
    [s.name, card.name],
    [s.period, periodText],
    [s.matters, t.dossiers],
    [s.received, t.received],
    [s.findings, t.findings],
    [s.requiring, t.requiring],
    [s.rectified, t.rectified],
    [s.rectificationRate, percent(rectificationRate(t))],
    [s.onTimeRate, percent(onTimeRate(t))],
    [s.overdue, t.overdue],
    [s.reviewed, card.reviews.files],
    [s.average, card.reviews.average],
    [s.vetoed, card.reviews.vetoed],
    ...GRADES.map((g): Cell[] => [l.grade(g), card.reviews.byGrade[g]]),
  ];
  const categories: Cell[][] = CATEGORY_KEYS.map((_, i) => i)
    .concat([OTHER_CATEGORY])
    .filter((i) => (t.byCategory[i] ?? 0) > 0)
    .map((i) => [
      l.category(i),
      t.byCategory[i] ?? 0,
      percent(t.findings ? (t.byCategory[i] ?? 0) / t.findings : null),
    ]);
  const trend: Cell[][] = t.months.map((m) => [
    m.month,
    m.dossiers,
    m.findings,
    m.rectified,
    m.onTime,
    m.late,
    m.overdue,
    percent(onTimeRate(m)),
  ]);
  const c = l.columns;
  return [
    {
      name: l.sheets.summary,
      columns: [
        { header: c.item, width: 24 },
        { header: c.value, width: 40 },
      ],
      rows: summary,
    },
    {
      name: l.sheets.categories,
      columns: [
        { header: c.category, width: 30 },
        { header: c.findings, width: 12 },
        { header: c.share, width: 12 },
      ],
      rows: categories,
    },
    {
      name: l.sheets.trend,
      columns: [c.month, c.matters, c.findings, c.rectified, c.onTime, c.late, c.overdue, c.onTimeRate].map((h) => ({
        header: h,
        width: 14,
      })),
      rows: trend,
    },
  ];
}

/** One row per subject or organ, for the annual report's statistics. */
export function comparisonSheet(cards: readonly Scorecard[], l: SheetLabels): Sheet {
  const c = l.columns;
  return {
    name: l.sheets.comparison,
    columns: [
      { header: c.name, width: 36 },
      ...[
        c.matters,
        c.findings,
        c.rectified,
        c.rectificationRate,
        c.onTimeRate,
        c.overdue,
        c.reviewed,
        c.average,
        c.vetoed,
      ].map((header) => ({ header, width: 14 })),
    ],
    rows: cards.map((card) => [
      card.name,
      card.tally.dossiers,
      card.tally.findings,
      card.tally.rectified,
      percent(rectificationRate(card.tally)),
      percent(onTimeRate(card.tally)),
      card.tally.overdue,
      card.reviews.files,
      card.reviews.average,
      card.reviews.vetoed,
    ]),
  };
}
