import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { type Rubric, rubricSchema } from '../../../shared/review/rubric';
import { addItem, type ItemDraft, itemDraftSchema, rubricProblems } from '../../../shared/review/rubric-edit';
import { emptyMarks, problemsOf, scoreMarks } from '../../../shared/review/session';

const cover: ItemDraft = {
  veto: false,
  section: 'form',
  label: { zh: '案卷封面填写规范', en: '' },
  points: 2,
  deductions: [{ label: { zh: '封面栏目填写不全', en: 'Cover incomplete' }, points: 1 }],
};

/** The default rubric with the cover item, and binding down from 3 to 1 so form stays 20. */
function withCover(): Rubric {
  const next = addItem(DEFAULT_RUBRIC, cover, 'item_cover');
  const binding = next.items.find((i) => i.key === 'binding');
  if (binding) binding.points = 1;
  return next;
}

describe('adding items to a rubric', () => {
  it('puts a scored item after the last of its section, with both labels and keyed deductions', () => {
    const next = addItem(DEFAULT_RUBRIC, cover, 'item_cover');
    const formKeys = next.items.filter((i) => i.section === 'form').map((i) => i.key);
    expect(formKeys.at(-1)).toBe('item_cover');
    // The first content item still follows the form items.
    expect(next.items[formKeys.length]?.key).toBe('facts_evidence');
    expect(next.items.find((i) => i.key === 'item_cover')).toEqual({
      key: 'item_cover',
      section: 'form',
      label: { zh: '案卷封面填写规范', en: '案卷封面填写规范' },
      points: 2,
      deductions: [{ key: 'd1', label: { zh: '封面栏目填写不全', en: 'Cover incomplete' }, points: 1 }],
    });
    // The template it came from is unchanged, also when the result is edited.
    const binding = next.items.find((i) => i.key === 'binding');
    if (binding) binding.points = 1;
    expect(DEFAULT_RUBRIC.items.some((i) => i.key === 'item_cover')).toBe(false);
    expect(DEFAULT_RUBRIC.items.find((i) => i.key === 'binding')?.points).toBe(3);
  });

  it('scores a file with the new item and totals it with the others', () => {
    const rubric = withCover();
    expect(rubricSchema.safeParse(rubric).success).toBe(true);
    const clean = scoreMarks(rubric, emptyMarks());
    expect(clean).toMatchObject({ form: 20, content: 80, total: 100, grade: 'excellent' });
    expect(clean.items.item_cover).toBe(2);

    const marks = emptyMarks();
    marks.items.item_cover = { picks: ['d1'], custom: 0, note: '' };
    marks.items.procedure = { picks: [], custom: 10, note: '' };
    const score = scoreMarks(rubric, marks);
    expect(score.items.item_cover).toBe(1);
    expect(score).toMatchObject({ form: 19, content: 70, total: 89, grade: 'good' });
    // Its problem goes to the section's finding category (no target of its own).
    expect(problemsOf(rubric, marks).find((p) => p.key === 'item_cover/d1')?.target).toEqual({
      category: 'documents',
      subcategory: 'nonstandard_documents',
    });

    // Deductions beyond the item's points stop at zero.
    marks.items.item_cover = { picks: ['d1'], custom: 5, note: '' };
    expect(scoreMarks(rubric, marks).items.item_cover).toBe(0);
    expect(scoreMarks(rubric, marks).form).toBe(18);
  });

  it('adds a veto item that fails the file', () => {
    const rubric = addItem(
      DEFAULT_RUBRIC,
      {
        veto: true,
        section: 'content',
        label: { zh: '超越职权', en: 'Ultra vires' },
        deductions: [],
        finding: { category: 'authority', subcategory: 'ultra_vires' },
      },
      'veto_ultra',
    );
    expect(rubric.vetoItems.at(-1)).toEqual({
      key: 'veto_ultra',
      label: { zh: '超越职权', en: 'Ultra vires' },
      finding: { category: 'authority', subcategory: 'ultra_vires' },
    });
    expect(rubric.items).toEqual(DEFAULT_RUBRIC.items);
    expect(scoreMarks(rubric, { ...emptyMarks(), vetoes: ['veto_ultra'] })).toMatchObject({ total: 0, grade: 'fail' });
  });

  it('refuses an item without points, or with a deduction larger than the item', () => {
    const paths = (d: ItemDraft) => itemDraftSchema.safeParse(d).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ ...cover, points: undefined })).toEqual(['points']);
    expect(paths({ ...cover, deductions: [{ label: { zh: '缺封面', en: '' }, points: 3 }] })).toEqual([
      'deductions.0.points',
    ]);
    expect(paths({ ...cover, label: { zh: '  ', en: 'x' } })).toEqual(['label.zh']);
    expect(() => addItem(DEFAULT_RUBRIC, { ...cover, points: undefined }, 'item_x')).toThrow();
  });
});

describe('problems of a draft rubric, by field', () => {
  it('names the section whose items do not add up, with the sum', () => {
    const rubric = addItem(DEFAULT_RUBRIC, cover, 'item_cover');
    expect(rubricProblems(rubric)).toEqual([
      { path: 'section.form', code: 'sectionSum', params: { section: 'form', sum: 22, points: 20 } },
    ]);
    expect(rubricProblems(withCover())).toEqual([]);
  });

  it('points at the bands and at an empty label', () => {
    const rubric = structuredClone(DEFAULT_RUBRIC);
    rubric.bands.good = 95;
    const third = rubric.items[2];
    if (third) third.label.zh = '';
    const problems = rubricProblems(rubric).map((p) => [p.path, p.code]);
    expect(problems).toContainEqual(['bands', 'bandsOrder']);
    expect(problems).toContainEqual(['items.2.label.zh', 'labelRequired']);
  });
});
