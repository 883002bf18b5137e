import { z } from '../zod-setup';
import { divisionCodeSchema, ENFORCEMENT_FIELDS, ORGAN_KINDS, ORGAN_LEVELS } from './office';

// Registries (基础名录): who supervises and who is supervised. Records are never
// hard-deleted once a dossier may refer to them; they are deactivated instead.

const id = z.string().min(1).max(64);
const name = z.string().trim().min(2).max(80);
const timestamp = z.string().datetime({ offset: true });

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
  legalBasis: z.string().trim().max(500),
  organId: id,
  /** 统一社会信用代码 where the subject has one. */
  creditCode: z.string().trim().max(18).optional(),
  active: z.boolean(),
  updatedAt: timestamp,
});
export type EnforcementSubject = z.infer<typeof enforcementSubjectSchema>;

export const OFFICER_STATUSES = ['active', 'suspended', 'revoked'] as const;

/** 执法人员, with an enforcement certificate number (执法证号) unique across the registry. */
export const enforcementOfficerSchema = z.object({
  id,
  name: z.string().trim().min(2).max(40),
  certificateNo: z.string().trim().min(4).max(40),
  subjectId: id,
  status: z.enum(OFFICER_STATUSES),
  updatedAt: timestamp,
});
export type EnforcementOfficer = z.infer<typeof enforcementOfficerSchema>;

/** 行政执法监督员, with a supervision-ID number (监督证号). */
export const supervisorSchema = z.object({
  id,
  name: z.string().trim().min(2).max(40),
  supervisionIdNo: z.string().trim().min(4).max(40),
  organId: id,
  active: z.boolean(),
  updatedAt: timestamp,
});
export type Supervisor = z.infer<typeof supervisorSchema>;
