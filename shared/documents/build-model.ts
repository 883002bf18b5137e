import type { OfficeIdentity } from '../domain/office';
import {
  type DocumentFields,
  type FindingField,
  readFindings,
  readList,
  readSections,
  readTable,
  readText,
} from './fields';
import type { Block, DocumentModel, HeadingLevel } from './model';
import { chineseDate, chineseNumeral, joinOrgans, textWidthInChars } from './text';
import { DOCUMENT_TYPE_INFO, type DocumentType } from './types';

const HEADING_PATTERNS: [HeadingLevel, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^（[一二三四五六七八九十]+）/],
  [3, /^\d+[.．]\s*/],
  [4, /^（\d+）/],
];

/**
 * Free text as the clerk typed it: one paragraph per line; a line starting with a
 * heading marker (一、 （一） 1. （1）) becomes a heading of that level, its first
 * sentence in the heading face and the rest in the body face.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const level = HEADING_PATTERNS.find(([, re]) => re.test(line))?.[0];
    if (level) {
      const end = line.indexOf('。');
      const split = end === -1 ? line.length : end + 1;
      blocks.push({ kind: 'heading', level, text: line.slice(0, split), tail: line.slice(split) });
    } else {
      blocks.push(para(line));
    }
  }
  return blocks;
}

const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], indent: true });

/** Ends a sentence with 。 unless it already ends with punctuation. */
function sentence(text: string): string {
  const t = text.trim();
  return !t || /[。！？；：]$/.test(t) ? t : `${t}。`;
}

/** Drops a closing 。 so the text can continue inside a longer sentence. */
const clause = (text: string) => text.trim().replace(/[。；，]+$/, '');

/** Numbers first-level headings 一、二、… as the document goes. */
class Outline {
  private n = 0;
  constructor(readonly blocks: Block[] = []) {}
  h1(text: string, tail = ''): void {
    this.n += 1;
    this.blocks.push({ kind: 'heading', level: 1, text: `${chineseNumeral(this.n)}、${text}`, tail });
  }
  h2(index: number, text: string, tail = ''): void {
    this.blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumeral(index)}）${text}`, tail });
  }
  text(text: string): void {
    this.blocks.push(...textToBlocks(text));
  }
  p(text: string): void {
    if (text.trim()) this.blocks.push(para(text.trim()));
  }
  /** 1. item；… 2. item。 as body paragraphs. */
  numbered(items: string[]): void {
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      this.p(`${i + 1}. ${clause(item)}${last ? '。' : '；'}`);
    });
  }
  table(columns: string[], rows: string[][]): void {
    if (columns.length && rows.length) this.blocks.push({ kind: 'table', columns, rows });
  }
}

function findingsAsProblems(out: Outline, findings: FindingField[]): void {
  findings.forEach((f, i) => {
    out.h2(i + 1, sentence(f.category).replace(/。$/, ''));
    const rule = f.ruleBreached.trim() ? `上述行为不符合${clause(f.ruleBreached)}的规定。` : '';
    out.p(`${sentence(f.description)}${rule}`);
  });
}

function deadlineSuffix(deadline: string): string {
  return deadline ? `（整改期限：${chineseDate(deadline)}前）` : '';
}

function dueSentence(deadline: string, requirement: string, fallback: string): string {
  return `请你单位于${chineseDate(deadline)}前${clause(requirement) || fallback}。`;
}

type BodyBuilder = (f: DocumentFields) => Block[];

const BODY: Record<DocumentType, BodyBuilder> = {
  supervision_notice(f) {
    const out = new Outline();
    out.text(readText(f, 'basis'));
    out.h1('存在的问题');
    findingsAsProblems(out, readFindings(f));
    out.h1('处理要求');
    out.text(readText(f, 'requirements'));
    const asks = readFindings(f)
      .filter((x) => x.requirement.trim())
      .map((x) => `${clause(x.requirement)}${deadlineSuffix(x.deadline)}`);
    out.numbered(asks);
    out.p(dueSentence(readText(f, 'deadline'), readText(f, 'reportRequirement'), '将核查纠正情况书面报告我局'));
    out.p('特此通知。');
    return out.blocks;
  },
  supervision_opinion(f) {
    const out = new Outline();
    out.text(readText(f, 'basis'));
    out.h1('基本情况');
    out.text(readText(f, 'facts'));
    const evidence = readList(f, 'evidence');
    if (evidence.length) {
      out.p('上述事实有以下证据证明：');
      out.numbered(evidence);
    }
    out.h1('存在的问题');
    findingsAsProblems(out, readFindings(f));
    out.h1('监督意见');
    out.p('针对上述问题，提出如下监督意见：');
    out.numbered(readFindings(f).map((x) => `${clause(x.requirement)}${deadlineSuffix(x.deadline)}`));
    out.h1('有关要求');
    out.p(dueSentence(readText(f, 'deadline'), readText(f, 'reportRequirement'), '完成整改，并将整改情况书面报告我局'));
    out.text(readText(f, 'reviewNotice'));
    return out.blocks;
  },
  supervision_decision(f) {
    const out = new Outline();
    out.text(readText(f, 'basis'));
    out.h1('查明的事实');
    out.text(readText(f, 'facts'));
    const evidence = readList(f, 'evidence');
    if (evidence.length) {
      out.p('上述事实有以下证据证明：');
      out.numbered(evidence);
    }
    out.h1('认定的问题');
    findingsAsProblems(out, readFindings(f));
    out.h1('决定事项');
    out.p('根据《行政执法监督条例》等有关规定，经研究，决定如下：');
    out.numbered(readList(f, 'decisions'));
    out.h1('履行要求');
    out.p(
      dueSentence(readText(f, 'deadline'), readText(f, 'reportRequirement'), '履行本决定，并将履行情况书面报告我局'),
    );
    out.text(readText(f, 'reviewNotice'));
    return out.blocks;
  },
  rectification_notice(f) {
    const out = new Outline();
    out.text(readText(f, 'basis'));
    out.h1('需要整改的问题');
    readFindings(f).forEach((x, i) => {
      out.h2(i + 1, clause(x.category));
      const rule = x.ruleBreached.trim() ? `上述行为不符合${clause(x.ruleBreached)}的规定。` : '';
      out.p(`${sentence(x.description)}${rule}`);
      if (x.requirement.trim()) out.p(`整改要求：${sentence(x.requirement)}`);
      if (x.deadline) out.p(`整改期限：${chineseDate(x.deadline)}前。`);
    });
    out.h1('整改要求');
    out.p(dueSentence(readText(f, 'deadline'), readText(f, 'reportRequirement'), '完成整改，并将整改情况书面报告我局'));
    out.p('特此通知。');
    return out.blocks;
  },
  review_decision(f) {
    const out = new Outline();
    const original = readText(f, 'originalDocument');
    const requestDate = readText(f, 'requestDate');
    out.p(
      `${readText(f, 'applicant')}对我局作出的${original}不服，于${chineseDate(requestDate)}向我局申请复查。我局依法受理并进行了复查，现已复查终结。`,
    );
    out.h1('申请人的请求和理由');
    out.text(readText(f, 'request'));
    out.h1('复查查明的情况');
    out.text(readText(f, 'reviewFacts'));
    out.h1('复查决定');
    const outcome = readText(f, 'outcome');
    if (outcome === 'uphold') out.p(`经复查，决定维持${original}。`);
    if (outcome === 'modify') out.p(`经复查，决定变更${original}，变更内容如下：`);
    if (outcome === 'revoke') out.p(`经复查，决定撤销${original}。`);
    out.text(readText(f, 'decision'));
    return out.blocks;
  },
  clue_referral(f) {
    const out = new Outline();
    out.p(`现将${clause(readText(f, 'clueSource'))}反映的问题线索移送你单位，有关情况如下：`);
    out.h1('线索基本情况');
    out.text(readText(f, 'clueSummary'));
    out.h1('移送理由和依据');
    out.text(readText(f, 'referralReason'));
    out.h1('有关要求');
    out.p(`请你单位依法核查处理，并于${chineseDate(readText(f, 'replyDeadline'))}前将核查处理情况函告我局。`);
    out.p('特此函告。');
    return out.blocks;
  },
  urging_letter(f) {
    const out = new Outline();
    out.p(`关于${clause(readText(f, 'matter'))}，有关情况如下：`);
    out.text(readText(f, 'background'));
    out.p('为推动问题依法解决、整改到位，现就有关事项督办如下：');
    for (const item of readList(f, 'urgingItems')) out.h1('', sentence(item));
    out.p(dueSentence(readText(f, 'deadline'), readText(f, 'reportRequirement'), '将办理情况书面报告我局'));
    out.p('特此函告。');
    return out.blocks.map(fixEmptyHeading);
  },
  talk_notice(f) {
    const out = new Outline();
    out.text(readText(f, 'reason'));
    out.h1('约谈时间：', sentence(readText(f, 'talkTime')));
    out.h1('约谈地点：', sentence(readText(f, 'talkPlace')));
    out.h1('参加人员：', sentence(readText(f, 'attendees')));
    const prep = readList(f, 'preparation');
    if (prep.length) {
      out.h1('有关要求');
      out.numbered(prep);
    }
    out.p('请按时参加。特此通知。');
    return out.blocks.map(fixEmptyHeading);
  },
  coordination_opinion(f) {
    const out = new Outline();
    out.h1('争议事项');
    const parties = readList(f, 'parties');
    if (parties.length) out.p(`${parties.join('、')}就以下事项存在争议：`);
    out.text(readText(f, 'dispute'));
    out.h1('协调依据');
    out.text(readText(f, 'basis'));
    out.h1('协调意见');
    readList(f, 'opinions').forEach((item, i) => {
      out.h2(i + 1, '', sentence(item));
    });
    const req = readText(f, 'requirements');
    if (req.trim()) {
      out.h1('有关要求');
      out.text(req);
    }
    return out.blocks.map(fixEmptyHeading);
  },
  inspection_report(f) {
    const out = reportBody(f);
    out.p('特此报告。');
    return out.blocks;
  },
  review_circular(f) {
    const out = new Outline();
    out.text(readText(f, 'overview'));
    const table = readTable(f);
    out.table(table.columns, table.rows);
    const excellent = readList(f, 'excellentFiles');
    if (excellent.length) {
      out.h1('评查结果');
      out.p('经评查，以下案卷被评为优秀案卷，予以通报表扬：');
      out.numbered(excellent);
    }
    for (const s of readSections(f)) {
      out.h1(clause(s.heading));
      out.text(s.text);
    }
    out.h1('下一步工作要求');
    out.text(readText(f, 'requirements'));
    out.p('特此通报。');
    return out.blocks;
  },
  annual_report(f) {
    const out = reportBody(f);
    out.p('特此报告。');
    return out.blocks;
  },
};

function reportBody(f: DocumentFields): Outline {
  const out = new Outline();
  out.text(readText(f, 'overview'));
  const table = readTable(f);
  out.table(table.columns, table.rows);
  for (const s of readSections(f)) {
    out.h1(clause(s.heading));
    out.text(s.text);
  }
  return out;
}

/**
 * A heading written only as its number (一、 then the item's words) keeps its first
 * sentence in the heading face, the way a numbered item reads in a letter.
 */
function fixEmptyHeading(block: Block): Block {
  if (block.kind !== 'heading') return block;
  if (!/、$|）$/.test(block.text) || !block.tail) return block;
  const end = block.tail.indexOf('。');
  const split = end === -1 ? block.tail.length : end + 1;
  return { ...block, text: block.text + block.tail.slice(0, split), tail: block.tail.slice(split) };
}

export interface BuildOptions {
  /** The number line: an issued number, or a draft's with the sequence blank. */
  number: string;
  draft: boolean;
}

/** Lays a type's fields out as a GB/T 9704 document. */
export function buildDocumentModel(
  type: DocumentType,
  fields: DocumentFields,
  office: Pick<OfficeIdentity, 'name'>,
  options: BuildOptions,
): DocumentModel {
  const info = DOCUMENT_TYPE_INFO[type];
  const organ = readText(fields, 'signatureOrgan') || office.name;
  const date = chineseDate(readText(fields, 'date'));
  const organWidth = textWidthInChars(organ);
  const dateWidth = textWidthInChars(date);
  const recipient = readText(fields, 'recipient');
  const note = readText(fields, 'note');
  const copyTo = joinOrgans(readList(fields, 'copyTo'));
  const printingOrgan = readText(fields, 'printingOrgan') || office.name;
  const printDate = chineseDate(readText(fields, 'printDate') || readText(fields, 'date'));
  return {
    type,
    format: info.format,
    organMark: readText(fields, 'organMark') || office.name,
    number: options.number,
    signer: info.upward ? readText(fields, 'signer') || null : null,
    title: readText(fields, 'title'),
    recipient: recipient ? `${recipient.replace(/[：:]$/, '')}：` : null,
    body: BODY[type](fields),
    attachments: readList(fields, 'attachments'),
    signature: {
      organ,
      date,
      dateRightChars: 4,
      organRightChars: Math.max(0, 4 + (dateWidth - organWidth) / 2),
      seal: true,
    },
    note: note ? (/^[（(]/.test(note) ? note : `（${note}）`) : null,
    copyTo: copyTo || null,
    printing: info.format === 'redHeader' ? { organ: printingOrgan, date: `${printDate}印发` } : null,
    draft: options.draft,
  };
}

/** The plain text of a model, in reading order: for search, tests and accessibility. */
export function modelText(model: DocumentModel): string {
  const lines = [model.organMark, model.number, model.title, model.recipient ?? ''];
  for (const b of model.body) {
    if (b.kind === 'paragraph') lines.push(b.runs.map((r) => r.text).join(''));
    else if (b.kind === 'heading') lines.push(b.text + b.tail);
    else lines.push(b.columns.join(' '), ...b.rows.map((r) => r.join(' ')));
  }
  lines.push(...model.attachments, model.signature.organ, model.signature.date);
  return lines.filter(Boolean).join('\n');
}
