import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../../shared/review/default-rubric';
import { gradeFor, rubricSchema, scoreFile } from '../../../shared/review/rubric';

describe('case-file review rubric', () => {
  it('ships a default rubric of 20 form and 80 content points that validates', () => {
    expect(rubricSchema.parse(DEFAULT_RUBRIC)).toBeTruthy();
    const sum = (section: string) =>
      DEFAULT_RUBRIC.items.filter((i) => i.section === section).reduce((a, i) => a + i.points, 0);
    expect(sum('form')).toBe(20);
    expect(sum('content')).toBe(80);
    expect(DEFAULT_RUBRIC.vetoItems.map((v) => v.key)).toContain('single_officer');
  });

  it('gives a clean file full marks and grade excellent', () => {
    expect(scoreFile(DEFAULT_RUBRIC, { vetoes: [], deductions: {} })).toMatchObject({
      vetoed: false,
      form: 20,
      content: 80,
      total: 100,
      grade: 'excellent',
    });
  });

  it('subtracts deductions per item, never below zero', () => {
    const score = scoreFile(DEFAULT_RUBRIC, {
      vetoes: [],
      deductions: { pagination: 2, procedure: 9, one_case_one_file: 50 },
    });
    expect(score.items.pagination).toBe(1);
    expect(score.items.one_case_one_file).toBe(0);
    expect(score.form).toBe(20 - 2 - 3);
    expect(score.content).toBe(80 - 9);
    expect(score.total).toBe(86);
    expect(score.grade).toBe('good');
  });

  it('fails a file with any veto item, whatever its points', () => {
    expect(scoreFile(DEFAULT_RUBRIC, { vetoes: ['single_officer'], deductions: {} })).toMatchObject({
      vetoed: true,
      total: 0,
      grade: 'fail',
    });
  });

  it('grades at the band edges', () => {
    const bands = DEFAULT_RUBRIC.bands;
    expect([90, 89.9, 80, 79.5, 60, 59.9].map((t) => gradeFor(t, bands))).toEqual([
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
    ]);
    expect(gradeFor(84, { excellent: 95, good: 85, pass: 70 })).toBe('pass');
  });

  it('rejects an edited rubric whose items do not add up to the section points', () => {
    const broken = {
      ...DEFAULT_RUBRIC,
      items: DEFAULT_RUBRIC.items.map((i) => (i.key === 'binding' ? { ...i, points: 5 } : i)),
    };
    expect(rubricSchema.safeParse(broken).error?.issues[0]?.message).toBe('rubric.sectionSum');
    expect(rubricSchema.safeParse({ ...DEFAULT_RUBRIC, bands: { excellent: 80, good: 85, pass: 60 } }).success).toBe(
      false,
    );
  });
});
