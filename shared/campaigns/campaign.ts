import { isIsoDate } from '../calendar/dates';
import { type Dossier, findClassifiedMarking, MATTER_SOURCES, PRIORITIES } from '../domain/dossier';
import type { DossierDraftInput } from '../dossiers/draft';
import { findCategory, isTaxonomyPair } from '../taxonomy/findings';
import { z } from '../zod-setup';

// 专项监督 and 执法检查 campaigns (DOMAIN.md §3): one plan over many enforcement subjects.
// The plan belongs to a parent dossier (kind special or inspection); each subject gets a
// child dossier (links.parentId) in which its findings are recorded as usual. The
// campaign's progress and report are computed from the children.

const id = z.string().min(1).max(64);
const date = z.string().refine(isIsoDate, { message: 'date.invalid' });

export const CAMPAIGN_KINDS = ['special', 'inspection'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/**
 * 检查事项: one point of the checklist. Findings of its taxonomy category (and item,
 * when one is given) in the children are counted against it.
 */
export const checklistItemSchema = z
  .object({
    id,
    title: z.string().trim().min(2).max(200),
    category: z.string().min(1).max(40),
    subcategory: z.string().max(60).default(''),
    /** 检查依据. */
    basis: z.string().trim().max(500).default(''),
  })
  .superRefine((item, ctx) => {
    if (!findCategory(item.category)) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'campaign.category' });
    } else if (item.subcategory && !isTaxonomyPair(item.category, item.subcategory)) {
      ctx.addIssue({ code: 'custom', path: ['subcategory'], message: 'campaign.category' });
    }
  });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const campaignPlanSchema = z.object({
  /** The parent dossier's id. */
  dossierId: id,
  /** 监督范围. */
  scope: z.string().trim().min(2).max(2000),
  legalBasis: z.string().trim().min(2).max(1000),
  periodFrom: date,
  periodTo: date,
  subjectIds: z.array(id).min(1).max(500),
  checklist: z.array(checklistItemSchema).min(1).max(60),
  /** Child dossier of each subject, once created. */
  children: z
    .array(z.object({ subjectId: id, dossierId: id }))
    .max(500)
    .default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignPlan = z.infer<typeof campaignPlanSchema>;

/** What the clerk fills in to start a campaign: the parent dossier's fields and the plan. */
export const campaignDraftSchema = z
  .object({
    title: z.string().trim().min(2).max(200),
    kind: z.enum(CAMPAIGN_KINDS),
    source: z.enum(MATTER_SOURCES).default('annual_plan'),
    priority: z.enum(PRIORITIES).default('normal'),
    scope: z.string().trim().min(2).max(2000),
    legalBasis: z.string().trim().min(2).max(1000),
    periodFrom: date,
    periodTo: date,
    subjectIds: z.array(id).min(1, { message: 'campaign.subjects' }).max(500),
    handlerIds: z.array(id).max(20).default([]),
    checklist: z
      .array(
        z.object({
          title: z.string().trim().min(2).max(200),
          category: z.string().min(1).max(40),
          subcategory: z.string().max(60).default(''),
          basis: z.string().trim().max(500).default(''),
        }),
      )
      .min(1, { message: 'campaign.checklist' })
      .max(60),
  })
  .superRefine((draft, ctx) => {
    if (draft.periodTo < draft.periodFrom) {
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'campaign.period' });
    }
    for (const field of ['title', 'scope'] as const) {
      if (findClassifiedMarking(draft[field])) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'dossier.classifiedMarking' });
      }
    }
    draft.checklist.forEach((item, i) => {
      if (!findCategory(item.category)) {
        ctx.addIssue({ code: 'custom', path: ['checklist', i, 'category'], message: 'campaign.category' });
      } else if (item.subcategory && !isTaxonomyPair(item.category, item.subcategory)) {
        ctx.addIssue({ code: 'custom', path: ['checklist', i, 'subcategory'], message: 'campaign.category' });
      }
    });
  });
export type CampaignDraft = z.output<typeof campaignDraftSchema>;
export type CampaignDraftInput = z.input<typeof campaignDraftSchema>;

/** The parent dossier of a new campaign: it names every subject the plan covers. */
export function parentDossierDraft(draft: CampaignDraft, registeredOn: string): DossierDraftInput {
  return {
    title: draft.title,
    kind: draft.kind,
    source: draft.source,
    subjectIds: draft.subjectIds,
    supervisedOrganIds: [],
    handlerIds: draft.handlerIds,
    registeredOn,
    deadline: draft.periodTo >= registeredOn ? draft.periodTo : registeredOn,
    priority: draft.priority,
    confidentiality: 'internal',
    summary: draft.scope,
    legalBasis: draft.legalBasis,
    tags: [],
  };
}

/** 检查清单 as text for each child's summary: the clerk sees what to check. */
export function checklistText(checklist: readonly Pick<ChecklistItem, 'title' | 'basis'>[]): string {
  return checklist.map((c, i) => `${i + 1}. ${c.title}${c.basis ? `（${c.basis}）` : ''}`).join('\n');
}

/** The child dossier of one subject: the parent's matter, narrowed to the subject. */
export function childDossierDraft(
  parent: Pick<Dossier, 'id' | 'title' | 'kind' | 'source' | 'handlerIds' | 'priority' | 'legalBasis' | 'summary'>,
  plan: Pick<CampaignPlan, 'periodTo' | 'checklist'>,
  subject: { id: string; name: string; organId?: string },
  registeredOn: string,
): DossierDraftInput {
  return {
    title: `${parent.title}（${subject.name}）`.slice(0, 200),
    kind: parent.kind,
    source: parent.source,
    subjectIds: [subject.id],
    supervisedOrganIds: subject.organId ? [subject.organId] : [],
    handlerIds: parent.handlerIds,
    registeredOn,
    deadline: plan.periodTo >= registeredOn ? plan.periodTo : registeredOn,
    priority: parent.priority,
    confidentiality: 'internal',
    summary: `${parent.summary}\n\n检查事项：\n${checklistText(plan.checklist)}`.slice(0, 5000),
    legalBasis: parent.legalBasis,
    tags: [],
    parentId: parent.id,
  };
}

/** Subjects of the plan that have no child dossier yet. */
export function subjectsWithoutChild(plan: Pick<CampaignPlan, 'subjectIds' | 'children'>): string[] {
  const done = new Set(plan.children.map((c) => c.subjectId));
  return plan.subjectIds.filter((s) => !done.has(s));
}

/**
 * A starting checklist for enforcement of enterprise-related matters: the points most
 * campaigns check, as taxonomy pairs (titles come from the taxonomy, in the clerk's
 * language). The clerk edits it freely.
 */
export const CHECKLIST_TEMPLATE: readonly { category: string; subcategory: string }[] = [
  { category: 'subject', subcategory: 'no_certificate' },
  { category: 'procedure', subcategory: 'no_hearing' },
  { category: 'procedure', subcategory: 'no_legal_review' },
  { category: 'discretion', subcategory: 'benchmark_not_applied' },
  { category: 'three_systems', subcategory: '' },
  { category: 'arbitrary', subcategory: '' },
  { category: 'enterprise_inspection', subcategory: 'repeat_inspection' },
];
