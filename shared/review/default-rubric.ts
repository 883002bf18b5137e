import type { Rubric } from './rubric';

const d = (key: string, zh: string, en: string, points: number) => ({ key, label: { zh, en }, points });

/**
 * The common rubric of DOMAIN.md §6, modelled on Jiangsu's DB32/T 4181-2021:
 * veto items, form 20 points, content 80 points, grades 90 / 80 / 60.
 */
export const DEFAULT_RUBRIC: Rubric = {
  id: 'common-2026',
  name: { zh: '行政执法案卷评查通用标准', en: 'Common case-file review rubric' },
  vetoItems: [
    { key: 'illegal_subject', label: { zh: '执法主体不合法', en: 'Enforcement subject not lawful' } },
    {
      key: 'unqualified_officer',
      label: { zh: '执法人员无执法资格', en: 'Officers without enforcement qualification' },
    },
    { key: 'single_officer', label: { zh: '执法人员少于两人', en: 'Fewer than two officers' } },
    { key: 'insufficient_evidence', label: { zh: '主要证据不足', en: 'Insufficient main evidence' } },
    { key: 'unclear_facts', label: { zh: '认定事实不清', en: 'Facts not established clearly' } },
    { key: 'wrong_classification', label: { zh: '定性错误', en: 'Wrong classification of the conduct' } },
    { key: 'wrong_law', label: { zh: '适用法律依据错误', en: 'Wrong legal basis applied' } },
    { key: 'illegal_procedure', label: { zh: '违反法定程序', en: 'Statutory procedure violated' } },
    { key: 'referral_not_made', label: { zh: '应当移送而未移送', en: 'Required referral not made' } },
  ],
  sectionPoints: { form: 20, content: 80 },
  items: [
    {
      ...d('templates', '文书使用规范、制作规范', 'Document templates used and filled correctly', 4),
      section: 'form',
      deductions: [
        d('wrong_template', '未使用规定文书格式', 'Prescribed template not used', 2),
        d('blank_fields', '文书栏目漏填、错填', 'Fields left blank or wrong', 1),
      ],
    },
    {
      ...d('completeness', '案卷材料齐全完整', 'Case file materials complete', 4),
      section: 'form',
      deductions: [d('missing_material', '缺少应归档材料', 'Material missing from the file', 2)],
    },
    {
      ...d('one_case_one_file', '一案一卷', 'One case, one file', 3),
      section: 'form',
      deductions: [d('mixed_cases', '多个案件合卷', 'Several cases in one file', 3)],
    },
    {
      ...d('ordering', '材料排列顺序规范', 'Materials in the prescribed order', 3),
      section: 'form',
      deductions: [d('disordered', '排列顺序混乱', 'Materials out of order', 1)],
    },
    {
      ...d('pagination', '页码、目录编写规范', 'Page numbers and catalogue', 3),
      section: 'form',
      deductions: [
        d('no_page_numbers', '未编页码', 'No page numbers', 2),
        d('no_catalogue', '无卷内目录', 'No catalogue', 1),
      ],
    },
    {
      ...d('binding', '装订、归档规范', 'Binding and archiving', 3),
      section: 'form',
      deductions: [
        d('loose', '装订不规范', 'Improperly bound', 1),
        d('late_archive', '未按时归档', 'Not archived on time', 1),
      ],
    },
    {
      ...d('facts_evidence', '事实认定与证据', 'Facts and evidence', 20),
      section: 'content',
      deductions: [
        d('evidence_flaw', '证据形式或取证程序有瑕疵', 'Flawed evidence or collection', 4),
        d('evidence_chain', '证据不能相互印证', 'Evidence not mutually corroborating', 6),
      ],
    },
    {
      ...d('law_applied', '法律适用', 'Law applied', 15),
      section: 'content',
      deductions: [d('citation_incomplete', '引用法律条款不具体、不完整', 'Legal provisions cited incompletely', 3)],
    },
    {
      ...d('procedure', '执法程序', 'Procedure', 15),
      section: 'content',
      deductions: [
        d('rights_notice', '未告知或未充分告知陈述申辩、听证权利', 'Rights to be heard not (fully) notified', 5),
        d('time_limit', '超过法定期限', 'Statutory time limit exceeded', 4),
        d('legal_review', '重大决定未经法制审核', 'Major decision without legal review', 5),
      ],
    },
    {
      ...d('discretion', '行政裁量', 'Discretion', 10),
      section: 'content',
      deductions: [
        d('benchmark_not_applied', '未适用裁量基准', 'Discretion benchmark not applied', 4),
        d('max_fine_no_reason', '顶格处罚未说明理由', 'Maximum fine without reasons', 4),
      ],
    },
    {
      ...d('reasoning', '文书说理', 'Reasoning in the decision', 8),
      section: 'content',
      deductions: [d('no_reasoning', '处理决定说理不充分', 'Insufficient reasoning', 3)],
    },
    {
      ...d('fine_collection', '罚缴分离', 'Separation of fine decision and collection', 4),
      section: 'content',
      deductions: [d('collected_directly', '违规直接收缴罚款', 'Fine collected directly', 4)],
    },
    {
      ...d('delivery', '文书送达', 'Service of documents', 4),
      section: 'content',
      deductions: [d('no_proof_of_service', '无送达回证或送达方式不当', 'No proof of service or improper service', 2)],
    },
    {
      ...d('performance', '执行与结案', 'Performance and closing', 4),
      section: 'content',
      deductions: [d('no_performance_record', '无执行情况记录', 'No record of performance', 2)],
    },
  ],
  bands: { excellent: 90, good: 80, pass: 60 },
};
