import type { Locale } from '../domain/locale';

/**
 * The two-level problem taxonomy for findings (问题分类, DOMAIN.md §5), as data with both
 * languages' labels. Keys are stored on findings and in packages: never rename one;
 * add new items instead.
 */
export interface TaxonomyLabel {
  key: string;
  zh: string;
  en: string;
}
export interface TaxonomyCategory extends TaxonomyLabel {
  items: readonly TaxonomyLabel[];
}

export const FINDING_TAXONOMY: readonly TaxonomyCategory[] = [
  {
    key: 'subject',
    zh: '执法主体与资格',
    en: 'Subject and qualification',
    items: [
      { key: 'illegal_subject', zh: '执法主体不合法', en: 'Unlawful enforcement subject' },
      { key: 'no_certificate', zh: '执法人员无执法证件', en: 'Officer without enforcement certificate' },
      { key: 'certificate_not_shown', zh: '未出示执法证件', en: 'Certificate not shown' },
      { key: 'single_officer', zh: '执法人员少于两人', en: 'Fewer than two officers' },
      { key: 'beyond_entrustment', zh: '受委托组织超出委托范围', en: 'Entrusted body beyond its mandate' },
    ],
  },
  {
    key: 'authority',
    zh: '执法权限',
    en: 'Authority',
    items: [
      { key: 'ultra_vires', zh: '超越职权', en: 'Ultra vires' },
      { key: 'abuse', zh: '滥用职权', en: 'Abuse of power' },
      { key: 'outside_jurisdiction', zh: '超出管辖范围', en: 'Outside jurisdiction' },
      { key: 'cross_region', zh: '违法异地执法', en: 'Unlawful cross-region enforcement' },
    ],
  },
  {
    key: 'facts',
    zh: '事实与证据',
    en: 'Facts and evidence',
    items: [
      { key: 'unclear_facts', zh: '认定事实不清', en: 'Facts unclear' },
      { key: 'insufficient_evidence', zh: '主要证据不足', en: 'Insufficient evidence' },
      { key: 'illegal_evidence', zh: '证据取得不合法', en: 'Evidence obtained unlawfully' },
      { key: 'evidence_unverified', zh: '证据未经核实', en: 'Evidence not verified' },
    ],
  },
  {
    key: 'law',
    zh: '法律适用',
    en: 'Law applied',
    items: [
      { key: 'wrong_law', zh: '适用依据错误', en: 'Wrong law applied' },
      { key: 'wrong_article', zh: '引用条款不准确', en: 'Article cited inaccurately' },
      { key: 'wrong_classification', zh: '违法行为定性错误', en: 'Wrong classification of the offence' },
    ],
  },
  {
    key: 'procedure',
    zh: '执法程序',
    en: 'Procedure',
    items: [
      { key: 'no_notice', zh: '未履行告知义务', en: 'Rights not notified' },
      { key: 'no_hearing', zh: '未告知或未组织听证', en: 'Hearing right not given' },
      { key: 'late_decision', zh: '超期作出决定', en: 'Decision made late' },
      { key: 'no_legal_review', zh: '重大执法决定未经法制审核', en: 'Major decision without legal review' },
      { key: 'no_collective_discussion', zh: '应集体讨论未讨论', en: 'No collective discussion where required' },
      { key: 'service_defect', zh: '送达程序不规范', en: 'Defective service' },
    ],
  },
  {
    key: 'discretion',
    zh: '行政裁量',
    en: 'Discretion',
    items: [
      { key: 'benchmark_unpublished', zh: '裁量基准未公布', en: 'Discretion benchmark not published' },
      { key: 'benchmark_not_applied', zh: '未适用裁量基准', en: 'Benchmark not applied' },
      { key: 'maximum_without_reason', zh: '顶格处罚未说明理由', en: 'Maximum penalty without reasons' },
      { key: 'disproportionate', zh: '处罚畸轻畸重', en: 'Disproportionate penalty' },
    ],
  },
  {
    key: 'three_systems',
    zh: '三项制度',
    en: 'The three systems',
    items: [
      { key: 'publicity', zh: '执法公示不到位', en: 'Enforcement publicity lacking' },
      { key: 'recording', zh: '执法全过程记录缺失', en: 'Full-process recording missing' },
      { key: 'legal_review', zh: '法制审核制度未落实', en: 'Legal review system not applied' },
    ],
  },
  {
    key: 'inaction',
    zh: '不作为',
    en: 'Failure to act',
    items: [
      { key: 'case_not_filed', zh: '有案不立', en: 'Case not filed' },
      { key: 'shirking', zh: '推诿扯皮', en: 'Shirking responsibility' },
      { key: 'delay', zh: '拖延履职', en: 'Delay in performing duties' },
      { key: 'lax_supervision', zh: '监管不到位', en: 'Lax regulation' },
    ],
  },
  {
    key: 'arbitrary',
    zh: '乱作为与趋利性执法',
    en: 'Arbitrary or profit-driven enforcement',
    items: [
      { key: 'profit_driven', zh: '趋利性执法', en: 'Profit-driven enforcement' },
      { key: 'fine_instead_of_regulation', zh: '以罚代管', en: 'Fines in place of regulation' },
      { key: 'arbitrary_fees', zh: '乱收费', en: 'Arbitrary fees' },
      { key: 'arbitrary_fines', zh: '乱罚款', en: 'Arbitrary fines' },
      { key: 'arbitrary_inspections', zh: '乱检查', en: 'Arbitrary inspections' },
      { key: 'arbitrary_seizures', zh: '乱查封', en: 'Arbitrary seizures' },
    ],
  },
  {
    key: 'enterprise_inspection',
    zh: '涉企检查',
    en: 'Enterprise inspections',
    items: [
      { key: 'repeat_inspection', zh: '重复检查', en: 'Repeat inspections' },
      { key: 'disruptive_inspection', zh: '干扰企业正常生产经营', en: 'Inspections disrupting business' },
      { key: 'unplanned_inspection', zh: '未按计划或未报备检查', en: 'Unplanned or unregistered inspection' },
    ],
  },
  {
    key: 'documents',
    zh: '文书与案卷',
    en: 'Documents and files',
    items: [
      { key: 'nonstandard_documents', zh: '执法文书不规范', en: 'Non-standard enforcement documents' },
      { key: 'incomplete_file', zh: '案卷材料不完整', en: 'Incomplete case file' },
      { key: 'missing_signature', zh: '缺少签名或印章', en: 'Missing signature or seal' },
      { key: 'late_archiving', zh: '未及时立卷归档', en: 'File not archived in time' },
    ],
  },
  {
    key: 'conduct',
    zh: '执法作风',
    en: 'Conduct',
    items: [
      { key: 'rude', zh: '执法态度粗暴', en: 'Rude conduct' },
      { key: 'discipline', zh: '违反执法纪律', en: 'Breach of enforcement discipline' },
      { key: 'no_recusal', zh: '应当回避未回避', en: 'No recusal where required' },
      { key: 'self_interest', zh: '以权谋私', en: 'Use of office for private gain' },
    ],
  },
];

const CATEGORY_BY_KEY = new Map(FINDING_TAXONOMY.map((c) => [c.key, c]));

export function findCategory(key: string): TaxonomyCategory | undefined {
  return CATEGORY_BY_KEY.get(key);
}

export function isTaxonomyPair(category: string, item: string): boolean {
  return CATEGORY_BY_KEY.get(category)?.items.some((i) => i.key === item) ?? false;
}

export function labelOf(entry: TaxonomyLabel | undefined, locale: Locale): string {
  if (!entry) return '';
  return locale === 'en' ? entry.en : entry.zh;
}

/** "程序 / 未告知听证" style label of a category and item, for lists and documents. */
export function findingCategoryLabel(category: string, item: string, locale: Locale): string {
  const c = CATEGORY_BY_KEY.get(category);
  const i = c?.items.find((x) => x.key === item);
  if (!c) return `${category}/${item}`;
  return i ? `${labelOf(c, locale)} / ${labelOf(i, locale)}` : labelOf(c, locale);
}
