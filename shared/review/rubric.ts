import { isTaxonomyPair } from '../taxonomy/findings';
import { z } from '../zod-setup';

// Case-file review (案卷评查): a rubric of veto items and scored items, and the
// scoring rules of DOMAIN.md §6. Templates are data the office may edit.

export const RUBRIC_SECTIONS = ['form', 'content'] as const;
export type RubricSection = (typeof RUBRIC_SECTIONS)[number];

const label = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) });

/** Where a problem found under an item goes in the finding taxonomy (shared/taxonomy). */
export const findingTargetSchema = z.object({
  category: z.string().min(1).max(40),
  subcategory: z.string().min(1).max(60),
});
export type FindingTarget = z.infer<typeof findingTargetSchema>;

/** A veto item (否决项): any one present makes the file fail with score 0. */
export const vetoItemSchema = z.object({
  key: z.string().min(1).max(40),
  label,
  finding: findingTargetSchema.optional(),
});

/** A scored item: up to `points`, reduced by deductions recorded during review. */
export const scoredItemSchema = z.object({
  key: z.string().min(1).max(40),
  section: z.enum(RUBRIC_SECTIONS),
  label,
  points: z.number().positive().max(100),
  finding: findingTargetSchema.optional(),
  /** Typical deductions offered to the reviewer, e.g. "missing page numbers −2". */
  deductions: z
    .array(z.object({ key: z.string().min(1).max(40), label, points: z.number().positive().max(100) }))
    .max(30),
});

export const gradeBandsSchema = z
  .object({ excellent: z.number().min(0).max(100), good: z.number().min(0).max(100), pass: z.number().min(0).max(100) })
  .refine((b) => b.excellent > b.good && b.good > b.pass, { message: 'rubric.bandsOrder' });
export type GradeBands = z.infer<typeof gradeBandsSchema>;

export const rubricSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: label,
    vetoItems: z.array(vetoItemSchema).max(50),
    items: z.array(scoredItemSchema).min(1).max(100),
    /** Section maxima: 20 for form and 80 for content in the common rubric. */
    sectionPoints: z.object({ form: z.number().min(0).max(100), content: z.number().min(0).max(100) }),
    bands: gradeBandsSchema,
  })
  .superRefine((rubric, ctx) => {
    for (const section of RUBRIC_SECTIONS) {
      const sum = rubric.items.filter((i) => i.section === section).reduce((a, i) => a + i.points, 0);
      if (Math.abs(sum - rubric.sectionPoints[section]) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['items'], message: 'rubric.sectionSum', params: { section, sum } });
      }
    }
    const keys = [...rubric.vetoItems.map((v) => v.key), ...rubric.items.map((i) => i.key)];
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'rubric.duplicateKey' });
    [...rubric.vetoItems, ...rubric.items].forEach((item) => {
      if (item.finding && !isTaxonomyPair(item.finding.category, item.finding.subcategory)) {
        ctx.addIssue({ code: 'custom', path: ['items'], message: 'rubric.findingTarget', params: { key: item.key } });
      }
    });
  });
export type Rubric = z.infer<typeof rubricSchema>;

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** What the reviewer recorded for one case file. */
export interface FileScoring {
  /** Keys of veto items found. */
  vetoes: string[];
  /** Points deducted per scored item (may exceed the item's points; it floors at 0). */
  deductions: Record<string, number>;
}

export interface FileScore {
  vetoed: boolean;
  form: number;
  content: number;
  total: number;
  grade: Grade;
  /** Per item: points earned. */
  items: Record<string, number>;
}

export function gradeFor(total: number, bands: GradeBands): Exclude<Grade, 'fail'> | 'fail' {
  if (total >= bands.excellent) return 'excellent';
  if (total >= bands.good) return 'good';
  if (total >= bands.pass) return 'pass';
  return 'fail';
}

/**
 * Scores one case file: a veto makes it fail with 0; otherwise each item earns its
 * points less deductions (never below 0), sections are summed, and the total graded.
 */
export function scoreFile(rubric: Rubric, scoring: FileScoring): FileScore {
  const items: Record<string, number> = {};
  const sections: Record<RubricSection, number> = { form: 0, content: 0 };
  for (const item of rubric.items) {
    const deducted = Math.max(0, scoring.deductions[item.key] ?? 0);
    const earned = Math.max(0, item.points - deducted);
    items[item.key] = earned;
    sections[item.section] += earned;
  }
  const vetoed = scoring.vetoes.some((key) => rubric.vetoItems.some((v) => v.key === key));
  if (vetoed) return { vetoed, form: 0, content: 0, total: 0, grade: 'fail', items };
  const round = (n: number) => Math.round(n * 10) / 10;
  const total = round(sections.form + sections.content);
  return {
    vetoed,
    form: round(sections.form),
    content: round(sections.content),
    total,
    grade: gradeFor(total, rubric.bands),
    items,
  };
}
