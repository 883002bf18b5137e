import { z } from '../zod-setup';
import { isIsoDate } from './text';

const text = (max: number) => z.string().trim().max(max);
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'date' });

/** A count under a label, e.g. { label: '程序违法', count: 4 }. */
export const labelledCountSchema = z.object({ label: text(60).min(1), count: z.number().int().min(0) });
export type LabelledCount = z.infer<typeof labelledCountSchema>;

/**
 * A finding (问题) as a document needs it: the category's label in Chinese, what was
 * found, the rule breached and what the organ must do by when. The deadline is already
 * computed (working days with the holiday calendar are the dossier's business).
 */
export const sourceFindingSchema = z.object({
  category: text(60),
  description: text(2000),
  ruleBreached: text(500),
  rectification: text(1000),
  deadline: isoDateSchema.optional(),
});
export type SourceFinding = z.infer<typeof sourceFindingSchema>;

/**
 * Figures across dossiers for the annual report and circulars. Every part is optional:
 * a circular needs the review part, an annual report the rest.
 */
export const sourceStatisticsSchema = z.object({
  /** 统计期间, e.g. 2026年度 or 2026年1月至6月. */
  periodLabel: text(40).min(1),
  year: z.number().int().min(2000).max(2100).optional(),
  dossiers: z
    .object({
      total: z.number().int().min(0),
      closed: z.number().int().min(0),
      byKind: z.array(labelledCountSchema).max(30).default([]),
    })
    .optional(),
  findings: z
    .object({
      total: z.number().int().min(0),
      rectified: z.number().int().min(0),
      overdue: z.number().int().min(0),
      byCategory: z.array(labelledCountSchema).max(30).default([]),
    })
    .optional(),
  documents: z.object({ byType: z.array(labelledCountSchema).max(30).default([]) }).optional(),
  reviews: z
    .object({
      files: z.number().int().min(0),
      averageScore: z.number().min(0).max(100),
      byGrade: z.array(labelledCountSchema).max(10).default([]),
      typicalProblems: z.array(labelledCountSchema).max(30).default([]),
      excellentFiles: z.array(text(200)).max(50).default([]),
      subjects: z.number().int().min(0).optional(),
    })
    .optional(),
});
export type SourceStatistics = z.infer<typeof sourceStatisticsSchema>;

/**
 * What a document is filled from. The renderer assembles one from a dossier (or from
 * statistics across dossiers); documents never read dossiers themselves.
 */
export const documentSourceSchema = z.object({
  /** The dossier the document belongs to; its timeline records the issuance. */
  dossierId: text(100).optional(),
  /** The supervised organ, which is usually the main recipient (主送机关). */
  recipient: z.object({ name: text(100) }).optional(),
  matter: z
    .object({
      title: text(200),
      /** 案卷编号 of the dossier. */
      number: text(60).optional(),
      /** The legal basis of the supervision, e.g. 《行政执法监督条例》第二十二条. */
      basis: text(500).optional(),
      /** Where the matter came from, e.g. 12345热线转办. */
      source: text(200).optional(),
      /** When the supervision was carried out, free text, e.g. 2026年10月. */
      period: text(60).optional(),
    })
    .optional(),
  facts: text(20000).optional(),
  evidence: z.array(text(300)).max(200).optional(),
  findings: z.array(sourceFindingSchema).max(200).optional(),
  deadlines: z
    .object({
      /** Rectification deadline for the whole document. */
      rectification: isoDateSchema.optional(),
      /** When a reply or written report is due. */
      reply: isoDateSchema.optional(),
    })
    .optional(),
  /** A document this one follows, e.g. the opinion a decision enforces. */
  priorDocumentNumber: text(60).optional(),
  copyTo: z.array(text(100)).max(30).optional(),
  contact: z.object({ person: text(30), phone: text(40) }).optional(),
  statistics: sourceStatisticsSchema.optional(),
});
export type DocumentSource = z.input<typeof documentSourceSchema>;
export type ParsedDocumentSource = z.output<typeof documentSourceSchema>;
