import { isIsoDate } from '../calendar/dates';
import type { LabelledCount, SourceStatistics } from '../documents/source';
import type { Severity } from '../domain/dossier';
import { z } from '../zod-setup';
import {
  type FileScore,
  type FileScoring,
  type FindingTarget,
  GRADES,
  type Grade,
  type Rubric,
  scoreFile,
} from './rubric';

// A review session (评查活动): many case files of many subjects scored against one
// rubric, frozen into the session when it starts so later edits of the template do not
// change scores already given.

const id = z.string().min(1).max(64);
const date = z.string().refine(isIsoDate, { message: 'date.invalid' });

export const sessionDraftSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    from: date,
    to: date,
    rubricId: id,
    /** 评查人员: supervisors from the registry; two at least, as for any supervision matter. */
    reviewerIds: z.array(id).min(2).max(30),
  })
  .superRefine((d, ctx) => {
    if (d.to < d.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'review.periodOrder' });
  });
export type SessionDraft = z.infer<typeof sessionDraftSchema>;

export const caseFileDraftSchema = z.object({
  subjectId: id,
  /** 案号, e.g. 青市监罚〔2026〕15号. */
  caseNumber: z.string().trim().min(1).max(60),
  caseName: z.string().trim().min(2).max(200),
  /** 执法人员 named in the file. */
  officers: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
});
export type CaseFileDraft = z.infer<typeof caseFileDraftSchema>;

export interface ReviewSession {
  id: string;
  name: string;
  from: string;
  to: string;
  rubric: Rubric;
  reviewerIds: string[];
  /** Dossiers the session's problems were recorded in, by subject. */
  findingDossiers: Record<string, string>;
  /** Circulars (通报) drafted from the session's figures; absent in sessions from before links were kept. */
  circularIds?: string[];
  createdAt: string;
  updatedAt: string;
}

/** What the reviewer marked under one scored item. */
export interface ItemMark {
  /** Keys of the item's typical deductions that apply. */
  picks: string[];
  /** Points deducted beyond the typical ones. */
  custom: number;
  note: string;
}

export interface FileMarks {
  vetoes: string[];
  vetoNotes: Record<string, string>;
  items: Record<string, ItemMark>;
  note: string;
}

export interface ReviewFile extends CaseFileDraft {
  id: string;
  sessionId: string;
  /** Position in the session, for the order files are scored in. */
  order: number;
  marks: FileMarks;
  /** Set once the reviewer saves a score. */
  score?: Pick<FileScore, 'vetoed' | 'form' | 'content' | 'total' | 'grade'>;
  scoredAt?: string;
  scoredBy?: string;
  /** Problems already recorded as findings: problem key → finding id. */
  findings: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export function emptyMarks(): FileMarks {
  return { vetoes: [], vetoNotes: {}, items: {}, note: '' };
}

/** Points deducted under an item: its typical deductions picked plus the custom points. */
export function itemDeduction(rubric: Rubric, itemKey: string, mark: ItemMark | undefined): number {
  if (!mark) return 0;
  const item = rubric.items.find((i) => i.key === itemKey);
  const typical = (item?.deductions ?? [])
    .filter((d) => mark.picks.includes(d.key))
    .reduce((sum, d) => sum + d.points, 0);
  return typical + Math.max(0, mark.custom || 0);
}

export function scoringOf(rubric: Rubric, marks: FileMarks): FileScoring {
  const deductions: Record<string, number> = {};
  for (const item of rubric.items) {
    const points = itemDeduction(rubric, item.key, marks.items[item.key]);
    if (points > 0) deductions[item.key] = points;
  }
  return { vetoes: marks.vetoes, deductions };
}

export function scoreMarks(rubric: Rubric, marks: FileMarks): FileScore {
  return scoreFile(rubric, scoringOf(rubric, marks));
}

// ---------------------------------------------------------------------------
// Problems found, as findings

/**
 * Where the common rubric's problems go in the finding taxonomy. Items of edited
 * rubrics carry their own `finding`; an item without either falls back on its section.
 */
const DEFAULT_TARGETS: Record<string, FindingTarget> = {
  // veto items
  illegal_subject: { category: 'subject', subcategory: 'illegal_subject' },
  unqualified_officer: { category: 'subject', subcategory: 'no_certificate' },
  single_officer: { category: 'subject', subcategory: 'single_officer' },
  insufficient_evidence: { category: 'facts', subcategory: 'insufficient_evidence' },
  unclear_facts: { category: 'facts', subcategory: 'unclear_facts' },
  wrong_classification: { category: 'law', subcategory: 'wrong_classification' },
  wrong_law: { category: 'law', subcategory: 'wrong_law' },
  illegal_procedure: { category: 'procedure', subcategory: 'no_notice' },
  referral_not_made: { category: 'inaction', subcategory: 'case_not_filed' },
  // scored items
  templates: { category: 'documents', subcategory: 'nonstandard_documents' },
  completeness: { category: 'documents', subcategory: 'incomplete_file' },
  one_case_one_file: { category: 'documents', subcategory: 'incomplete_file' },
  ordering: { category: 'documents', subcategory: 'nonstandard_documents' },
  pagination: { category: 'documents', subcategory: 'nonstandard_documents' },
  binding: { category: 'documents', subcategory: 'nonstandard_documents' },
  facts_evidence: { category: 'facts', subcategory: 'evidence_unverified' },
  law_applied: { category: 'law', subcategory: 'wrong_article' },
  procedure: { category: 'procedure', subcategory: 'no_notice' },
  discretion: { category: 'discretion', subcategory: 'benchmark_not_applied' },
  reasoning: { category: 'documents', subcategory: 'nonstandard_documents' },
  fine_collection: { category: 'arbitrary', subcategory: 'arbitrary_fines' },
  delivery: { category: 'procedure', subcategory: 'service_defect' },
  performance: { category: 'documents', subcategory: 'incomplete_file' },
  // typical deductions that point elsewhere than their item
  'binding/late_archive': { category: 'documents', subcategory: 'late_archiving' },
  'facts_evidence/evidence_chain': { category: 'facts', subcategory: 'insufficient_evidence' },
  'procedure/time_limit': { category: 'procedure', subcategory: 'late_decision' },
  'procedure/legal_review': { category: 'procedure', subcategory: 'no_legal_review' },
  'discretion/max_fine_no_reason': { category: 'discretion', subcategory: 'maximum_without_reason' },
};

const SECTION_FALLBACK: Record<'form' | 'content', FindingTarget> = {
  form: { category: 'documents', subcategory: 'nonstandard_documents' },
  content: { category: 'facts', subcategory: 'evidence_unverified' },
};

/** One problem a review found in a file: a veto, a typical deduction or custom points. */
export interface ReviewProblem {
  /** Stable within the file: 'veto:<key>', '<item>/<deduction>' or '<item>/custom'. */
  key: string;
  kind: 'veto' | 'deduction';
  label: { zh: string; en: string };
  /** Points deducted (0 for a veto). */
  points: number;
  note: string;
  target: FindingTarget;
  severity: Severity;
}

export function problemsOf(rubric: Rubric, marks: FileMarks): ReviewProblem[] {
  const out: ReviewProblem[] = [];
  for (const veto of rubric.vetoItems) {
    if (!marks.vetoes.includes(veto.key)) continue;
    out.push({
      key: `veto:${veto.key}`,
      kind: 'veto',
      label: veto.label,
      points: 0,
      note: marks.vetoNotes[veto.key] ?? '',
      target: veto.finding ?? DEFAULT_TARGETS[veto.key] ?? SECTION_FALLBACK.content,
      severity: 'serious',
    });
  }
  for (const item of rubric.items) {
    const mark = marks.items[item.key];
    if (!mark) continue;
    const itemTarget = item.finding ?? DEFAULT_TARGETS[item.key] ?? SECTION_FALLBACK[item.section];
    for (const d of item.deductions) {
      if (!mark.picks.includes(d.key)) continue;
      out.push({
        key: `${item.key}/${d.key}`,
        kind: 'deduction',
        label: d.label,
        points: d.points,
        note: mark.note,
        target: item.finding ?? DEFAULT_TARGETS[`${item.key}/${d.key}`] ?? itemTarget,
        severity: severityFor(d.points),
      });
    }
    if (mark.custom > 0) {
      out.push({
        key: `${item.key}/custom`,
        kind: 'deduction',
        label: item.label,
        points: mark.custom,
        note: mark.note,
        target: itemTarget,
        severity: severityFor(mark.custom),
      });
    }
  }
  return out;
}

function severityFor(points: number): Severity {
  return points >= 5 ? 'serious' : points >= 3 ? 'moderate' : 'minor';
}

/** The finding's description, in Chinese like every record the office keeps. */
export function problemDescription(file: Pick<ReviewFile, 'caseName' | 'caseNumber'>, problem: ReviewProblem): string {
  const note = problem.note.trim();
  return `案卷《${file.caseName}》（${file.caseNumber}）：${problem.label.zh}${problem.points > 0 ? `（扣${problem.points}分）` : ''}${note ? `。${note}` : ''}`;
}

// ---------------------------------------------------------------------------
// Results

export interface SessionResults {
  files: number;
  scored: number;
  average: number | null;
  byGrade: Record<Grade, number>;
  bySubject: {
    subjectId: string;
    files: number;
    scored: number;
    average: number | null;
    vetoed: number;
    byGrade: Record<Grade, number>;
  }[];
  /** Problems by label, most frequent first. */
  problems: { key: string; label: { zh: string; en: string }; files: number }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const emptyGrades = (): Record<Grade, number> => ({ excellent: 0, good: 0, pass: 0, fail: 0 });

export function sessionResults(rubric: Rubric, files: readonly ReviewFile[]): SessionResults {
  const byGrade = emptyGrades();
  let sum = 0;
  let scored = 0;
  const subjects = new Map<
    string,
    { files: number; scored: number; sum: number; vetoed: number; byGrade: Record<Grade, number> }
  >();
  const problems = new Map<string, { key: string; label: { zh: string; en: string }; files: number }>();
  for (const f of files) {
    let s = subjects.get(f.subjectId);
    if (!s) {
      s = { files: 0, scored: 0, sum: 0, vetoed: 0, byGrade: emptyGrades() };
      subjects.set(f.subjectId, s);
    }
    s.files++;
    if (!f.score) continue;
    scored++;
    sum += f.score.total;
    byGrade[f.score.grade]++;
    s.scored++;
    s.sum += f.score.total;
    s.byGrade[f.score.grade]++;
    if (f.score.vetoed) s.vetoed++;
    const seen = new Set<string>();
    for (const p of problemsOf(rubric, f.marks)) {
      // Custom points count under their item; each problem once per file.
      const key = p.key.endsWith('/custom') ? p.key.replace('/custom', '') : p.key;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = problems.get(key) ?? { key, label: p.label, files: 0 };
      entry.files++;
      problems.set(key, entry);
    }
  }
  return {
    files: files.length,
    scored,
    average: scored ? round1(sum / scored) : null,
    byGrade,
    bySubject: [...subjects.entries()].map(([subjectId, s]) => ({
      subjectId,
      files: s.files,
      scored: s.scored,
      average: s.scored ? round1(s.sum / s.scored) : null,
      vetoed: s.vetoed,
      byGrade: s.byGrade,
    })),
    problems: [...problems.values()].sort((a, b) => b.files - a.files || a.key.localeCompare(b.key)),
  };
}

export const GRADE_LABELS_ZH: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** 统计期间 as a circular names it: 2026年度, 2026年3月, 2026年1月至6月, 2025年10月至2026年3月. */
export function periodLabel(from: string, to: string): string {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  if (fy === ty && fm === 1 && tm === 12) return `${fy}年度`;
  if (fy === ty && fm === tm) return `${fy}年${fm}月`;
  if (fy === ty) return `${fy}年${fm}月至${tm}月`;
  return `${fy}年${fm}月至${ty}年${tm}月`;
}

/** The circular's figures (statistics.reviews) from a session's scored files. */
export function circularStatistics(
  session: Pick<ReviewSession, 'from' | 'to' | 'rubric'>,
  files: readonly ReviewFile[],
  subjectName: (id: string) => string,
): SourceStatistics {
  const results = sessionResults(session.rubric, files);
  const scoredFiles = files.filter((f) => f.score);
  const byGrade: LabelledCount[] = GRADES.map((g) => ({ label: GRADE_LABELS_ZH[g], count: results.byGrade[g] }));
  const typicalProblems: LabelledCount[] = results.problems
    .slice(0, 10)
    .map((p) => ({ label: p.label.zh.slice(0, 60), count: p.files }));
  const excellentFiles = scoredFiles
    .filter((f) => f.score?.grade === 'excellent')
    .slice(0, 50)
    .map((f) => `${subjectName(f.subjectId)}《${f.caseName}》`.slice(0, 200));
  return {
    periodLabel: periodLabel(session.from, session.to).slice(0, 40),
    year: Number(session.to.slice(0, 4)),
    reviews: {
      files: results.scored,
      averageScore: results.average ?? 0,
      byGrade,
      typicalProblems,
      excellentFiles,
      subjects: new Set(scoredFiles.map((f) => f.subjectId)).size,
    },
  };
}
