import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  type IParagraphStyleOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel, FontRole, Run } from '../../../shared/documents/model';
import {
  CHAR_PITCH_PT,
  DOCX_FONTS,
  LINE_PITCH_PT,
  MARGIN,
  mmToTwip,
  organMarkSizePt,
  PAGE,
  RED,
  SIZE_PT,
  TYPE_AREA,
} from './layout';

/**
 * The Word rendering of a document model: real paragraphs with named styles (so WPS and
 * Word users can keep editing), the GB/T 9704 page and grid, and odd/even footers for
 * the page numbers. No text boxes or frames anywhere.
 */

const LINE = Math.floor(LINE_PITCH_PT * 20); // 579 twips, exact
const CHAR = Math.round(CHAR_PITCH_PT * 20); // one body character, 316 twips
const SMALL_CHAR = SIZE_PT.small * 20;
const TYPE_WIDTH = mmToTwip(TYPE_AREA.widthMm);
const half = (pt: number) => Math.round(pt * 2);

function font(role: FontRole) {
  const name = DOCX_FONTS[role].name;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function styles(model: DocumentModel): IParagraphStyleOptions[] {
  const markPt = organMarkSizePt(model.organMark, model.format);
  const body = { font: font('fang'), size: half(SIZE_PT.body) };
  const para = (id: string, name: string, paragraph: IParagraphStyleOptions['paragraph'], run = {}) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'GwBody',
    quickFormat: true,
    paragraph: { spacing: exact(), ...paragraph },
    run: { ...body, ...run },
  });
  return [
    para('GwBody', 'GW 正文', {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLineChars: 200, firstLine: CHAR * 2 },
    }),
    para(
      'GwMark',
      'GW 发文机关标志',
      {
        alignment: AlignmentType.CENTER,
        spacing: { ...exact(Math.round(markPt * 1.2 * 20)), before: model.format === 'redHeader' ? mmToTwip(35) : 0 },
      },
      { font: font('title'), size: half(markPt), color: RED, characterSpacing: Math.round(markPt * 0.06 * 20) },
    ),
    para('GwNumber', 'GW 发文字号', { alignment: AlignmentType.CENTER, spacing: { ...exact(), before: LINE * 2 } }),
    para(
      'GwTitle',
      'GW 标题',
      {
        alignment: AlignmentType.CENTER,
        spacing: { ...exact(), before: LINE * 2 },
        indent: { left: CHAR, right: CHAR },
      },
      { font: font('title'), size: half(SIZE_PT.title) },
    ),
    para('GwRecipient', 'GW 主送机关', { alignment: AlignmentType.LEFT, spacing: { ...exact(), before: LINE } }),
    para(
      'GwHeading1',
      'GW 一级标题',
      { alignment: AlignmentType.JUSTIFIED, indent: { firstLineChars: 200, firstLine: CHAR * 2 }, outlineLevel: 0 },
      { font: font('hei') },
    ),
    para(
      'GwHeading2',
      'GW 二级标题',
      { alignment: AlignmentType.JUSTIFIED, indent: { firstLineChars: 200, firstLine: CHAR * 2 }, outlineLevel: 1 },
      { font: font('kai') },
    ),
    para('GwHeading3', 'GW 三级标题', {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLineChars: 200, firstLine: CHAR * 2 },
      outlineLevel: 2,
    }),
    para('GwHeading4', 'GW 四级标题', {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLineChars: 200, firstLine: CHAR * 2 },
      outlineLevel: 3,
    }),
    para('GwSignature', 'GW 署名和日期', { alignment: AlignmentType.RIGHT }),
    para(
      'GwVersion',
      'GW 版记',
      { alignment: AlignmentType.LEFT, indent: { left: SMALL_CHAR, right: SMALL_CHAR } },
      { size: half(SIZE_PT.small) },
    ),
    para(
      'GwTable',
      'GW 表格',
      {
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(SIZE_PT.small * 1.5 * 20), lineRule: LineRuleType.EXACT },
      },
      { size: half(SIZE_PT.small) },
    ),
    para(
      'GwPageNumber',
      'GW 页码',
      { spacing: { line: Math.round(SIZE_PT.small * 1.2 * 20), lineRule: LineRuleType.EXACT } },
      { font: font('song'), size: half(SIZE_PT.small) },
    ),
  ];
}

const text = (value: string, role?: FontRole, extra: { bold?: boolean } = {}) =>
  new TextRun({ text: value, ...(role ? { font: font(role) } : {}), ...extra });

const runOf = (run: Run) => text(run.text, run.font, run.bold ? { bold: true } : {});

function bodyBlock(block: Block, keepNext = false): Paragraph | Table {
  switch (block.kind) {
    case 'paragraph':
      return new Paragraph({
        style: 'GwBody',
        ...(keepNext ? { keepNext } : {}),
        ...(block.indent ? {} : { indent: { firstLine: 0 } }),
        children: block.runs.map(runOf),
      });
    case 'heading':
      return new Paragraph({
        style: `GwHeading${block.level}`,
        ...(keepNext || (!block.tail && block.level <= 2) ? { keepNext: true } : {}),
        children: [text(block.text), ...(block.tail ? [text(block.tail, 'fang')] : [])],
      });
    case 'table':
      return table(block.columns, block.rows);
  }
}

function table(columns: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const width = Math.floor(TYPE_WIDTH / Math.max(1, columns.length));
  const cell = (value: string, head: boolean) =>
    new TableCell({
      borders,
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ style: 'GwTable', children: [text(value, head ? 'hei' : undefined)] })],
    });
  return new Table({
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function header(model: DocumentModel): Paragraph[] {
  const mark = new Paragraph({ style: 'GwMark', children: [text(model.organMark)] });
  if (model.format === 'letter') {
    // 信函格式: a thick-over-thin red double rule 170 mm wide under the mark, the number flush right below it.
    const overhang = mmToTwip((170 - TYPE_AREA.widthMm) / 2);
    return [
      mark,
      new Paragraph({
        style: 'GwBody',
        spacing: { line: 40, lineRule: LineRuleType.EXACT, before: mmToTwip(4) },
        indent: { left: -overhang, right: -overhang, firstLine: 0 },
        border: { top: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: RED, space: 0 } },
        children: [],
      }),
      new Paragraph({
        style: 'GwNumber',
        alignment: AlignmentType.RIGHT,
        spacing: { ...exact(), before: mmToTwip(2) },
        children: [text(model.number)],
      }),
    ];
  }
  // 文件格式: number centred two lines under the mark, the red rule 4 mm below it.
  const rule = { style: BorderStyle.SINGLE, size: 16, color: RED, space: 11 };
  const number = model.signer
    ? new Paragraph({
        style: 'GwNumber',
        alignment: AlignmentType.LEFT,
        indent: { left: CHAR, right: CHAR },
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - CHAR * 2 }],
        border: { bottom: rule },
        children: [
          text(model.number),
          new TextRun({ children: [new Tab()] }),
          text('签发人：'),
          text(model.signer, 'kai'),
        ],
      })
    : new Paragraph({ style: 'GwNumber', border: { bottom: rule }, children: [text(model.number)] });
  return [mark, number];
}

function attachments(items: string[]): Paragraph[] {
  if (!items.length) return [];
  const lead = CHAR * 2;
  const label = CHAR * 3;
  if (items.length === 1) {
    return [
      new Paragraph({
        style: 'GwBody',
        spacing: { ...exact(), before: LINE },
        indent: { left: lead + label, hanging: label },
        children: [text(`附件：${items[0]}`)],
      }),
    ];
  }
  return items.map(
    (item, i) =>
      new Paragraph({
        style: 'GwBody',
        spacing: { ...exact(), before: i === 0 ? LINE : 0 },
        indent: i === 0 ? { left: lead + label, hanging: label } : { left: lead + label, firstLine: 0 },
        children: [text(`${i === 0 ? '附件：' : ''}${i + 1}. ${item}`)],
      }),
  );
}

function closing(model: DocumentModel): Paragraph[] {
  const s = model.signature;
  const out = [
    new Paragraph({
      style: 'GwSignature',
      keepNext: true,
      spacing: { ...exact(), before: LINE * 2 },
      indent: { right: Math.round(s.organRightChars * CHAR) },
      children: [text(s.organ)],
    }),
    new Paragraph({
      style: 'GwSignature',
      indent: { right: s.dateRightChars * CHAR },
      children: [text(s.date)],
    }),
  ];
  if (model.note) out.push(new Paragraph({ style: 'GwBody', children: [text(model.note)] }));
  return out;
}

function versionBlock(model: DocumentModel): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const ruled = model.format === 'redHeader';
  const out: Paragraph[] = [];
  const label = SMALL_CHAR * 3;
  if (model.copyTo) {
    out.push(
      new Paragraph({
        style: 'GwVersion',
        spacing: { ...exact(), before: LINE * 2 },
        keepNext: true,
        indent: { left: SMALL_CHAR + label, right: SMALL_CHAR, hanging: label },
        ...(ruled ? { border: { top: thick, ...(model.printing ? { bottom: thin } : { bottom: thick }) } } : {}),
        children: [text(`抄送：${model.copyTo}`)],
      }),
    );
  }
  if (model.printing) {
    out.push(
      new Paragraph({
        style: 'GwVersion',
        spacing: { ...exact(), before: model.copyTo ? 0 : LINE * 2 },
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - SMALL_CHAR * 2 }],
        border: model.copyTo ? { bottom: thick } : { top: thick, bottom: thick },
        children: [text(model.printing.organ), new TextRun({ children: [new Tab()] }), text(model.printing.date)],
      }),
    );
  }
  return out;
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'GwPageNumber',
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: SMALL_CHAR } : { left: SMALL_CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The letter format's first page: no number, a thin-over-thick red rule 20 mm above the edge. */
function letterFirstFooter(): Footer {
  const overhang = mmToTwip((170 - TYPE_AREA.widthMm) / 2);
  return new Footer({
    children: [
      new Paragraph({
        style: 'GwPageNumber',
        spacing: { line: 40, lineRule: LineRuleType.EXACT },
        indent: { left: -overhang, right: -overhang },
        border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 24, color: RED, space: 0 } },
        children: [],
      }),
    ],
  });
}

/** w:altName gives Word and WPS a font to use when the GB2312 face is not installed. */
function fontTableXml(): string {
  const entries = Object.values(DOCX_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${entries}</w:fonts>`;
}

export async function renderDocumentDocx(model: DocumentModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [...header(model)];
  children.push(new Paragraph({ style: 'GwTitle', children: [text(model.title)] }));
  if (model.recipient) children.push(new Paragraph({ style: 'GwRecipient', children: [text(model.recipient)] }));
  model.body.forEach((block, i) => {
    // The last paragraph stays on the page of the signature: no seal on an empty page.
    children.push(bodyBlock(block, i === model.body.length - 1));
  });
  children.push(...attachments(model.attachments), ...closing(model), ...versionBlock(model));

  const letter = model.format === 'letter';
  const doc = new Document({
    creator: model.signature.organ,
    title: model.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('fang'), size: half(SIZE_PT.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact() },
        },
      },
      paragraphStyles: styles(model),
    },
    sections: [
      {
        properties: {
          titlePage: letter,
          page: {
            size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
            margin: {
              top: mmToTwip(MARGIN.topMm),
              bottom: mmToTwip(MARGIN.bottomMm),
              left: mmToTwip(MARGIN.leftMm),
              right: mmToTwip(MARGIN.rightMm),
              header: mmToTwip(15),
              footer: mmToTwip(22),
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LINE,
            charSpace: Math.round((CHAR_PITCH_PT - SIZE_PT.body) * 4096),
          },
        },
        footers: {
          default: pageNumberFooter('right'),
          even: pageNumberFooter('left'),
          ...(letter ? { first: letterFirstFooter() } : {}),
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
