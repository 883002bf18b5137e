import type { DossierKind, MatterSource } from '../domain/dossier';
import type { EnforcementField } from '../domain/office';
import type { Prng } from './prng';

/** Wording of demo dossiers: what supervision offices actually write about. */

export const ISSUES: Readonly<Partial<Record<EnforcementField, readonly string[]>>> = {
  market_regulation: [
    '对小微企业轻微违法行为顶格罚款',
    '食品经营许可现场核查重复检查',
    '价格违法行为查处程序不规范',
    '特种设备安全监察执法',
    '广告违法案件罚没款处置',
  ],
  urban_management: ['占道经营执法', '违法建设查处', '户外广告设施拆除', '渣土运输车辆查处', '暂扣物品未依法处理'],
  transport: ['超限运输车辆处罚', '网约车非法营运查处', '出租车违规经营处罚', '道路运输企业安全检查'],
  ecology_environment: ['企业排污许可检查', '环境违法行为按日连续处罚', '建设项目环评违法查处', '扬尘污染处罚'],
  culture_tourism: ['网吧接纳未成年人查处', '娱乐场所检查', '旅行社不合理低价游查处', '出版物市场检查'],
  agriculture_rural: ['农药经营许可检查', '渔业违法捕捞处罚', '农产品质量安全抽检', '动物检疫执法'],
  emergency_management: ['安全生产执法检查', '危险化学品经营处罚', '烟花爆竹经营检查', '工贸企业有限空间作业检查'],
  health: ['医疗机构执业检查', '公共场所卫生许可执法', '职业卫生监督检查', '医疗美容机构查处'],
  natural_resources: ['非法占用耕地查处', '违法采矿处罚', '土地出让合同履约执法', '违法用地拆除'],
};

const TRADE_NAMES = [
  '恒达',
  '海晟',
  '金禾',
  '瑞丰',
  '宏远',
  '信诚',
  '同泰',
  '嘉联',
  '东方',
  '润康',
  '新越',
  '鼎盛',
  '华帆',
  '众合',
  '天成',
  '永安',
  '博雅',
  '远航',
  '万家',
  '绿源',
];
const INDUSTRIES = [
  '建材',
  '物流',
  '食品',
  '餐饮管理',
  '化工',
  '纺织',
  '机械制造',
  '商贸',
  '医药连锁',
  '汽车服务',
  '农业开发',
  '文化传媒',
  '建筑工程',
  '再生资源',
];
const FOREIGN = [
  'Evergreen Logistics',
  'Bluewave Chemicals',
  'Northstar Foods',
  'Sunrise Textiles',
  'Pacific Auto Parts',
  'Greenfield Pharma',
  'Harbor Freight Services',
  'Silverline Electronics',
];

export function enterpriseName(rng: Prng, city: string): string {
  if (rng.chance(0.12)) return `${rng.pick(FOREIGN)}（${city.replace(/市$/, '')}）有限公司`;
  return `${city.replace(/市$/, '')}${rng.pick(TRADE_NAMES)}${rng.pick(INDUSTRIES)}有限公司`;
}

export const SOURCE_PHRASES: Readonly<Record<MatterSource, string>> = {
  hotline_12345: '12345政务服务便民热线转来群众诉求',
  enterprise_appeal: '涉企诉求沟通机制收到企业反映',
  letters_visits: '信访部门转来来信',
  citizen_report: '群众实名举报',
  discipline_referral: '县纪委监委移送问题线索',
  procuratorate: '人民检察院发出检察建议',
  peoples_congress: '人大代表建议反映',
  audit: '审计发现问题移送',
  reconsideration: '行政复议案件审理中发现',
  media: '媒体报道反映',
  self_found: '日常案卷抽查中发现',
  superior_assignment: '上级机关交办',
  annual_plan: '根据年度行政执法监督工作计划',
};

export const SOURCES_BY_KIND: Readonly<Record<DossierKind, readonly MatterSource[]>> = {
  routine: ['annual_plan', 'self_found'],
  focused: ['hotline_12345', 'media', 'peoples_congress', 'letters_visits'],
  special: ['annual_plan', 'superior_assignment'],
  assigned: ['superior_assignment'],
  escalated: ['superior_assignment', 'reconsideration'],
  inspection: ['annual_plan', 'peoples_congress'],
  enterprise: ['enterprise_appeal', 'hotline_12345'],
  case_review: ['annual_plan'],
  coordination: ['self_found', 'superior_assignment'],
  clue: ['hotline_12345', 'letters_visits', 'citizen_report', 'discipline_referral', 'procuratorate', 'audit', 'media'],
};

const LAWS = [
  '《中华人民共和国行政处罚法》',
  '《中华人民共和国行政许可法》',
  '《优化营商环境条例》',
  '《中华人民共和国安全生产法》',
  '《中华人民共和国食品安全法》',
];
const CAMPAIGNS = [
  '涉企行政检查',
  '道路交通安全和运输执法领域突出问题',
  '行政处罚裁量权基准执行',
  '“三项制度”落实',
  '执法不作为乱作为',
];

export interface TitleParts {
  kind: DossierKind;
  year: number;
  subject: string;
  otherSubject: string;
  issue: string;
  enterprise: string;
  source: MatterSource;
}

export function dossierTitle(rng: Prng, p: TitleParts): string {
  switch (p.kind) {
    case 'routine':
      return `${p.subject}${p.year}年第${rng.between(1, 4)}季度行政执法案卷日常监督`;
    case 'focused':
      return `关于${p.subject}${p.issue}问题的重点监督`;
    case 'special':
      return `${p.year}年${rng.pick(CAMPAIGNS)}专项监督（${p.subject}）`;
    case 'assigned':
      return `上级指定监督：${p.subject}${p.issue}`;
    case 'escalated':
      return `提级监督：${p.subject}${p.issue}案`;
    case 'inspection':
      return `${rng.pick(LAWS)}贯彻实施情况执法检查（${p.subject}）`;
    case 'enterprise':
      return `${p.enterprise}反映${p.subject}${p.issue}的涉企执法监督`;
    case 'case_review':
      return `${p.year}年度${p.subject}行政处罚案卷评查`;
    case 'coordination':
      return `${p.subject}与${p.otherSubject}${p.issue}管辖争议协调`;
    case 'clue':
      return `${p.source === 'hotline_12345' ? '12345热线' : '群众'}反映${p.subject}${p.issue}问题线索`;
  }
}

export function dossierSummary(rng: Prng, p: TitleParts): string {
  const amount = rng.pick(['2000元', '5000元', '1万元', '3万元', '5万元', '10万元', '20万元']);
  const head = `${SOURCE_PHRASES[p.source]}，`;
  const body = rng.pick([
    `反映${p.subject}在${p.issue}中对${p.enterprise}作出罚款${amount}的决定，当事人认为事实认定和处罚幅度存在问题。`,
    `反映${p.subject}执法人员在${p.issue}过程中未出示执法证件，且现场检查记录不完整。`,
    `${p.subject}在${p.issue}中存在同一事项多次检查、影响${p.enterprise}正常生产经营的情况。`,
    `对${p.subject}近一年办理的${p.issue}案件开展监督，重点审查执法程序、裁量基准适用和法制审核情况。`,
    `${p.enterprise}反映${p.subject}在${p.issue}中作出的处理决定未告知陈述申辩权利，要求依法监督。`,
  ]);
  return head + body;
}

/** Finding wording per taxonomy item; {subject} and {case} are filled in. */
export const FINDING_TEXTS: Readonly<Record<string, readonly string[]>> = {
  illegal_subject: ['{subject}内设机构以自己名义作出行政处罚决定，执法主体不合法'],
  no_certificate: ['{case}中一名执法人员未取得行政执法证件即参与调查取证', '辅助人员独立开展执法检查并制作笔录'],
  certificate_not_shown: ['{case}现场检查笔录未记载执法人员出示执法证件的情况', '执法人员现场检查时未主动出示执法证件'],
  single_officer: ['{case}询问笔录仅有一名执法人员签名'],
  beyond_entrustment: ['受委托的综合行政执法队超出委托事项范围实施行政处罚'],
  ultra_vires: ['{subject}对不属于本部门职权范围的违法行为作出处罚'],
  abuse: ['{subject}以检查为名要求企业购买指定产品'],
  outside_jurisdiction: ['{case}违法行为发生地不在本行政区域，{subject}未依法移送即立案查处'],
  cross_region: ['执法人员赴外地对企业实施查封，未与当地执法部门协作'],
  unclear_facts: ['{case}认定违法所得数额的依据不明确，事实不清', '违法行为发生时间认定前后矛盾'],
  insufficient_evidence: ['{case}仅有举报材料和当事人陈述，主要证据不足', '认定违法经营额缺少账簿、票据等证据支持'],
  illegal_evidence: ['以诱导方式取得当事人陈述，证据取得方式不合法'],
  evidence_unverified: ['{case}证据复印件未经核对原件，未注明出处'],
  wrong_law: ['{case}适用已废止的地方性法规作出处罚', '应适用特别法而适用了一般规定'],
  wrong_article: ['处罚决定书引用法律条款不完整，未引用到款、项'],
  wrong_classification: ['将无证经营行为定性为超范围经营，定性错误'],
  no_notice: ['{case}作出处罚决定前未告知当事人陈述、申辩的权利', '行政处罚告知书未载明拟作出处罚的事实和理由'],
  no_hearing: ['{case}作出较大数额罚款决定前未告知当事人要求听证的权利', '当事人申请听证后未依法组织听证'],
  late_decision: ['{case}自立案之日起超过九十日作出处罚决定，未办理延期审批', '案件办理超过法定期限'],
  no_legal_review: ['{case}属重大执法决定，作出前未经法制审核', '法制审核意见书出具日期晚于决定日期'],
  no_collective_discussion: ['{case}情节复杂，未经负责人集体讨论即作出较重处罚'],
  service_defect: ['处罚决定书直接留置送达，无见证人签名', '邮寄送达未附回执或物流签收记录'],
  benchmark_unpublished: ['{subject}行政处罚裁量基准未向社会公布'],
  benchmark_not_applied: ['{case}未适用本部门裁量基准，处罚幅度无依据', '同类案件处罚幅度差异较大'],
  maximum_without_reason: ['{case}对首次轻微违法行为顶格罚款，未说明理由', '按法定最高额处罚，决定书未说明裁量理由'],
  disproportionate: ['{case}罚款数额明显高于违法行为的危害程度', '对主动消除违法后果的当事人未依法从轻处罚'],
  publicity: ['{subject}未在规定时限内公示行政处罚决定信息', '执法主体、人员、职责等事前公示信息未及时更新'],
  recording: ['{case}现场检查、查封环节无音像记录', '执法记录仪视频未按规定归档保存'],
  legal_review: ['{subject}未明确法制审核机构和人员，审核流于形式'],
  case_not_filed: ['对群众多次举报的违法行为未立案调查', '巡查发现违法线索后未登记处理'],
  shirking: ['对职责交叉事项相互推诿，群众诉求长期未办结'],
  delay: ['投诉举报超过规定时限未答复', '责令改正期满后未及时复查'],
  lax_supervision: ['对已处罚企业整改情况未跟踪检查', '事中事后监管措施落实不到位'],
  profit_driven: ['{subject}将罚没款收入与考核挂钩，存在趋利性执法倾向'],
  fine_instead_of_regulation: ['对同一企业反复罚款而未督促整改，以罚代管'],
  arbitrary_fees: ['检查中收取检测费用，无收费依据'],
  arbitrary_fines: ['对同一违法行为重复罚款', '罚款未出具财政部门统一制发的罚没票据'],
  arbitrary_inspections: ['一年内对同一企业同一事项检查五次以上', '未经批准开展入企检查'],
  arbitrary_seizures: ['查封与违法行为无关的财物', '扣押物品超期未作处理'],
  repeat_inspection: ['多个科室对同一企业同一事项重复检查', '年度检查计划外频繁入企检查'],
  disruptive_inspection: ['检查期间要求企业停产配合，影响正常生产经营'],
  unplanned_inspection: ['入企检查未通过系统报备、未亮码检查'],
  nonstandard_documents: ['{case}文书未使用统一格式文本', '处罚决定书未告知复议诉讼途径和期限'],
  incomplete_file: ['{case}案卷缺少立案审批表', '案卷缺少送达回证、结案报告'],
  missing_signature: ['询问笔录缺少当事人签名或捺印', '文书缺少执法人员签名'],
  late_archiving: ['{case}结案后超过三个月未归档'],
  rude: ['执法人员现场言语粗暴，引发群众投诉'],
  discipline: ['执法人员接受当事人宴请'],
  no_recusal: ['承办人与当事人存在利害关系未申请回避'],
  self_interest: ['执法人员向当事人推荐特定服务机构'],
};

export const RULES_BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  subject: ['《中华人民共和国行政处罚法》第十七条', '《中华人民共和国行政处罚法》第四十二条'],
  authority: ['《中华人民共和国行政处罚法》第二十二条', '《中华人民共和国行政处罚法》第二十条'],
  facts: ['《中华人民共和国行政处罚法》第四十条', '《中华人民共和国行政处罚法》第五十四条'],
  law: ['《中华人民共和国立法法》第一百零三条', '《中华人民共和国行政处罚法》第四条'],
  procedure: [
    '《中华人民共和国行政处罚法》第四十四条',
    '《中华人民共和国行政处罚法》第六十三条',
    '《中华人民共和国行政处罚法》第六十条',
    '《中华人民共和国行政处罚法》第五十八条',
    '《中华人民共和国行政处罚法》第六十一条',
  ],
  discretion: [
    '《中华人民共和国行政处罚法》第三十四条',
    '《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》',
  ],
  three_systems: ['《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》'],
  inaction: ['《行政执法监督条例》第十九条', '《中华人民共和国行政处罚法》第五十四条'],
  arbitrary: ['《优化营商环境条例》第五十九条', '《中华人民共和国行政强制法》第二十三条'],
  enterprise_inspection: ['《国务院办公厅关于严格规范涉企行政检查的意见》'],
  documents: ['《浙东省行政执法文书格式规范》', '《中华人民共和国行政处罚法》第五十九条'],
  conduct: ['《行政机关公务员处分条例》第二十五条'],
};

export const REQUIREMENTS_BY_CATEGORY: Readonly<Record<string, readonly string[]>> = {
  subject: ['清理执法人员资格，无证人员不得从事执法活动，并书面报告整改情况'],
  authority: ['依法撤销超越职权作出的决定，移送有管辖权的机关处理'],
  facts: ['补充调查取证，重新审查认定事实，依法作出处理'],
  law: ['依法纠正适用依据，重新作出处理决定'],
  procedure: ['依法补正程序或撤销原决定重新作出，并对全部同类案件开展自查'],
  discretion: ['修订并公布裁量基准，对同类案件开展复查'],
  three_systems: ['健全执法公示、全过程记录和法制审核制度，报送制度文本和落实情况'],
  inaction: ['限期依法履行职责，答复投诉人并报告处理结果'],
  arbitrary: ['立即停止违法收费、罚款，依法退还相关款项'],
  enterprise_inspection: ['建立涉企检查计划和报备制度，合并同类检查事项'],
  documents: ['规范文书制作和案卷归档，组织案卷评查整改'],
  conduct: ['对相关执法人员进行批评教育，情节严重的依法依规处理'],
};
