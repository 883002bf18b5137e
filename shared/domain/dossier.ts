import { z } from '../zod-setup';

// The supervision dossier (监督案卷) and what hangs off it. These schemas describe the
// records the renderer keeps in IndexedDB and the data packages carry between offices.

const id = z.string().min(1).max(64);
const timestamp = z.string().datetime({ offset: true });
/** A calendar date without time, "2026-11-27". */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** 监督事项类型 (DOMAIN.md §3). */
export const DOSSIER_KINDS = [
  'routine', // 日常监督
  'focused', // 重点监督
  'special', // 专项监督 (a campaign over many subjects)
  'assigned', // 指定监督
  'escalated', // 提级监督
  'inspection', // 执法检查
  'enterprise', // 涉企行政执法监督
  'case_review', // 案卷评查
  'coordination', // 协调 (jurisdiction dispute)
  'clue', // 线索 / 投诉处理
] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

/** 线索来源 and other origins of a matter. */
export const MATTER_SOURCES = [
  'hotline_12345',
  'enterprise_appeal', // 涉企诉求
  'letters_visits', // 信访
  'citizen_report',
  'discipline_referral', // 纪检监察机关移送
  'procuratorate',
  'peoples_congress',
  'audit',
  'reconsideration', // 行政复议
  'media',
  'self_found',
  'superior_assignment',
  'annual_plan', // 年度监督计划
] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];

/** 调查方式: how the facts are established once a matter is opened. */
export const INVESTIGATION_METHODS = [
  'case_files', // 调阅案卷
  'written_review', // 书面审查
  'on_site', // 实地检查
  'interview', // 询问
  'hearing', // 听证
  'appraisal', // 委托鉴定
  'information_system', // 信息系统数据
] as const;
export type InvestigationMethod = (typeof INVESTIGATION_METHODS)[number];

/**
 * The workflow states of DOMAIN.md §4. The transitions and their guards live in
 * shared/workflow; this list is the vocabulary records are stored with.
 */
export const DOSSIER_STATUSES = [
  'registered', // 登记
  'not_opened', // 不予立项
  'opened', // 立项
  'investigating', // 调查核实
  'drafting', // 拟定处理意见
  'approved', // 审批
  'served', // 文书送达
  'rectifying', // 整改中
  'verifying', // 整改报告已收到，复核验收中
  'referred', // 移送其他机关，待回复
  'review_requested', // 申请复查
  'closed', // 办结
  'archived', // 归档
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * 密级. Only public and internal matter may be kept here: classified matter
 * (秘密/机密/绝密) must stay on classified systems, and the app refuses it.
 */
export const CONFIDENTIALITY_MARKINGS = ['public', 'internal'] as const;
export const CLASSIFIED_MARKINGS = ['secret', 'confidential', 'top_secret'] as const; // 秘密 / 机密 / 绝密
export type ConfidentialityMarking = (typeof CONFIDENTIALITY_MARKINGS)[number];

/** Where a record came from: made here, or received in a package from a lower organ. */
export const originSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own') }),
  z.object({
    kind: z.literal('received'),
    senderOrganName: z.string().min(1).max(80),
    senderDivisionCode: z.string().regex(/^\d{6}$/),
    /** The sender's fingerprint in the trust registry. */
    senderFingerprint: z.string().min(1).max(128),
    packageId: z.string().min(1).max(64),
    receivedAt: timestamp,
    /** The sender's registry names for the ids the dossier uses, which this office's registry lacks. */
    senderNames: z
      .object({
        subjects: z.record(z.string(), z.string().max(200)),
        organs: z.record(z.string(), z.string().max(200)),
        supervisors: z.record(z.string(), z.string().max(200)),
      })
      .optional(),
  }),
]);
export type RecordOrigin = z.infer<typeof originSchema>;

export const dossierLinksSchema = z.object({
  /** The campaign (专项监督 / 执法检查) this dossier is a child of. */
  parentId: id.optional(),
  /** The clue (线索) dossier it was opened from. */
  clueId: id.optional(),
  /** The dossier this matter was referred from (移送) or referred on to. */
  referralId: id.optional(),
  related: z.array(id).max(50).default([]),
});
export type DossierLinks = z.infer<typeof dossierLinksSchema>;

/** 处理文书: what the office sends the supervised organ once the facts are established. */
export const HANDLING_DOCUMENTS = ['notice', 'opinion', 'decision'] as const; // 通知书 / 意见书 / 决定书
export type HandlingDocument = (typeof HANDLING_DOCUMENTS)[number];

/** 督办措施 when rectification is late or inadequate (DOMAIN.md §4). */
export const ESCALATION_MEASURES = ['decision', 'leadership_talk', 'circular', 'discipline_referral'] as const;
export type EscalationMeasure = (typeof ESCALATION_MEASURES)[number];

/** 复查结果: the review upholds, varies or revokes the handling. */
export const REVIEW_OUTCOMES = ['upheld', 'varied', 'revoked'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/**
 * The workflow's own record on the dossier: what each step established. The state
 * machine (shared/workflow) is the only writer; the timeline keeps the history.
 */
export const dossierWorkflowSchema = z.object({
  /** 不予立项理由. */
  notOpenedReason: z.string().max(2000).optional(),
  handling: z
    .object({ document: z.enum(HANDLING_DOCUMENTS), draftedOn: isoDateSchema, summary: z.string().max(5000) })
    .optional(),
  /** 审批: who approved the handling document, and when. */
  approval: z.object({ by: z.string().min(1).max(80), on: isoDateSchema, opinion: z.string().max(2000) }).optional(),
  service: z
    .object({
      document: z.enum(HANDLING_DOCUMENTS),
      servedOn: isoDateSchema,
      documentNumber: z.string().max(60).optional(),
    })
    .optional(),
  referral: z
    .object({
      to: z.string().min(2).max(80),
      on: isoDateSchema,
      replyDue: isoDateSchema,
      reply: z.object({ on: isoDateSchema, summary: z.string().max(2000) }).optional(),
    })
    .optional(),
  review: z
    .object({
      requestedOn: isoDateSchema,
      reason: z.string().max(2000),
      decideBy: isoDateSchema,
      /** The status the dossier returns to when the review upholds the handling. */
      returnTo: z.enum(DOSSIER_STATUSES),
      outcome: z.enum(REVIEW_OUTCOMES).optional(),
      decidedOn: isoDateSchema.optional(),
    })
    .optional(),
  /** Measures taken against late or inadequate rectification, newest last. */
  escalations: z
    .array(z.object({ measure: z.enum(ESCALATION_MEASURES), on: isoDateSchema, note: z.string().max(2000) }))
    .max(50)
    .default([]),
  conclusion: z.string().max(2000).optional(),
});
export type DossierWorkflow = z.infer<typeof dossierWorkflowSchema>;

export const dossierSchema = z.object({
  id,
  /** 卷宗号, e.g. 青司监〔2026〕12号, unique per owning organ and year. */
  number: z.string().min(1).max(40),
  title: z.string().trim().min(2).max(200),
  kind: z.enum(DOSSIER_KINDS),
  source: z.enum(MATTER_SOURCES),
  methods: z.array(z.enum(INVESTIGATION_METHODS)).max(INVESTIGATION_METHODS.length).default([]),
  status: z.enum(DOSSIER_STATUSES),
  /** The organ handling the matter (the office itself for its own dossiers). */
  owningOrganId: id,
  /** 被监督对象: enforcement subjects and organs under supervision. */
  subjectIds: z.array(id).max(500).default([]),
  supervisedOrganIds: z.array(id).max(500).default([]),
  /** 承办人: supervisors handling the matter (registry ids). */
  handlerIds: z.array(id).max(20).default([]),
  registeredOn: isoDateSchema,
  openedOn: isoDateSchema.optional(),
  /** 办理期限. */
  deadline: isoDateSchema.optional(),
  closedOn: isoDateSchema.optional(),
  priority: z.enum(PRIORITIES),
  confidentiality: z.enum(CONFIDENTIALITY_MARKINGS),
  summary: z.string().max(5000).default(''),
  legalBasis: z.string().max(2000).default(''),
  tags: z.array(z.string().trim().min(1).max(30)).max(30).default([]),
  links: dossierLinksSchema,
  workflow: dossierWorkflowSchema.default({ escalations: [] }),
  origin: originSchema,
  /** Increases with each change; a package carrying an older version is refused. */
  version: z.number().int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Dossier = z.infer<typeof dossierSchema>;

export const SEVERITIES = ['minor', 'moderate', 'serious'] as const; // 一般 / 较重 / 严重
export type Severity = (typeof SEVERITIES)[number];

/** 整改状态: required → report received → verified / rejected (then report again). */
export const RECTIFICATION_STATUSES = ['required', 'report_received', 'verified', 'rejected', 'not_required'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** A deadline given as a number of calendar days or working days (工作日) from a date. */
export const rectificationDeadlineSchema = z.object({
  from: isoDateSchema,
  days: z.number().int().min(1).max(365),
  unit: z.enum(['calendar', 'working']),
  /** The computed due date, kept so lists can filter on it without the calendar. */
  due: isoDateSchema,
});
export type RectificationDeadline = z.infer<typeof rectificationDeadlineSchema>;

/** 问题: one problem found in the supervised enforcement. */
export const findingSchema = z.object({
  id,
  dossierId: id,
  /** Keys into the two-level taxonomy (shared/taxonomy). */
  category: z.string().min(1).max(40),
  subcategory: z.string().min(1).max(60),
  description: z.string().trim().min(2).max(5000),
  /** 违反的规定. */
  ruleBreached: z.string().max(1000).default(''),
  evidenceIds: z.array(id).max(200).default([]),
  severity: z.enum(SEVERITIES),
  rectificationRequirement: z.string().max(2000).default(''),
  deadline: rectificationDeadlineSchema.optional(),
  rectificationStatus: z.enum(RECTIFICATION_STATUSES),
  /** The supervised organ's latest rectification report (整改报告). */
  report: z.object({ receivedOn: isoDateSchema, summary: z.string().max(5000) }).optional(),
  /** 复核验收: who found the rectification done. */
  verification: z.object({ on: isoDateSchema, by: z.string().max(80), note: z.string().max(2000) }).optional(),
  /** Reports found inadequate so far, and why the latest was. */
  rejectionCount: z.number().int().min(0).default(0),
  lastRejection: z.object({ on: isoDateSchema, reason: z.string().max(2000) }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Finding = z.infer<typeof findingSchema>;

/** Still waiting for the organ: no report, or the last one was rejected. */
export function awaitsRectification(finding: Pick<Finding, 'rectificationStatus'>): boolean {
  return finding.rectificationStatus === 'required' || finding.rectificationStatus === 'rejected';
}

/** 整改逾期: the organ owes a report and the deadline has passed. */
export function isRectificationOverdue(
  finding: Pick<Finding, 'rectificationStatus' | 'deadline'>,
  today: string,
): boolean {
  return awaitsRectification(finding) && finding.deadline !== undefined && finding.deadline.due < today;
}

/** Rectification is settled: verified, or not required at all. */
export function rectificationSettled(finding: Pick<Finding, 'rectificationStatus'>): boolean {
  return finding.rectificationStatus === 'verified' || finding.rectificationStatus === 'not_required';
}

/**
 * 密级标志 such as "秘密★1年" or "机密" at the head of a text mark classified matter,
 * which this software must not hold. Returns the marking found, if any.
 */
export function findClassifiedMarking(text: string): string | null {
  const match = /(绝密|机密|秘密)\s*★/.exec(text) ?? /^\s*(绝密|机密|秘密)(?:\s|$|[，。:：])/m.exec(text);
  return match ? (match[1] ?? null) : null;
}

/** 证据材料: metadata in IndexedDB; the bytes live in the main process's content store. */
export const evidenceSchema = z.object({
  id,
  dossierId: id,
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(120),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: z.string().max(1000).default(''),
  addedAt: timestamp,
  addedBy: z.string().max(80),
  /** Evidence is never silently deleted: removal is recorded with a reason. */
  removed: z.object({ at: timestamp, by: z.string().max(80), reason: z.string().trim().min(2).max(500) }).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * One entry of a dossier's append-only timeline. `hash` = SHA-256 over the canonical
 * form of the event without `hash`, which includes `prevHash`: a hash chain.
 */
export const timelineEventSchema = z.object({
  id,
  dossierId: id,
  /** Position in the dossier's chain, from 1. */
  seq: z.number().int().min(1),
  at: timestamp,
  actor: z.string().max(80),
  type: z.string().min(1).max(60),
  from: z.enum(DOSSIER_STATUSES).optional(),
  to: z.enum(DOSSIER_STATUSES).optional(),
  reason: z.string().max(2000).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
