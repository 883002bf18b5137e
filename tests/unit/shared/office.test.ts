import { describe, expect, it } from 'vitest';
import { checkDivisionCode, officeIdentitySchema } from '../../../shared/domain/office';

describe('administrative division codes', () => {
  it('accepts codes whose shape fits the level', () => {
    expect(checkDivisionCode('330000', 'province')).toBeNull();
    expect(checkDivisionCode('330100', 'city')).toBeNull();
    expect(checkDivisionCode('330104', 'county')).toBeNull();
    expect(checkDivisionCode('110101', 'township')).toBeNull();
  });

  it('names what is wrong with a code', () => {
    expect(checkDivisionCode('33010', 'county')).toBe('format');
    expect(checkDivisionCode('33O104', 'county')).toBe('format');
    expect(checkDivisionCode('990104', 'county')).toBe('province');
    expect(checkDivisionCode('330100', 'county')).toBe('level');
    expect(checkDivisionCode('330104', 'city')).toBe('level');
    expect(checkDivisionCode('330100', 'province')).toBe('level');
  });
});

describe('office identity', () => {
  const county = {
    name: '青山县司法局',
    shortName: '青司',
    level: 'county',
    kind: 'judicial',
    divisionCode: '330104',
    superior: { name: '江州市司法局', divisionCode: '330100' },
  };

  it('accepts a complete county office', () => {
    expect(officeIdentitySchema.parse(county)).toEqual(county);
  });

  it('requires a superior below province level and a field for industry departments', () => {
    const { superior: _, ...orphan } = county;
    const noSuperior = officeIdentitySchema.safeParse(orphan);
    expect(noSuperior.error?.issues.map((i) => i.message)).toContain('superior.required');
    const industry = officeIdentitySchema.safeParse({ ...county, kind: 'industry' });
    expect(industry.error?.issues.map((i) => i.message)).toContain('field.required');
    expect(officeIdentitySchema.safeParse({ ...county, kind: 'industry', field: 'transport' }).success).toBe(true);
    const { superior: __, ...province } = { ...county, level: 'province', divisionCode: '330000' };
    expect(officeIdentitySchema.safeParse(province).success).toBe(true);
  });

  it('rejects a code that does not fit the level', () => {
    const result = officeIdentitySchema.safeParse({ ...county, divisionCode: '330100' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['divisionCode'], message: 'divisionCode.level' }),
    ]);
  });
});
