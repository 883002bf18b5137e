import { isIsoDate } from '../calendar/dates';
import {
  DOSSIER_KINDS,
  type DossierKind,
  findClassifiedMarking,
  MATTER_SOURCES,
  type MatterSource,
  PRIORITIES,
} from '../domain/dossier';
import { isValidCreditCode } from '../enterprise/credit-code';
import { z } from '../zod-setup';

// 问题线索: a problem reported to the office (DOMAIN.md §3), registered, assessed (研判)
// within a deadline and then opened as a dossier, referred to another organ, or not
// opened. Clues are kept apart from dossiers: most never become one.

const id = z.string().min(1).max(64);
const timestamp = z.string().datetime({ offset: true });
const date = z.string().refine(isIsoDate, { message: 'date.invalid' });

/** Where a clue can come from: every matter source but the office's own annual plan. */
export const CLUE_SOURCES = MATTER_SOURCES.filter((s) => s !== 'annual_plan') as Exclude<MatterSource, 'annual_plan'>[];
export type ClueSource = (typeof CLUE_SOURCES)[number];

/**
 * pending: awaiting assessment (待研判); opened: a dossier was opened (已立项); referred:
 * sent to another organ, its reply awaited (已移送); replied: that organ replied (已回复);
 * not_opened: assessed and closed without a dossier (不予立项).
 */
export const CLUE_STATUSES = ['pending', 'opened', 'referred', 'replied', 'not_opened'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];

/** 研判结论. */
export const ASSESSMENT_OUTCOMES = ['opened', 'referred', 'not_opened'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

/**
 * The person who reported the matter (举报人). Protected: lists and exports show it
 * masked, the full text only after an explicit, recorded "show", and it never leaves
 * this computer in a package or a document.
 */
export const reporterSchema = z.object({
  anonymous: z.boolean(),
  name: z.string().trim().max(40).default(''),
  phone: z.string().trim().max(40).default(''),
  /** Address, e-mail or other way to reach the reporter. */
  contact: z.string().trim().max(200).default(''),
});
export type Reporter = z.infer<typeof reporterSchema>;

export const clueEnterpriseSchema = z.object({
  name: z.string().trim().min(2).max(120),
  creditCode: z.string().trim().toUpperCase().max(18).default(''),
});

/** A clue raised from a flag over enterprise inspections (涉企检查预警). */
export const clueOriginSchema = z.object({
  kind: z.literal('inspection_flag'),
  flagKey: z.string().min(1).max(200),
  inspectionIds: z.array(id).max(200),
});
export type ClueOrigin = z.infer<typeof clueOriginSchema>;

export const clueReferralSchema = z.object({
  /** 接收机关. */
  to: z.string().trim().min(2).max(80),
  reason: z.string().trim().max(2000),
  on: date,
  /** Reply expected within the referral period in working days. */
  replyDue: date,
  reply: z
    .object({
      on: date,
      summary: z.string().trim().max(2000),
      /** Replied after replyDue. */
      late: z.boolean(),
      recordedBy: z.string().max(80),
    })
    .optional(),
});
export type ClueReferral = z.infer<typeof clueReferralSchema>;

export const clueSchema = z.object({
  id,
  /** 线索编号, e.g. 青司线〔2026〕5号. */
  number: z.string().min(1).max(40),
  source: z.enum(CLUE_SOURCES),
  receivedOn: date,
  title: z.string().trim().min(2).max(200),
  content: z.string().trim().min(2).max(5000),
  subjectIds: z.array(id).max(50).default([]),
  supervisedOrganIds: z.array(id).max(50).default([]),
  enterprise: clueEnterpriseSchema.optional(),
  /** Indexed copy of enterprise.creditCode, for finding related clues. */
  creditCode: z.string().max(18).optional(),
  reporter: reporterSchema.optional(),
  /** The kind of dossier the clue would become. */
  proposedKind: z.enum(DOSSIER_KINDS),
  priority: z.enum(PRIORITIES),
  status: z.enum(CLUE_STATUSES),
  /** 研判期限. */
  assessDue: date,
  assessment: z
    .object({
      outcome: z.enum(ASSESSMENT_OUTCOMES),
      on: date,
      by: z.string().max(80),
      note: z.string().max(2000),
    })
    .optional(),
  /** The dossier opened from the clue (its links.clueId points back). */
  dossierId: id.optional(),
  referral: clueReferralSchema.optional(),
  /** Indexed copy of referral.replyDue while the reply is awaited. */
  replyDue: date.optional(),
  /** Clues the registration pointed out as likely duplicates. */
  similarIds: z.array(id).max(10).default([]),
  origin: clueOriginSchema.optional(),
  createdBy: z.string().max(80),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number().int().min(1),
});
export type Clue = z.infer<typeof clueSchema>;

/** What the clerk fills in to register a clue. */
export const clueDraftSchema = z
  .object({
    source: z.enum(CLUE_SOURCES),
    receivedOn: date,
    title: z.string().trim().min(2).max(200),
    content: z.string().trim().min(2).max(5000),
    subjectIds: z.array(id).max(50).default([]),
    supervisedOrganIds: z.array(id).max(50).default([]),
    enterpriseName: z.string().trim().max(120).default(''),
    creditCode: z.string().trim().toUpperCase().max(18).default(''),
    reporter: reporterSchema.optional(),
    proposedKind: z.enum(DOSSIER_KINDS).default('clue'),
    priority: z.enum(PRIORITIES).default('normal'),
    similarIds: z.array(id).max(10).default([]),
    origin: clueOriginSchema.optional(),
  })
  .superRefine((draft, ctx) => {
    for (const field of ['title', 'content'] as const) {
      if (findClassifiedMarking(draft[field])) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'dossier.classifiedMarking' });
      }
    }
    if (draft.creditCode && !isValidCreditCode(draft.creditCode)) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'clue.creditCode' });
    }
    if (draft.creditCode && draft.enterpriseName.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['enterpriseName'], message: 'clue.enterpriseName' });
    }
    const r = draft.reporter;
    if (r && !r.anonymous && !r.name && !r.phone && !r.contact) {
      ctx.addIssue({ code: 'custom', path: ['reporter', 'name'], message: 'clue.reporterMissing' });
    }
  });
export type ClueDraft = z.output<typeof clueDraftSchema>;
export type ClueDraftInput = z.input<typeof clueDraftSchema>;

/**
 * 线索编号: `<机关简称>线〔<年度>〕<序号>号`, in the GB/T 9704 number style the
 * office's dossier numbers use.
 */
export function formatClueNumber(shortName: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence starts at 1');
  return `${shortName}线〔${year}〕${sequence}号`;
}

export function clueCounterKey(year: number): string {
  return `clueNumber:${year}`;
}

/** The dossier kind a clue of this source usually becomes. */
export function defaultKindFor(source: ClueSource): DossierKind {
  if (source === 'enterprise_appeal') return 'enterprise';
  if (source === 'superior_assignment') return 'assigned';
  return 'clue';
}

/** Sources whose clues normally name a reporter. */
export function sourceHasReporter(source: ClueSource): boolean {
  return ['hotline_12345', 'enterprise_appeal', 'letters_visits', 'citizen_report', 'media'].includes(source);
}
