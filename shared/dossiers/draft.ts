import { isIsoDate } from '../calendar/dates';
import {
  CLASSIFIED_MARKINGS,
  CONFIDENTIALITY_MARKINGS,
  DOSSIER_KINDS,
  type Dossier,
  type Finding,
  findClassifiedMarking,
  MATTER_SOURCES,
  PRIORITIES,
  SEVERITIES,
} from '../domain/dossier';
import { isTaxonomyPair } from '../taxonomy/findings';
import { z } from '../zod-setup';

// What the clerk fills in. Field messages are catalogue keys under errors:fields
// (custom ones) or zod's own issue kinds, turned into text by the form.

const id = z.string().min(1).max(64);
const date = z.string().refine(isIsoDate, { message: 'date.invalid' });
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** Every marking the form offers: classified ones exist only to be refused, with the reason. */
export const FORM_MARKINGS = [...CONFIDENTIALITY_MARKINGS, ...CLASSIFIED_MARKINGS] as const;

export const dossierDraftSchema = z
  .object({
    title: z.string().trim().min(2).max(200),
    kind: z.enum(DOSSIER_KINDS),
    source: z.enum(MATTER_SOURCES),
    subjectIds: z.array(id).max(500).default([]),
    supervisedOrganIds: z.array(id).max(500).default([]),
    handlerIds: z.array(id).max(20).default([]),
    registeredOn: date,
    deadline: date.optional(),
    priority: z.enum(PRIORITIES),
    confidentiality: z.enum(FORM_MARKINGS),
    summary: optionalText(5000),
    legalBasis: optionalText(2000),
    tags: z.array(z.string().trim().min(1).max(30)).max(30).default([]),
    parentId: id.optional(),
    clueId: id.optional(),
    referralId: id.optional(),
  })
  .superRefine((draft, ctx) => {
    if ((CLASSIFIED_MARKINGS as readonly string[]).includes(draft.confidentiality)) {
      ctx.addIssue({ code: 'custom', path: ['confidentiality'], message: 'dossier.classified' });
    }
    for (const field of ['title', 'summary', 'legalBasis'] as const) {
      if (findClassifiedMarking(draft[field])) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'dossier.classifiedMarking' });
      }
    }
    if (draft.subjectIds.length === 0 && draft.supervisedOrganIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['subjectIds'], message: 'dossier.subjectRequired' });
    }
    if (draft.deadline && draft.deadline < draft.registeredOn) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'dossier.deadlineBeforeRegistration' });
    }
  });
export type DossierDraft = z.output<typeof dossierDraftSchema>;
export type DossierDraftInput = z.input<typeof dossierDraftSchema>;

/** The draft fields of an existing dossier, for the edit form. */
export function draftOf(dossier: Dossier): DossierDraftInput {
  return {
    title: dossier.title,
    kind: dossier.kind,
    source: dossier.source,
    subjectIds: dossier.subjectIds,
    supervisedOrganIds: dossier.supervisedOrganIds,
    handlerIds: dossier.handlerIds,
    registeredOn: dossier.registeredOn,
    ...(dossier.deadline ? { deadline: dossier.deadline } : {}),
    priority: dossier.priority,
    confidentiality: dossier.confidentiality,
    summary: dossier.summary,
    legalBasis: dossier.legalBasis,
    tags: dossier.tags,
    ...(dossier.links.parentId ? { parentId: dossier.links.parentId } : {}),
    ...(dossier.links.clueId ? { clueId: dossier.links.clueId } : {}),
    ...(dossier.links.referralId ? { referralId: dossier.links.referralId } : {}),
  };
}

export const findingDraftSchema = z
  .object({
    category: z.string().min(1).max(40),
    subcategory: z.string().min(1).max(60),
    description: z.string().trim().min(2).max(5000),
    ruleBreached: optionalText(1000),
    severity: z.enum(SEVERITIES),
    rectificationRequired: z.boolean().default(true),
    rectificationRequirement: optionalText(2000),
    /** 整改期限: counted from service of the handling document. */
    deadlineDays: z.number().int().min(1).max(365).optional(),
    deadlineUnit: z.enum(['calendar', 'working']).default('calendar'),
    evidenceIds: z.array(id).max(200).default([]),
  })
  .superRefine((draft, ctx) => {
    if (!isTaxonomyPair(draft.category, draft.subcategory)) {
      ctx.addIssue({ code: 'custom', path: ['subcategory'], message: 'finding.category' });
    }
    if (findClassifiedMarking(draft.description)) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'dossier.classifiedMarking' });
    }
    if (draft.rectificationRequired && draft.rectificationRequirement.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['rectificationRequirement'], message: 'finding.requirementRequired' });
    }
  });
export type FindingDraft = z.output<typeof findingDraftSchema>;
export type FindingDraftInput = z.input<typeof findingDraftSchema>;

export function findingDraftOf(finding: Finding): FindingDraftInput {
  return {
    category: finding.category,
    subcategory: finding.subcategory,
    description: finding.description,
    ruleBreached: finding.ruleBreached,
    severity: finding.severity,
    rectificationRequired: finding.rectificationStatus !== 'not_required',
    rectificationRequirement: finding.rectificationRequirement,
    ...(finding.deadline ? { deadlineDays: finding.deadline.days, deadlineUnit: finding.deadline.unit } : {}),
    evidenceIds: finding.evidenceIds,
  };
}
