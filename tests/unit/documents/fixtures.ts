import type { DocumentSource } from '../../../shared/documents/source';
import type { DocumentType } from '../../../shared/documents/types';
import { COUNTY_OFFICE } from '../../e2e/support/office';

export const OFFICE = COUNTY_OFFICE;
export const TODAY = '2026-11-27';

const FINDINGS = [
  {
    category: '执法主体资格问题',
    description: '2026年3月办理的青市监处罚〔2026〕15号案件中，参与调查取证的2名人员之一未取得行政执法证件',
    ruleBreached: '《中华人民共和国行政处罚法》第四十二条',
    rectification: '对未取得执法证件人员参与执法的案件逐一复核，确保执法人员持证上岗',
    deadline: '2026-12-31',
  },
  {
    category: '程序违法',
    description: '作出较大数额罚款决定前未告知当事人有要求听证的权利',
    ruleBreached: '《中华人民共和国行政处罚法》第六十三条',
    rectification: '依法履行听证告知义务，对相关案件进行自查自纠',
    deadline: '2026-12-31',
  },
  {
    category: '裁量权行使不当',
    description: '对同类违法行为的罚款数额差异明显，未说明适用裁量基准的理由',
    ruleBreached: '《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》',
    rectification: '严格执行行政裁量权基准，在处罚决定书中说明裁量理由',
    deadline: '2027-01-15',
  },
  {
    category: '三项制度落实不到位',
    description: '重大执法决定未经法制审核即作出',
    ruleBreached: '《中华人民共和国行政处罚法》第五十八条',
    rectification: '健全重大执法决定法制审核制度，明确审核机构和审核范围',
    deadline: '2027-01-15',
  },
  {
    category: '涉企检查不规范',
    description: '同一年度内对同一企业重复检查3次，未制定年度检查计划',
    ruleBreached: '《优化营商环境条例》第五十九条',
    rectification: '制定涉企检查年度计划，推行“综合查一次”',
    deadline: '2027-01-31',
  },
];

/** A dossier after investigation: the opinion of the bench (five findings). */
export const OPINION_SOURCE: DocumentSource = {
  dossierId: 'dossier-2026-0042',
  recipient: { name: '青山县市场监督管理局' },
  matter: {
    title: '青山县市场监督管理局2026年度行政处罚案件办理情况',
    number: '青司监〔2026〕42号',
    basis: '《行政执法监督条例》第二十二条',
    source: '12345热线转办的企业投诉',
    period: '2026年10月',
  },
  facts:
    '2026年10月12日至10月30日，我局监督人员调阅了你单位2026年1月至9月办结的行政处罚案卷48卷，询问了有关执法人员，并到3家企业进行了实地走访。\n经查，你单位在行政处罚案件办理中存在执法人员资格、程序、裁量和涉企检查等方面的问题。',
  evidence: ['行政处罚案卷48卷（复印件）', '询问笔录5份', '企业走访记录3份', '执法人员证件信息查询记录'],
  findings: FINDINGS,
  deadlines: { rectification: '2027-01-31', reply: '2026-12-11' },
  priorDocumentNumber: '青司执监意〔2026〕3号',
  copyTo: ['青山县纪委县监委驻县市场监管局纪检监察组', '青山县人民政府办公室'],
  contact: { person: '李明', phone: '0571-88001234' },
};

export const STATISTICS_SOURCE: DocumentSource = {
  matter: { title: '2026年度涉企行政执法专项监督', period: '2026年9月至11月', basis: '《行政执法监督条例》' },
  statistics: {
    periodLabel: '2026年度',
    year: 2026,
    dossiers: {
      total: 86,
      closed: 71,
      byKind: [
        { label: '日常监督', count: 40 },
        { label: '专项监督', count: 22 },
        { label: '涉企行政执法监督', count: 14 },
        { label: '线索办理', count: 10 },
      ],
    },
    findings: {
      total: 133,
      rectified: 118,
      overdue: 6,
      byCategory: [
        { label: '程序违法', count: 41 },
        { label: '裁量权行使不当', count: 27 },
        { label: '三项制度落实不到位', count: 25 },
        { label: '涉企检查不规范', count: 19 },
      ],
    },
    reviews: {
      files: 120,
      averageScore: 84.6,
      subjects: 18,
      byGrade: [
        { label: '优秀', count: 31 },
        { label: '良好', count: 52 },
        { label: '合格', count: 29 },
        { label: '不合格', count: 8 },
      ],
      typicalProblems: [
        { label: '证据材料不完整', count: 23 },
        { label: '法律适用不准确', count: 14 },
        { label: '送达程序不规范', count: 11 },
      ],
      excellentFiles: ['青山县市场监督管理局 青市监处罚〔2026〕8号', '青山县交通运输局 青交罚〔2026〕21号'],
    },
  },
};

export function sourceFor(type: DocumentType): DocumentSource {
  return ['inspection_report', 'review_circular', 'annual_report'].includes(type) ? STATISTICS_SOURCE : OPINION_SOURCE;
}

/** Text a clerk would type into the fields a source cannot fill, so that every type can be issued. */
const MANUAL_TEXT: Record<string, string> = {
  requestDate: '2026-11-20',
  request:
    '申请人认为，原意见书认定其“未告知听证权利”的事实不清：该案罚款数额未达到本省规定的听证标准，无需告知听证权利。请求撤销原意见书第二项监督意见。',
  reviewFacts:
    '经复查，该案罚款数额为5万元，根据《浙东省行政处罚听证程序规定》第三条，法人罚款数额在5万元以上的应当告知听证权利，原认定事实清楚。',
  outcome: 'uphold',
  decision: '申请人应当继续按照原意见书要求完成整改，并于2026年12月31日前书面报告整改情况。',
  talkTime: '2026年12月3日上午9时',
  text: '全年共开展专项监督4次，评查案卷120卷，办理涉企投诉线索17件。\n（一）完善监督制度。制定了行政执法监督工作规则和案卷评查标准。\n（二）突出涉企执法监督。对涉企检查实行“综合查一次”。',
};

/** The draft from `sourceFor(type)`, with the fields no dossier can fill completed by hand. */
export function completeFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const [name, value] of Object.entries(out)) {
    if (value === '' && MANUAL_TEXT[name]) out[name] = MANUAL_TEXT[name];
    if (name === 'sections' && Array.isArray(value)) {
      out[name] = value.map((s: { heading: string; text: string }) => ({
        ...s,
        text: s.text || (MANUAL_TEXT.text as string),
      }));
    }
  }
  return out;
}
