import type { Block, DocumentModel, FontRole, Run } from '../../../shared/documents/model';
import { textWidthInChars } from '../../../shared/documents/text';
import {
  CHAR_PITCH_PT,
  FONT_STACKS,
  LINE_PITCH_PT,
  MARGIN,
  mmToPt,
  organMarkSizePt,
  PAGE,
  RED,
  SIZE_PT,
  TYPE_AREA,
} from './layout';

/**
 * The print rendering of a document model: one self-contained HTML page (no scripts, no
 * remote resources) that Chromium prints to a GB/T 9704 PDF, whether through Electron's
 * printToPDF or Playwright's page.pdf.
 */
export function renderDocumentHtml(model: DocumentModel): string {
  const parts = model.format === 'redHeader' ? redHeader(model) : letterHeader(model);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${esc(model.title)}</title>
<style>${stylesheet(model)}</style></head>
<body class="${model.format}${model.draft ? ' draft' : ''}">
${parts}
<div class="title">${esc(model.title)}</div>
${model.recipient ? `<p class="recipient">${esc(model.recipient)}</p>` : ''}
<div class="body">${model.body.slice(0, -1).map(block).join('\n')}</div>
<div class="closing">${model.body.slice(-1).map(block).join('')}
${attachments(model.attachments)}
${signature(model)}
${model.note ? `<p class="note">${esc(model.note)}</p>` : ''}</div>
${versionBlock(model)}
</body></html>`;
}

const FACE: Record<FontRole, string> = {
  fang: 'GW Fang',
  title: 'GW Title',
  hei: 'GW Hei',
  kai: 'GW Kai',
  song: 'GW Song',
};

function fontFaces(): string {
  return (Object.keys(FACE) as FontRole[])
    .map((role) => {
      const src = FONT_STACKS[role].map((name) => `local('${name}')`).join(', ');
      return `@font-face { font-family: '${FACE[role]}'; src: ${src}; }`;
    })
    .join('\n');
}

const pt = (n: number) => `${Math.round(n * 1000) / 1000}pt`;

function stylesheet(model: DocumentModel): string {
  const line = LINE_PITCH_PT;
  const ch = CHAR_PITCH_PT - 0.01; // a hair under the grid so 28 characters always fit
  const spacing = ch - SIZE_PT.body;
  const markPt = organMarkSizePt(model.organMark, model.format);
  const pageNumber = `font-family: '${FACE.song}', serif; font-size: ${SIZE_PT.small}pt; vertical-align: top; padding-top: 7mm; letter-spacing: 0; color: #000;`;
  const firstPage =
    model.format === 'letter'
      ? // 信函格式: no page number on the first page, and a thin-over-thick red rule 20 mm above its bottom edge.
        `@page :first {
  @bottom-right { content: none; }
  @bottom-left { content: none; }
  @bottom-center { content: ''; vertical-align: top; margin-top: ${MARGIN.bottomMm - 20 - 2}mm; height: 2mm;
    margin-left: -7mm; margin-right: -7mm;
    border-top: 0.3mm solid #${RED}; border-bottom: 0.9mm solid #${RED}; box-sizing: border-box; padding: 0; }
}`
      : '';
  return `${fontFaces()}
@page { size: ${PAGE.widthMm}mm ${PAGE.heightMm}mm; margin: ${MARGIN.topMm}mm ${MARGIN.rightMm}mm ${MARGIN.bottomMm}mm ${MARGIN.leftMm}mm; }
@page :right { @bottom-right { content: '— ' counter(page) ' —'; ${pageNumber} padding-right: ${SIZE_PT.small}pt; } }
@page :left { @bottom-left { content: '— ' counter(page) ' —'; ${pageNumber} padding-left: ${SIZE_PT.small}pt; } }
${firstPage}
html, body { margin: 0; padding: 0; }
body { width: ${TYPE_AREA.widthMm}mm; font-family: '${FACE.fang}', serif; font-size: ${SIZE_PT.body}pt; line-height: ${pt(line)};
  letter-spacing: ${pt(spacing)}; color: #000; text-align: justify; orphans: 1; widows: 1;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; font-kerning: none; }
p { margin: 0; }
.mark { font-family: '${FACE.title}', serif; color: #${RED}; font-size: ${markPt}pt; line-height: ${pt(markPt * 1.2)};
  text-align: center; letter-spacing: ${pt(markPt * 0.06)}; white-space: nowrap; }
.redHeader .mark { margin-top: 35mm; }
.number { text-align: center; margin-top: ${pt(line * 2)}; letter-spacing: 0; }
.number.upward { display: flex; justify-content: space-between; padding: 0 ${pt(ch)}; }
.signer-name { font-family: '${FACE.kai}', serif; }
.red-rule { margin-top: 4mm; border-top: 0.7mm solid #${RED}; }
.double-rule { margin: 4mm -7mm 0; height: 2mm; box-sizing: border-box; border-top: 0.9mm solid #${RED}; border-bottom: 0.3mm solid #${RED}; }
.letter .number { text-align: right; margin-top: 2mm; }
.title { font-family: '${FACE.title}', serif; font-size: ${SIZE_PT.title}pt; line-height: ${pt(line)}; text-align: center;
  letter-spacing: 0; margin-top: ${pt(line * 2)}; padding: 0 ${pt(ch)}; text-wrap: balance; }
.recipient { margin-top: ${pt(line)}; text-align: left; }
.closing { break-inside: avoid; }
p.indent, p.heading { text-indent: ${pt(ch * 2)}; }
.h1 { font-family: '${FACE.hei}', sans-serif; }
.h2 { font-family: '${FACE.kai}', serif; }
.tail { font-family: '${FACE.fang}', serif; }
table { width: 100%; border-collapse: collapse; margin: ${pt(line / 4)} 0; font-size: ${SIZE_PT.small}pt; line-height: 1.6;
  letter-spacing: 0; text-align: center; break-inside: auto; }
th, td { border: 0.75pt solid #000; padding: 1pt 4pt; }
th { font-family: '${FACE.hei}', sans-serif; font-weight: normal; }
.attachments { margin-top: ${pt(line)}; padding-left: ${pt(ch * 2)}; }
.attachments .item { display: flex; }
.attachments .label { flex: none; width: ${pt(ch * 3)}; }
.attachments .label.hidden { visibility: hidden; }
.signature { position: relative; margin-top: ${pt(line * 2)}; break-inside: avoid; }
.signature .organ, .signature .date { text-align: right; }
.seal { position: absolute; width: 42mm; height: 42mm; border: 0.5mm dashed #${RED}; border-radius: 50%; opacity: 0.55;
  color: #${RED}; font-size: 10.5pt; letter-spacing: 0; display: flex; align-items: center; justify-content: center; }
.note { text-indent: ${pt(ch * 2)}; }
.version { margin-top: ${pt(line * 2)}; font-size: ${SIZE_PT.small}pt; line-height: ${pt(line)}; letter-spacing: 0; break-inside: avoid; }
.version .copyto { display: flex; padding: 0 ${pt(SIZE_PT.small)}; }
.version .copyto .label { flex: none; }
.version .printing { display: flex; justify-content: space-between; padding: 0 ${pt(SIZE_PT.small)}; }
.redHeader .version { border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; }
.redHeader .version .copyto { border-bottom: 0.25mm solid #000; }
`;
}

function redHeader(model: DocumentModel): string {
  const number = model.signer
    ? `<div class="number upward"><span>${esc(model.number)}</span><span>签发人：<span class="signer-name">${esc(model.signer)}</span></span></div>`
    : `<div class="number">${esc(model.number)}</div>`;
  return `<div class="mark">${esc(model.organMark)}</div>
${number}
<div class="red-rule"></div>`;
}

function letterHeader(model: DocumentModel): string {
  return `<div class="mark">${esc(model.organMark)}</div>
<div class="double-rule"></div>
<div class="number">${esc(model.number)}</div>`;
}

function runHtml(run: Run): string {
  const text = esc(run.text);
  if (!run.font && !run.bold) return text;
  const style = `${run.font ? `font-family: '${FACE[run.font]}';` : ''}${run.bold ? 'font-weight: bold;' : ''}`;
  return `<span style="${style}">${text}</span>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p class="${b.indent ? 'indent' : ''}">${b.runs.map(runHtml).join('')}</p>`;
    case 'heading':
      return `<p class="heading h${b.level}">${esc(b.text)}${b.tail ? `<span class="tail">${esc(b.tail)}</span>` : ''}</p>`;
    case 'table':
      return `<table><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

function attachments(items: string[]): string {
  if (!items.length) return '';
  if (items.length === 1)
    return `<div class="attachments"><div class="item"><span class="label">附件：</span><span>${esc(items[0] ?? '')}</span></div></div>`;
  const rows = items
    .map(
      (item, i) =>
        `<div class="item"><span class="label${i ? ' hidden' : ''}">附件：</span><span>${i + 1}. ${esc(item)}</span></div>`,
    )
    .join('');
  return `<div class="attachments">${rows}</div>`;
}

function signature(model: DocumentModel): string {
  const s = model.signature;
  const ch = CHAR_PITCH_PT;
  // A draft outlines where the 42 mm seal goes: centred over the date, pressing on the
  // organ and date, which sit below its centre (GB/T 9704 §7.3.5.1).
  const radius = mmToPt(21);
  const sealRight = s.dateRightChars * ch + (textWidthInChars(s.date) * ch) / 2 - radius;
  const sealTop = LINE_PITCH_PT * 0.5 - radius;
  const seal =
    model.draft && s.seal
      ? `<div class="seal" style="right: ${pt(sealRight)}; top: ${pt(sealTop)};">印章位置</div>`
      : '';
  return `<div class="signature">${seal}
<p class="organ" style="padding-right: ${pt(s.organRightChars * ch)}">${esc(s.organ)}</p>
<p class="date" style="padding-right: ${pt(s.dateRightChars * ch)}">${esc(s.date)}</p>
</div>`;
}

function versionBlock(model: DocumentModel): string {
  if (!model.copyTo && !model.printing) return '';
  const copy = model.copyTo
    ? `<div class="copyto"><span class="label">抄送：</span><span>${esc(model.copyTo)}</span></div>`
    : '';
  const printing = model.printing
    ? `<div class="printing"><span>${esc(model.printing.organ)}</span><span>${esc(model.printing.date)}</span></div>`
    : '';
  return `<div class="version">${copy}${printing}</div>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
