import { deflateSync } from 'node:zlib';

/**
 * Packs a classic PDF's plain objects into compressed object streams (PDF 1.5) with a
 * cross-reference stream, as `qpdf --object-streams=generate` does. Chromium writes
 * fonts it cannot subset (the CFF-based Noto CJK on Linux) as Type 3 fonts whose large
 * uncompressed dictionaries dominate the file; packed, a typical document shrinks by a
 * third. Streams are copied byte for byte. Anything unexpected returns the input as is.
 */
export function compactPdf(input: Uint8Array): Uint8Array {
  try {
    return compact(Buffer.from(input.buffer, input.byteOffset, input.byteLength)) ?? input;
  } catch {
    return input;
  }
}

interface PdfObject {
  num: number;
  /** Raw bytes of a stream object, from "N 0 obj" through "endobj". */
  raw?: Buffer;
  /** The content of a plain object, between "obj" and "endobj". */
  body?: string;
}

const PER_STREAM = 100;

function compact(buf: Buffer): Uint8Array | null {
  const text = buf.toString('latin1');
  if (!text.startsWith('%PDF-1.')) return null;
  // Only files with one classic trailer: no encryption, no existing object or xref streams.
  if (/\/Encrypt\b|\/ObjStm\b|\/XRef\b|\/Prev\b/.test(text)) return null;
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(text.lastIndexOf('trailer')));
  if (!trailer?.[1]) return null;
  const root = /\/Root\s+(\d+\s+0\s+R)/.exec(trailer[1])?.[1];
  if (!root) return null;
  const info = /\/Info\s+(\d+\s+0\s+R)/.exec(trailer[1])?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer[1])?.[1];

  const objects: PdfObject[] = [];
  const header = /\s*(?:%[^\n]*\n\s*)*(\d+)\s+(\d+)\s+obj\b/y;
  let pos = text.indexOf('\n') + 1;
  for (;;) {
    header.lastIndex = pos;
    const m = header.exec(text);
    if (!m) break;
    if (m[2] !== '0') return null;
    const objStart = text.indexOf(`${m[1]} ${m[2]} obj`, m.index);
    const afterHeader = m.index + m[0].length;
    const end = text.indexOf('endobj', afterHeader);
    const streamAt = text.indexOf('stream', afterHeader);
    if (end === -1) return null;
    if (streamAt !== -1 && streamAt < end) {
      const dict = text.slice(afterHeader, streamAt);
      const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
      if (!length?.[1] || length[2]) return null;
      let dataStart = streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] !== '\n') return null;
      dataStart++;
      const dataEnd = dataStart + Number(length[1]);
      const close = text.indexOf('endobj', text.indexOf('endstream', dataEnd));
      if (close === -1) return null;
      pos = close + 'endobj'.length;
      objects.push({ num: Number(m[1]), raw: buf.subarray(objStart, pos) });
    } else {
      objects.push({ num: Number(m[1]), body: text.slice(afterHeader, end).trim() });
      pos = end + 'endobj'.length;
    }
  }
  if (!/^\s*xref\b/.test(text.slice(pos, pos + 64)) || objects.length === 0) return null;

  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  /** xref entries: [type, field2, field3] by object number. */
  const entries = new Map<number, [number, number, number]>();
  push(Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1'));

  for (const o of objects) {
    if (!o.raw) continue;
    entries.set(o.num, [1, offset, 0]);
    push(o.raw);
    push(Buffer.from('\n'));
  }

  let next = Math.max(...objects.map((o) => o.num)) + 1;
  const plain = objects.filter((o) => o.body !== undefined);
  for (let i = 0; i < plain.length; i += PER_STREAM) {
    const group = plain.slice(i, i + PER_STREAM);
    const streamNum = next++;
    const offsets: string[] = [];
    let body = '';
    group.forEach((o, index) => {
      offsets.push(`${o.num} ${Buffer.byteLength(body, 'latin1')}`);
      body += `${o.body}\n`;
      entries.set(o.num, [2, streamNum, index]);
    });
    const head = `${offsets.join(' ')}\n`;
    const data = deflateSync(Buffer.from(head + body, 'latin1'));
    entries.set(streamNum, [1, offset, 0]);
    push(
      Buffer.from(
        `${streamNum} 0 obj\n<</Type /ObjStm /N ${group.length} /First ${Buffer.byteLength(head, 'latin1')} /Filter /FlateDecode /Length ${data.length}>>\nstream\n`,
        'latin1',
      ),
    );
    push(data);
    push(Buffer.from('\nendstream\nendobj\n'));
  }

  const xrefNum = next++;
  entries.set(xrefNum, [1, offset, 0]);
  const size = next;
  const table = Buffer.alloc(size * 7);
  for (let n = 0; n < size; n++) {
    const [type, a, b] = entries.get(n) ?? [0, 0, n === 0 ? 0xffff : 0];
    table.writeUInt8(type, n * 7);
    table.writeUInt32BE(a, n * 7 + 1);
    table.writeUInt16BE(b, n * 7 + 5);
  }
  const xrefData = deflateSync(table);
  const extra = `${info ? ` /Info ${info}` : ''}${id ? ` /ID ${id}` : ''}`;
  const xrefOffset = offset;
  push(
    Buffer.from(
      `${xrefNum} 0 obj\n<</Type /XRef /Size ${size} /W [1 4 2] /Root ${root}${extra} /Filter /FlateDecode /Length ${xrefData.length}>>\nstream\n`,
      'latin1',
    ),
  );
  push(xrefData);
  push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  const out = Buffer.concat(chunks);
  return out.length < buf.length ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : null;
}
