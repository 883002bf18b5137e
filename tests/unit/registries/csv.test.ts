import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter, TooManyRowsError } from '../../../electron/services/tabular/csv';
import { decodeText, detectEncoding } from '../../../electron/services/tabular/decode';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const text =
      'name,basis\r\n"青山县市场监督管理局","《行政处罚法》第十八条, 第二款"\r\n"He said ""yes""","line one\nline two"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'basis'],
      ['青山县市场监督管理局', '《行政处罚法》第十八条, 第二款'],
      ['He said "yes"', 'line one\nline two'],
    ]);
  });

  it('accepts LF, CR and CRLF line ends and a missing final line break', () => {
    expect(parseCsv('a,b\nc,d\re,f\r\ng,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps empty fields, empty quoted fields and blank lines as records', () => {
    expect(parseCsv('a,,c\n"",x,\n\nz')).toEqual([['a', '', 'c'], ['', 'x', ''], [''], ['z']]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(parseCsv('5" pipe,ok\n"a"b,c')).toEqual([
      ['5" pipe', 'ok'],
      ['ab', 'c'],
    ]);
  });

  it('sniffs semicolon and tab delimiters from the first line, ignoring quoted ones', () => {
    expect(sniffDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(sniffDelimiter('"x,y,z"\tb\n')).toBe('\t');
    expect(parseCsv('a\tb\n1\t"2\t3"')).toEqual([
      ['a', 'b'],
      ['1', '2\t3'],
    ]);
  });

  it('stops with TooManyRowsError past the limit', () => {
    const text = Array.from({ length: 11 }, (_, i) => `row${i}`).join('\n');
    expect(() => parseCsv(text, { maxRows: 10 })).toThrow(TooManyRowsError);
    expect(parseCsv(text, { maxRows: 11 })).toHaveLength(11);
  });
});

describe('decodeText', () => {
  const gbk = (hex: string) => Uint8Array.from(hex.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('机关名称,简称')]);
    expect(decodeText(bytes)).toEqual({ text: '机关名称,简称', encoding: 'utf-8' });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('青山县司法局'))).toEqual({ text: '青山县司法局', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for GBK bytes (Excel "CSV" on a Chinese Windows)', () => {
    // "机关名称,简称" in GBK.
    const bytes = gbk('bbfab9d8c3fbb3c62cbcf2b3c6');
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
    expect(decodeText(bytes).text).toBe('机关名称,简称');
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const text = '姓名\t执法证号';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 + i * 2] = code & 0xff;
      bytes[3 + i * 2] = code >> 8;
    }
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});
