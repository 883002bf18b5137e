import { isTaxonomyPair } from '../taxonomy/findings';
import { z } from '../zod-setup';
import { findingTargetSchema, RUBRIC_SECTIONS, type Rubric, type RubricSection, rubricSchema } from './rubric';

// Editing a rubric template: adding an item the clerk describes, and telling the clerk
// where a draft template is wrong, field by field.

const points = z.number().positive().max(100);

/**
 * What the clerk fills in to add an item. Chinese labels are required (records and
 * documents are in Chinese); an English label left blank takes the Chinese one.
 */
export const itemDraftSchema = z
  .object({
    /** A veto item (否决项) has no points: found, it fails the whole file. */
    veto: z.boolean(),
    section: z.enum(RUBRIC_SECTIONS),
    label: z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().max(200) }),
    points: points.optional(),
    deductions: z
      .array(
        z.object({
          label: z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().max(200) }),
          points,
        }),
      )
      .max(30),
    finding: findingTargetSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.finding && !isTaxonomyPair(d.finding.category, d.finding.subcategory))
      ctx.addIssue({ code: 'custom', path: ['finding'], message: 'rubric.findingTarget' });
    if (d.veto) return;
    if (d.points === undefined) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'rubric.pointsRequired' });
      return;
    }
    const itemPoints = d.points;
    d.deductions.forEach((deduction, j) => {
      // A typical deduction larger than its item could never be taken in full.
      if (deduction.points > itemPoints)
        ctx.addIssue({ code: 'custom', path: ['deductions', j, 'points'], message: 'rubric.deductionOverPoints' });
    });
  });
export type ItemDraft = z.input<typeof itemDraftSchema>;

const bilingual = (l: { zh: string; en: string }) => ({ zh: l.zh.trim(), en: l.en.trim() || l.zh.trim() });

/**
 * The template with the item added under `key` (new to every session: scored files and
 * findings refer to items by key): a scored item after the last item of its section, so
 * the sheet keeps its order; a veto item after the other veto items.
 */
export function addItem(template: Rubric, input: ItemDraft, key: string): Rubric {
  const draft = itemDraftSchema.parse(input);
  // A copy all the way down, so editing the result never reaches the template it came from.
  const rubric = JSON.parse(JSON.stringify(template)) as Rubric;
  if (draft.veto) {
    const veto = { key, label: bilingual(draft.label), ...(draft.finding ? { finding: draft.finding } : {}) };
    return { ...rubric, vetoItems: [...rubric.vetoItems, veto] };
  }
  const item = {
    key,
    section: draft.section,
    label: bilingual(draft.label),
    points: draft.points ?? 0,
    deductions: draft.deductions.map((d, j) => ({ key: `d${j + 1}`, label: bilingual(d.label), points: d.points })),
    ...(draft.finding ? { finding: draft.finding } : {}),
  };
  const lastOfSection = rubric.items.findLastIndex((i) => i.section === draft.section);
  const at = lastOfSection === -1 ? rubric.items.length : lastOfSection + 1;
  return { ...rubric, items: rubric.items.toSpliced(at, 0, item) };
}

/** Keys of veto and scored items, the ones scored files refer to. */
export function itemKeys(rubric: Pick<Rubric, 'items' | 'vetoItems'>): string[] {
  return [...rubric.vetoItems.map((v) => v.key), ...rubric.items.map((i) => i.key)];
}

export type RubricProblemCode =
  | 'sectionSum'
  | 'bandsOrder'
  | 'labelRequired'
  | 'pointsRange'
  | 'duplicateKey'
  | 'findingTarget'
  | 'invalid';

/**
 * One thing wrong with a draft template, at the field it concerns: `path` is the
 * rubric path joined with dots (items.3.label.zh, bands), or section.<form|content>
 * for a section whose items do not add up.
 */
export interface RubricProblem {
  path: string;
  code: RubricProblemCode;
  params: { section?: RubricSection; points?: number; sum?: number; key?: string };
}

export function rubricProblems(rubric: Rubric): RubricProblem[] {
  const parsed = rubricSchema.safeParse(rubric);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue): RubricProblem => {
    const path = issue.path.map(String).join('.');
    const params = (issue as { params?: Record<string, unknown> }).params ?? {};
    switch (issue.message) {
      case 'rubric.sectionSum': {
        const section = params.section as RubricSection;
        return {
          path: `section.${section}`,
          code: 'sectionSum',
          params: { section, sum: params.sum as number, points: rubric.sectionPoints[section] },
        };
      }
      case 'rubric.bandsOrder':
        return { path: 'bands', code: 'bandsOrder', params: {} };
      case 'rubric.duplicateKey':
        return { path, code: 'duplicateKey', params: {} };
      case 'rubric.findingTarget':
        return { path, code: 'findingTarget', params: { key: params.key as string } };
    }
    const last = issue.path.at(-1);
    if (last === 'zh' || last === 'en') return { path, code: 'labelRequired', params: {} };
    if (last === 'points' || issue.path[0] === 'bands') return { path, code: 'pointsRange', params: {} };
    return { path, code: 'invalid', params: {} };
  });
}
