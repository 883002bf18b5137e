import { describe, expect, it } from 'vitest';
import { sourceStatisticsSchema } from '../../../shared/documents/source';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { rubricSchema } from '../../../shared/review/rubric';
import {
  circularStatistics,
  emptyMarks,
  type FileMarks,
  periodLabel,
  problemDescription,
  problemsOf,
  type ReviewFile,
  scoreMarks,
  sessionResults,
} from '../../../shared/review/session';
import { isTaxonomyPair } from '../../../shared/taxonomy/findings';

const marks = (over: Partial<FileMarks>): FileMarks => ({ ...emptyMarks(), ...over });

function file(id: string, subjectId: string, m: FileMarks): ReviewFile {
  const score = scoreMarks(DEFAULT_RUBRIC, m);
  return {
    id,
    sessionId: 'sess',
    subjectId,
    caseNumber: `青市监罚〔2026〕${id}号`,
    caseName: `案卷${id}`,
    officers: ['张明', '李华'],
    order: Number(id),
    marks: m,
    score: { vetoed: score.vetoed, form: score.form, content: score.content, total: score.total, grade: score.grade },
    findings: {},
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
}

describe('scoring a case file from the reviewer marks', () => {
  it('adds the typical deductions picked and the custom points per item', () => {
    const m = marks({
      items: {
        pagination: { picks: ['no_page_numbers', 'no_catalogue'], custom: 0, note: '' },
        procedure: { picks: ['legal_review'], custom: 2, note: '' },
      },
    });
    const score = scoreMarks(DEFAULT_RUBRIC, m);
    expect(score.form).toBe(17);
    expect(score.content).toBe(73);
    expect(score.total).toBe(90);
    expect(score.grade).toBe('excellent');
  });

  it('fails a vetoed file with 0 whatever else was marked', () => {
    const score = scoreMarks(DEFAULT_RUBRIC, marks({ vetoes: ['wrong_law'] }));
    expect(score).toMatchObject({ vetoed: true, total: 0, grade: 'fail' });
  });

  it('turns vetoes and deductions into problems with valid taxonomy targets and severities', () => {
    const m = marks({
      vetoes: ['single_officer'],
      vetoNotes: { single_officer: '调查笔录仅一名执法人员签名' },
      items: {
        procedure: { picks: ['time_limit'], custom: 0, note: '超期12日' },
        binding: { picks: ['late_archive'], custom: 1, note: '' },
      },
    });
    const problems = problemsOf(DEFAULT_RUBRIC, m);
    expect(problems.map((p) => p.key)).toEqual([
      'veto:single_officer',
      'binding/late_archive',
      'binding/custom',
      'procedure/time_limit',
    ]);
    expect(problems.map((p) => `${p.target.category}/${p.target.subcategory}`)).toEqual([
      'subject/single_officer',
      'documents/late_archiving',
      'documents/nonstandard_documents',
      'procedure/late_decision',
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['serious', 'minor', 'minor', 'moderate']);
    expect(problemDescription({ caseName: '某公司案', caseNumber: '青罚〔2026〕3号' }, problems[3] as never)).toBe(
      '案卷《某公司案》（青罚〔2026〕3号）：超过法定期限（扣4分）。超期12日',
    );
  });

  it('maps every veto and deduction of the common rubric into the taxonomy', () => {
    const all = marks({
      vetoes: DEFAULT_RUBRIC.vetoItems.map((v) => v.key),
      items: Object.fromEntries(
        DEFAULT_RUBRIC.items.map((i) => [i.key, { picks: i.deductions.map((d) => d.key), custom: 1, note: '' }]),
      ),
    });
    for (const p of problemsOf(DEFAULT_RUBRIC, all)) {
      expect(isTaxonomyPair(p.target.category, p.target.subcategory), p.key).toBe(true);
    }
  });

  it('refuses a rubric item pointing outside the taxonomy', () => {
    const broken = {
      ...DEFAULT_RUBRIC,
      items: DEFAULT_RUBRIC.items.map((i, k) =>
        k === 0 ? { ...i, finding: { category: 'procedure', subcategory: 'nope' } } : i,
      ),
    };
    expect(rubricSchema.safeParse(broken).error?.issues.map((i) => i.message)).toContain('rubric.findingTarget');
  });
});

describe('session results and the circular', () => {
  const files = [
    file('1', 'subj-a', marks({})), // 100
    file('2', 'subj-a', marks({ items: { facts_evidence: { picks: ['evidence_chain'], custom: 6, note: '' } } })), // 88
    file('3', 'subj-b', marks({ vetoes: ['insufficient_evidence'] })), // 0
    file(
      '4',
      'subj-b',
      marks({
        items: {
          procedure: { picks: ['rights_notice', 'legal_review'], custom: 0, note: '' },
          discretion: { picks: ['benchmark_not_applied'], custom: 0, note: '' },
        },
      }),
    ), // 86
  ];
  const unscored: ReviewFile = { ...file('5', 'subj-c', marks({})), score: undefined };

  it('averages scores per session and per subject and counts grades, leaving unscored files out', () => {
    const r = sessionResults(DEFAULT_RUBRIC, [...files, unscored]);
    expect(r.files).toBe(5);
    expect(r.scored).toBe(4);
    expect(r.average).toBe(68.5);
    expect(r.byGrade).toEqual({ excellent: 1, good: 2, pass: 0, fail: 1 });
    const a = r.bySubject.find((s) => s.subjectId === 'subj-a');
    expect(a).toMatchObject({ files: 2, scored: 2, average: 94, vetoed: 0 });
    expect(r.bySubject.find((s) => s.subjectId === 'subj-b')).toMatchObject({ average: 43, vetoed: 1 });
    expect(r.bySubject.find((s) => s.subjectId === 'subj-c')).toMatchObject({ files: 1, scored: 0, average: null });
  });

  it('gives the circular valid statistics: grades, typical problems and excellent files', () => {
    const stats = circularStatistics(
      { from: '2026-01-01', to: '2026-06-30', rubric: DEFAULT_RUBRIC },
      [...files, unscored],
      (id) => ({ 'subj-a': '青山县市场监督管理局', 'subj-b': '青山县交通运输综合行政执法大队' })[id] ?? id,
    );
    expect(sourceStatisticsSchema.parse(stats)).toBeTruthy();
    expect(stats.periodLabel).toBe('2026年1月至6月');
    expect(stats.reviews?.files).toBe(4);
    expect(stats.reviews?.subjects).toBe(2);
    expect(stats.reviews?.averageScore).toBe(68.5);
    expect(stats.reviews?.byGrade).toEqual([
      { label: '优秀', count: 1 },
      { label: '良好', count: 2 },
      { label: '合格', count: 0 },
      { label: '不合格', count: 1 },
    ]);
    expect(stats.reviews?.excellentFiles).toEqual(['青山县市场监督管理局《案卷1》']);
    expect(stats.reviews?.typicalProblems?.map((p) => p.label)).toContain('主要证据不足');
  });

  it('names the period as circulars do', () => {
    expect(periodLabel('2026-01-01', '2026-12-31')).toBe('2026年度');
    expect(periodLabel('2026-03-01', '2026-03-31')).toBe('2026年3月');
    expect(periodLabel('2025-10-01', '2026-03-31')).toBe('2025年10月至2026年3月');
  });
});
