import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '../../../shared/enterprise/credit-code';
import {
  DEFAULT_INSPECTION_RULES,
  type EnterpriseInspection,
  enterpriseInspectionSchema,
  flagInspections,
} from '../../../shared/enterprise/inspections';

// Codes made valid with their computed check character.
const code = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;
const ACME = code('91330104MA2B3C4D5');
const BETA = code('91330104MA2B3C4D6');

let n = 0;
function inspection(over: Partial<EnterpriseInspection>): EnterpriseInspection {
  n += 1;
  return {
    id: `i${n}`,
    date: '2026-03-01',
    enterpriseName: '青山精密机械有限公司',
    creditCode: ACME,
    subjectId: 's1',
    field: 'market_regulation',
    purpose: '双随机抽查',
    joint: false,
    concerns: [],
    ...over,
  };
}

describe('unified social credit codes', () => {
  it('accepts a code with the right check character and rejects a changed one', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false); // I is not in the alphabet
    expect(isValidCreditCode(ACME.toLowerCase())).toBe(true);
  });

  it('is checked when an inspection is recorded', () => {
    const bad = enterpriseInspectionSchema.safeParse({ ...inspection({}), creditCode: '91350100M000100Y44' });
    expect(bad.error?.issues[0]?.message).toBe('creditCode.invalid');
  });
});

describe('inspection flags', () => {
  it('flags an enterprise inspected more than N times in M days by one field, once per cluster', () => {
    const records = [
      inspection({ date: '2026-03-01' }),
      inspection({ date: '2026-03-20' }),
      inspection({ date: '2026-04-15' }),
      inspection({ date: '2026-05-01' }),
      // Another field in the same period is not counted with market regulation.
      inspection({ date: '2026-03-02', field: 'ecology_environment', joint: true }),
    ];
    const flags = flagInspections(records, { ...DEFAULT_INSPECTION_RULES, jointWindowDays: 0 });
    const over = flags.filter((f) => f.kind === 'over_frequent');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ field: 'market_regulation', count: 4, from: '2026-03-01', to: '2026-05-01' });
  });

  it('does not flag inspections spread wider than the window', () => {
    const records = ['2026-01-01', '2026-04-05', '2026-07-10', '2026-10-15'].map((date) => inspection({ date }));
    expect(flagInspections(records, DEFAULT_INSPECTION_RULES).filter((f) => f.kind === 'over_frequent')).toEqual([]);
  });

  it('respects configured limits', () => {
    const records = ['2026-01-01', '2026-01-10'].map((date) => inspection({ date, creditCode: BETA }));
    const strict = { maxInspections: 1, windowDays: 30, jointWindowDays: 0 };
    expect(flagInspections(records, strict)).toHaveLength(1);
    expect(flagInspections(records, { ...strict, windowDays: 5 })).toHaveLength(0);
  });

  it('flags several fields inspecting one enterprise within days, not jointly', () => {
    const records = [
      inspection({ date: '2026-06-01', field: 'market_regulation' }),
      inspection({ date: '2026-06-04', field: 'emergency_management' }),
      inspection({ date: '2026-09-01', field: 'market_regulation', joint: true }),
      inspection({ date: '2026-09-02', field: 'ecology_environment', joint: true }),
    ];
    const flags = flagInspections(records, DEFAULT_INSPECTION_RULES).filter((f) => f.kind === 'not_joint');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ fields: ['market_regulation', 'emergency_management'], from: '2026-06-01' });
  });

  it('flags recorded concerns of the four arbitraries by category', () => {
    const records = [
      inspection({ concerns: ['fines', 'seizures'] }),
      inspection({ date: '2026-08-01', concerns: ['fines'] }),
    ];
    const flags = flagInspections(records, DEFAULT_INSPECTION_RULES).filter((f) => f.kind === 'arbitrary');
    expect(flags.map((f) => (f.kind === 'arbitrary' ? [f.category, f.inspectionIds.length] : null))).toEqual([
      ['fines', 2],
      ['seizures', 1],
    ]);
  });
});
