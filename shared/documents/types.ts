/**
 * The twelve documents a supervision office issues (DOMAIN.md §7). Ids are stable: they are
 * stored in records and in number prefixes' settings.
 */
export const DOCUMENT_TYPES = [
  'supervision_notice', // 行政执法监督通知书
  'supervision_opinion', // 行政执法监督意见书
  'supervision_decision', // 行政执法监督决定书
  'rectification_notice', // 整改通知书
  'review_decision', // 复查决定书
  'clue_referral', // 问题线索移送函
  'urging_letter', // 督办函
  'talk_notice', // 约谈通知
  'coordination_opinion', // 协调意见书
  'inspection_report', // 执法检查 / 专项监督报告
  'review_circular', // 案卷评查情况通报
  'annual_report', // 年度行政执法监督工作报告
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** GB/T 9704-2012 gives two layouts: the red-header 文件格式 and the 信函格式. */
export type DocumentFormat = 'redHeader' | 'letter';

export interface DocumentTypeInfo {
  format: DocumentFormat;
  /**
   * Appended to the office's short name to make the default number prefix, e.g. 青司 + 执监意
   * → 青司执监意〔2026〕3号. Offices may override the whole prefix per type.
   */
  prefixSuffix: string;
  /** 上行文 (to a superior) carry the 签发人 beside the number. */
  upward: boolean;
  /** The type draws on statistics across dossiers rather than on one dossier. */
  statistical: boolean;
}

export const DOCUMENT_TYPE_INFO: Record<DocumentType, DocumentTypeInfo> = {
  supervision_notice: { format: 'redHeader', prefixSuffix: '执监通', upward: false, statistical: false },
  supervision_opinion: { format: 'redHeader', prefixSuffix: '执监意', upward: false, statistical: false },
  supervision_decision: { format: 'redHeader', prefixSuffix: '执监决', upward: false, statistical: false },
  rectification_notice: { format: 'redHeader', prefixSuffix: '执监改', upward: false, statistical: false },
  review_decision: { format: 'redHeader', prefixSuffix: '执监复', upward: false, statistical: false },
  clue_referral: { format: 'letter', prefixSuffix: '执监移', upward: false, statistical: false },
  urging_letter: { format: 'letter', prefixSuffix: '执监督', upward: false, statistical: false },
  talk_notice: { format: 'letter', prefixSuffix: '执监约', upward: false, statistical: false },
  coordination_opinion: { format: 'redHeader', prefixSuffix: '执监协', upward: false, statistical: false },
  inspection_report: { format: 'redHeader', prefixSuffix: '执监报', upward: true, statistical: true },
  review_circular: { format: 'redHeader', prefixSuffix: '执监评', upward: false, statistical: true },
  annual_report: { format: 'redHeader', prefixSuffix: '报', upward: true, statistical: true },
};

/** The default number prefix of a type for an office, e.g. 青司执监意. */
export function defaultNumberPrefix(type: DocumentType, officeShortName: string): string {
  return `${officeShortName}${DOCUMENT_TYPE_INFO[type].prefixSuffix}`;
}

/** Prefixes an office has set itself, by type; types not listed use the default. */
export type NumberPrefixOverrides = Partial<Record<DocumentType, string>>;

export function numberPrefixFor(type: DocumentType, officeShortName: string, overrides: NumberPrefixOverrides): string {
  return overrides[type] ?? defaultNumberPrefix(type, officeShortName);
}
