import { z } from '../zod-setup';

/** 行政级别: the four levels of the supervision system. */
export const ORGAN_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type OrganLevel = (typeof ORGAN_LEVELS)[number];

/** 机关类别. "judicial" is the 司法行政部门 that supervises on behalf of its government. */
export const ORGAN_KINDS = ['judicial', 'government', 'industry'] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

/** 行业领域 of an industry department (执法领域). */
export const ENFORCEMENT_FIELDS = [
  'market_regulation',
  'ecology_environment',
  'transport',
  'emergency_management',
  'agriculture_rural',
  'culture_tourism',
  'urban_management',
  'health',
  'natural_resources',
  'public_security',
  'housing_construction',
  'water_resources',
  'taxation',
  'other',
] as const;
export type EnforcementField = (typeof ENFORCEMENT_FIELDS)[number];

/** First two digits of every valid province-level division code (GB/T 2260). */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type DivisionCodeProblem = 'format' | 'province' | 'level';

/**
 * Checks a 6-digit 行政区划代码 against GB/T 2260's structure and the organ's level.
 * A township uses its county's code, since 6 digits stop at county level.
 */
export function checkDivisionCode(code: string, level?: OrganLevel): DivisionCodeProblem | null {
  if (!/^\d{6}$/.test(code)) return 'format';
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return 'province';
  if (!level) return null;
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  const shapeFits =
    level === 'province'
      ? city === '00' && county === '00'
      : level === 'city'
        ? city !== '00' && county === '00'
        : county !== '00';
  return shapeFits ? null : 'level';
}

export const divisionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: 'divisionCode.format' })
  .refine((c) => checkDivisionCode(c) === null, { message: 'divisionCode.province' });

export const superiorOrganSchema = z.object({
  name: z.string().trim().min(2).max(60),
  divisionCode: divisionCodeSchema,
});

const officeFieldsSchema = z.object({
  name: z.string().trim().min(2).max(60),
  /** 机关简称, the prefix of document numbers, e.g. 县司 in 县司执监〔2026〕3号. */
  shortName: z.string().trim().min(1).max(10),
  level: z.enum(ORGAN_LEVELS),
  kind: z.enum(ORGAN_KINDS),
  field: z.enum(ENFORCEMENT_FIELDS).optional(),
  divisionCode: divisionCodeSchema,
  /** 上级机关 the office reports to; a provincial office may report to a ministry. */
  superior: superiorOrganSchema.optional(),
});

export interface OfficeIssue {
  path: string[];
  /** Catalogue key under errors.fields. */
  message: string;
}

/**
 * Rules that tie fields together. Kept apart from the object schema so a form can
 * report them while other fields are still empty (zod runs refinements only on
 * otherwise valid objects).
 */
export function officeCrossFieldIssues(office: {
  level?: unknown;
  kind?: unknown;
  field?: unknown;
  divisionCode?: unknown;
  superior?: unknown;
}): OfficeIssue[] {
  const issues: OfficeIssue[] = [];
  const level = (ORGAN_LEVELS as readonly unknown[]).includes(office.level) ? (office.level as OrganLevel) : undefined;
  if (typeof office.divisionCode === 'string' && level && checkDivisionCode(office.divisionCode, level) === 'level') {
    issues.push({ path: ['divisionCode'], message: 'divisionCode.level' });
  }
  if (office.kind === 'industry' && !office.field) {
    issues.push({ path: ['field'], message: 'field.required' });
  }
  if (level && level !== 'province' && !office.superior) {
    issues.push({ path: ['superior'], message: 'superior.required' });
  }
  return issues;
}

/** The identity of the office running this copy of the app (本机关). */
export const officeIdentitySchema = officeFieldsSchema.superRefine((office, ctx) => {
  for (const issue of officeCrossFieldIssues(office)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
});

/** Field schema without the cross-field rules, for validating a form step by step. */
export const officeFieldsOnlySchema = officeFieldsSchema;

export type OfficeIdentity = z.infer<typeof officeIdentitySchema>;
