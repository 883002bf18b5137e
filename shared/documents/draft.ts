import type { OfficeIdentity } from '../domain/office';
import {
  type DocumentFields,
  emptyValue,
  type FindingField,
  fieldDefsFor,
  type SectionField,
  type TableField,
} from './fields';
import { type DocumentSource, documentSourceSchema, type ParsedDocumentSource, type SourceStatistics } from './source';
import type { DocumentType } from './types';

const DEFAULT_BASIS = '《行政执法监督条例》';

/** Wording the clerk would otherwise type every time; all of it stays editable. */
const TITLES: Record<DocumentType, (s: ParsedDocumentSource, office: OfficeIdentity) => string> = {
  supervision_notice: () => '行政执法监督通知书',
  supervision_opinion: () => '行政执法监督意见书',
  supervision_decision: () => '行政执法监督决定书',
  rectification_notice: () => '行政执法监督整改通知书',
  review_decision: () => '行政执法监督复查决定书',
  clue_referral: (s) => `关于移送${s.matter?.title || '行政执法问题'}线索的函`,
  urging_letter: (s) => `关于督促办理${s.matter?.title || '有关行政执法问题'}的函`,
  talk_notice: (s) => `关于约谈${s.recipient?.name || ''}有关负责人的通知`,
  coordination_opinion: () => '行政执法协调意见书',
  inspection_report: (s) => `关于${s.matter?.title || '行政执法专项监督'}情况的报告`,
  review_circular: (s) => `关于${s.statistics?.periodLabel ?? ''}行政执法案卷评查情况的通报`,
  annual_report: (s) => `关于${s.statistics?.periodLabel ?? ''}行政执法监督工作情况的报告`,
};

function basisLaw(s: ParsedDocumentSource): string {
  return s.matter?.basis || DEFAULT_BASIS;
}

/** "对…进行了监督" clause: when and what. */
function supervisedWhat(s: ParsedDocumentSource): string {
  const when = s.matter?.period ? `于${s.matter.period}` : '';
  const what = s.matter?.title ? s.matter.title : '你单位行政执法工作';
  return `${when}对${what}`;
}

function findingsFrom(s: ParsedDocumentSource): FindingField[] {
  return (s.findings ?? []).map((f) => ({
    category: f.category,
    description: f.description,
    ruleBreached: f.ruleBreached,
    requirement: f.rectification,
    deadline: f.deadline ?? '',
  }));
}

/** The document's own deadline: the one given, else the latest finding's. */
function overallDeadline(s: ParsedDocumentSource, kind: 'rectification' | 'reply'): string {
  const given = s.deadlines?.[kind];
  if (given) return given;
  const dates = (s.findings ?? []).map((f) => f.deadline).filter((d): d is string => !!d);
  return dates.sort().at(-1) ?? '';
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—';
}

function statsSentence(st: SourceStatistics): string {
  const parts: string[] = [];
  if (st.dossiers) {
    const kinds = st.dossiers.byKind.map((k) => `${k.label}${k.count}件`).join('、');
    parts.push(
      `共办理行政执法监督事项${st.dossiers.total}件${kinds ? `（其中${kinds}）` : ''}，办结${st.dossiers.closed}件`,
    );
  }
  if (st.findings) {
    parts.push(
      `发现行政执法问题${st.findings.total}个，已整改${st.findings.rectified}个，整改率${percent(st.findings.rectified, st.findings.total)}，逾期未整改${st.findings.overdue}个`,
    );
  }
  if (st.reviews) parts.push(`评查行政执法案卷${st.reviews.files}卷，平均得分${st.reviews.averageScore}分`);
  return parts.length ? `${parts.join('；')}。` : '';
}

function statsTable(st: SourceStatistics | undefined): TableField {
  if (!st) return { columns: [], rows: [] };
  const rows: string[][] = [];
  for (const k of st.dossiers?.byKind ?? []) rows.push(['监督事项', k.label, String(k.count)]);
  for (const k of st.findings?.byCategory ?? []) rows.push(['发现问题', k.label, String(k.count)]);
  for (const k of st.documents?.byType ?? []) rows.push(['制发文书', k.label, String(k.count)]);
  return rows.length ? { columns: ['类别', '项目', '数量'], rows } : { columns: [], rows: [] };
}

function problemsText(items: { label: string; count: number }[], unit: string): string {
  return items.map((p, i) => `（${'一二三四五六七八九十'[i] ?? i + 1}）${p.label}。共${p.count}${unit}。`).join('\n');
}

type Drafter = (s: ParsedDocumentSource, office: OfficeIdentity) => DocumentFields;

const BODY: Record<DocumentType, Drafter> = {
  supervision_notice: (s) => ({
    basis: `根据${basisLaw(s)}的规定，我局${s.matter?.source ? `在办理${s.matter.source}反映的问题中，` : ''}发现你单位在行政执法工作中存在以下问题，现予通知。`,
    findings: findingsFrom(s),
    requirements: '请你单位对上述问题认真核查，依法自行纠正，并举一反三，健全相关制度，防止类似问题再次发生。',
    deadline: overallDeadline(s, 'reply') || overallDeadline(s, 'rectification'),
    reportRequirement: '将核查纠正情况书面报告我局',
  }),
  supervision_opinion: (s) => ({
    basis: `根据${basisLaw(s)}的规定，${s.matter?.source ? `针对${s.matter.source}反映的问题，` : ''}我局${supervisedWhat(s)}进行了监督。现将有关情况和监督意见告知如下：`,
    facts: s.facts ?? '',
    evidence: s.evidence ?? [],
    findings: findingsFrom(s),
    deadline: overallDeadline(s, 'rectification'),
    reportRequirement: '完成整改，并将整改情况书面报告我局',
    reviewNotice:
      '你单位对本意见书有异议的，可以自收到本意见书之日起10个工作日内向我局书面申请复查。复查期间，本意见书不停止执行。',
  }),
  supervision_decision: (s) => ({
    priorDocument: s.priorDocumentNumber ?? '',
    basis: `根据${basisLaw(s)}的规定，我局${supervisedWhat(s)}进行了监督。${s.priorDocumentNumber ? `我局已向你单位制发《行政执法监督意见书》（${s.priorDocumentNumber}），你单位未在规定期限内纠正。` : ''}现将有关情况和决定告知如下：`,
    facts: s.facts ?? '',
    evidence: s.evidence ?? [],
    findings: findingsFrom(s),
    decisions: (s.findings ?? []).filter((f) => f.rectification).map((f) => `责令你单位${f.rectification}`),
    deadline: overallDeadline(s, 'rectification'),
    reportRequirement: '履行本决定，并将履行情况书面报告我局',
    reviewNotice:
      '你单位对本决定有异议的，可以自收到本决定书之日起10个工作日内向我局书面申请复查。复查期间，本决定不停止执行。',
  }),
  rectification_notice: (s) => ({
    basis: `根据${basisLaw(s)}的规定，经监督检查，你单位在${s.matter?.title || '行政执法工作'}中存在以下问题，现责令限期整改。`,
    findings: findingsFrom(s),
    deadline: overallDeadline(s, 'rectification'),
    reportRequirement: '完成整改，并将整改情况书面报告我局',
  }),
  review_decision: (s) => ({
    applicant: s.recipient?.name ?? '',
    originalDocument: s.priorDocumentNumber ?? '',
    requestDate: '',
    request: '',
    reviewFacts: s.facts ?? '',
    outcome: '',
    decision: '',
  }),
  clue_referral: (s) => ({
    clueSource: s.matter?.source ?? '',
    clueSummary: s.facts ?? '',
    referralReason: `经研判，该线索反映的问题属于你单位职责范围。根据${basisLaw(s)}的规定，现移送你单位依法处理。`,
    replyDeadline: overallDeadline(s, 'reply'),
  }),
  urging_letter: (s) => ({
    matter: s.matter?.title ?? '',
    background: s.facts ?? '',
    urgingItems: (s.findings ?? []).filter((f) => f.rectification).map((f) => f.rectification),
    deadline: overallDeadline(s, 'reply') || overallDeadline(s, 'rectification'),
    reportRequirement: '将办理情况书面报告我局',
  }),
  talk_notice: (s, office) => {
    const categories = [...new Set((s.findings ?? []).map((f) => f.category).filter(Boolean))];
    return {
      reason: `你单位在${s.matter?.title || '行政执法工作'}中${categories.length ? `存在${categories.join('、')}等问题` : '存在问题'}，经督促仍未有效整改。根据${basisLaw(s)}的规定，经研究，决定对你单位有关负责人进行约谈。现将有关事项通知如下：`,
      talkTime: '',
      talkPlace: `${office.name}会议室`,
      attendees: '你单位主要负责人、分管负责人及法制审核机构负责人',
      preparation: ['请准备问题整改情况的书面汇报材料', '请于约谈前1个工作日将参加人员名单报我局'],
    };
  },
  coordination_opinion: (s) => ({
    parties: s.recipient?.name ? [s.recipient.name] : [],
    dispute: s.facts ?? '',
    basis: `根据${basisLaw(s)}的规定，我局组织有关单位进行了协调。`,
    opinions: (s.findings ?? []).filter((f) => f.rectification).map((f) => f.rectification),
    requirements: '',
  }),
  inspection_report: (s) => {
    const stats = s.statistics ? statsSentence(s.statistics) : '';
    const problems = s.statistics?.findings?.byCategory ?? [];
    const sections: SectionField[] = [
      {
        heading: '发现的主要问题',
        text: problems.length
          ? problemsText(problems, '个')
          : (s.findings ?? [])
              .map((f, i) => `（${'一二三四五六七八九十'[i] ?? i + 1}）${f.category}。${f.description}`)
              .join('\n'),
      },
      { heading: '整改落实情况', text: '' },
      { heading: '下一步工作建议', text: '' },
    ];
    return {
      overview: `根据${basisLaw(s)}的规定，我局${supervisedWhat(s)}开展了专项监督。${stats}现将有关情况报告如下：`,
      statsTable: statsTable(s.statistics),
      sections,
    };
  },
  review_circular: (s) => {
    const r = s.statistics?.reviews;
    const rows = (r?.byGrade ?? []).map((g) => [g.label, String(g.count), percent(g.count, r?.files ?? 0)]);
    return {
      overview: `为提升行政执法规范化水平，根据${basisLaw(s)}和年度工作安排，我局组织开展了${s.statistics?.periodLabel ?? ''}行政执法案卷评查，共评查${r?.subjects !== undefined ? `${r.subjects}个执法单位的` : ''}行政执法案卷${r?.files ?? 0}卷，平均得分${r?.averageScore ?? 0}分。现将评查情况通报如下：`,
      statsTable: rows.length ? { columns: ['等次', '案卷数', '占比'], rows } : { columns: [], rows: [] },
      excellentFiles: r?.excellentFiles ?? [],
      sections: [{ heading: '评查发现的主要问题', text: problemsText(r?.typicalProblems ?? [], '卷') }],
      requirements:
        '各单位要对照评查发现的问题，逐卷逐项抓好整改，举一反三，完善制度，切实提高行政执法案卷质量，并将整改情况书面报送我局。',
    };
  },
  annual_report: (s, office) => {
    const st = s.statistics;
    return {
      overview: `${st?.periodLabel ?? ''}，${office.name}深入贯彻《行政执法监督条例》，扎实开展行政执法监督工作。${st ? statsSentence(st) : ''}现将有关情况报告如下：`,
      statsTable: statsTable(st),
      sections: [
        { heading: '主要工作开展情况', text: '' },
        {
          heading: '存在的主要问题',
          text: problemsText(st?.findings?.byCategory ?? [], '个'),
        },
        { heading: '下一步工作打算', text: '' },
      ],
    };
  },
};

function recipientFor(type: DocumentType, s: ParsedDocumentSource, office: OfficeIdentity): string {
  if (type === 'review_circular') return s.recipient?.name || '各有关单位';
  if (type === 'annual_report' || type === 'inspection_report') return s.recipient?.name || office.superior?.name || '';
  return s.recipient?.name ?? '';
}

/**
 * The editable fields of a new document of `type`, filled from `source` (which may be
 * empty: a clerk can start from a blank form). Text is in Chinese whatever the UI
 * language: these are official documents.
 */
export function draftFromSource(
  type: DocumentType,
  source: DocumentSource,
  office: OfficeIdentity,
  options: { today: string },
): DocumentFields {
  const s = documentSourceSchema.parse(source);
  const common: DocumentFields = {
    organMark: office.name,
    title: TITLES[type](s, office),
    recipient: recipientFor(type, s, office),
    attachments: type === 'clue_referral' ? (s.evidence ?? []) : [],
    signatureOrgan: office.name,
    date: options.today,
    note: s.contact ? `联系人：${s.contact.person}，联系电话：${s.contact.phone}` : '',
    copyTo: s.copyTo ?? [],
    printingOrgan: office.name,
    printDate: '',
  };
  const body = BODY[type](s, office);
  const fields: DocumentFields = {};
  // Only the type's own fields, each present, in the form's order.
  for (const def of fieldDefsFor(type)) {
    fields[def.name] = body[def.name] ?? common[def.name] ?? emptyValue(def.spec);
  }
  return fields;
}
