import { isValidCreditCode } from '../enterprise/credit-code';
import { z } from '../zod-setup';
import { checkDivisionCode, divisionCodeSchema, ENFORCEMENT_FIELDS, ORGAN_KINDS, ORGAN_LEVELS } from './office';

// Registries (基础名录): who supervises and who is supervised. Records are never
// hard-deleted once a dossier may refer to them; they are deactivated instead.

const id = z.string().min(1).max(64);
const name = z.string().trim().min(2).max(80);
const timestamp = z.string().datetime({ offset: true });

export const REGISTRY_KINDS = ['organs', 'subjects', 'officers', 'supervisors'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** 机关: an organ in the four-level tree. */
export const organSchema = z.object({
  id,
  name,
  shortName: z.string().trim().min(1).max(12),
  level: z.enum(ORGAN_LEVELS),
  kind: z.enum(ORGAN_KINDS),
  field: z.enum(ENFORCEMENT_FIELDS).optional(),
  divisionCode: divisionCodeSchema,
  parentId: id.optional(),
  active: z.boolean(),
  updatedAt: timestamp,
});
export type Organ = z.infer<typeof organSchema>;

/** 执法主体类型: statutory organ / organisation authorised by law / entrusted organisation. */
export const SUBJECT_TYPES = ['statutory', 'authorised', 'entrusted'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** 执法主体: an enforcement subject under supervision. */
export const enforcementSubjectSchema = z.object({
  id,
  name,
  type: z.enum(SUBJECT_TYPES),
  field: z.enum(ENFORCEMENT_FIELDS),
  /** 法定依据: the law, regulation or entrustment that gives the subject its powers. */
  legalBasis: z.string().trim().min(2).max(500),
  organId: id,
  /** 统一社会信用代码 where the subject has one. */
  creditCode: z.string().trim().toUpperCase().refine(isValidCreditCode, { message: 'creditCode.invalid' }).optional(),
  active: z.boolean(),
  updatedAt: timestamp,
});
export type EnforcementSubject = z.infer<typeof enforcementSubjectSchema>;

/** 执法证状态: the certificate is valid, suspended (暂扣) or revoked (注销/吊销). */
export const OFFICER_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

/**
 * Certificate and supervision-ID numbers are compared as written without spaces and
 * with Latin letters upper-cased, so "浙 a-001" and "浙A-001" are one number.
 */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const idNumber = z.string().trim().min(4).max(40).transform(normalizeIdNumber);

/**
 * 执法人员, with an enforcement certificate number (执法证号) unique across the registry.
 * `status` is the certificate's; `active` is whether the record is still in use
 * (an officer who has left keeps the record, deactivated).
 */
export const enforcementOfficerSchema = z.object({
  id,
  name: z.string().trim().min(2).max(40),
  certificateNo: idNumber,
  subjectId: id,
  status: z.enum(OFFICER_STATUSES),
  active: z.boolean(),
  updatedAt: timestamp,
});
export type EnforcementOfficer = z.infer<typeof enforcementOfficerSchema>;

/** 行政执法监督员, with a supervision-ID number (监督证号) unique across the registry. */
export const supervisorSchema = z.object({
  id,
  name: z.string().trim().min(2).max(40),
  supervisionIdNo: idNumber,
  organId: id,
  active: z.boolean(),
  updatedAt: timestamp,
});
export type Supervisor = z.infer<typeof supervisorSchema>;

export type RegistryRecord = Organ | EnforcementSubject | EnforcementOfficer | Supervisor;
export interface RegistryRecords {
  organs: Organ;
  subjects: EnforcementSubject;
  officers: EnforcementOfficer;
  supervisors: Supervisor;
}

export const REGISTRY_SCHEMAS = {
  organs: organSchema,
  subjects: enforcementSubjectSchema,
  officers: enforcementOfficerSchema,
  supervisors: supervisorSchema,
} as const;

/** Order of the levels from the top; a parent is never below its child. */
export const levelRank = (level: (typeof ORGAN_LEVELS)[number]): number => ORGAN_LEVELS.indexOf(level);

/** Rules that tie an organ's own fields together (catalogue keys under errors.fields). */
export function organCrossFieldIssues(organ: {
  level?: unknown;
  kind?: unknown;
  field?: unknown;
  divisionCode?: unknown;
}): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const level = (ORGAN_LEVELS as readonly unknown[]).includes(organ.level)
    ? (organ.level as (typeof ORGAN_LEVELS)[number])
    : undefined;
  if (typeof organ.divisionCode === 'string' && level && checkDivisionCode(organ.divisionCode, level) === 'level') {
    issues.push({ path: ['divisionCode'], message: 'divisionCode.level' });
  }
  if (organ.kind === 'industry' && !organ.field) issues.push({ path: ['field'], message: 'field.required' });
  return issues;
}
