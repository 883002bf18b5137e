import { describe, expect, it } from 'vitest';
import { decodePage, decodeRow, encodePage, encodeRow } from '../../../shared/backup/row-codec';

describe('row codec', () => {
  it('carries typed arrays, dates and awkward strings, and re-encodes to the same text', () => {
    const row = {
      seg: 3,
      status: new Uint8Array([1, 2, 250]),
      updated: new Uint32Array([0, 4_000_000_000, 7]),
      due: new Uint16Array([65535, 1]),
      when: new Date('2026-11-27T08:00:00.000Z'),
      raw: new Uint8Array([0, 255, 128]).buffer,
      text: '第一行\n第二行 "引号" \\ $sd',
      tricky: { $sd: 'not a tag', v: 1 },
      skipped: undefined,
      list: [new Int32Array([-1, 2]), null, 'x'],
    };
    const line = encodeRow(row);
    expect(line).not.toContain('\n');
    const back = decodeRow(line) as typeof row;
    expect(back.status).toEqual(row.status);
    expect(back.updated).toBeInstanceOf(Uint32Array);
    expect([...back.updated]).toEqual([0, 4_000_000_000, 7]);
    expect([...back.due]).toEqual([65535, 1]);
    expect(back.when).toEqual(row.when);
    expect([...new Uint8Array(back.raw)]).toEqual([0, 255, 128]);
    expect(back.text).toBe(row.text);
    expect(back.tricky).toEqual({ $sd: 'not a tag', v: 1 });
    expect('skipped' in back).toBe(false);
    expect(encodeRow(back)).toBe(line);
  });

  it('pages are NDJSON with a final line feed; an empty page is empty', () => {
    const rows = [{ id: 1 }, { id: 2, b: new Uint8Array([9]) }];
    const page = encodePage(rows);
    expect(page.endsWith('\n')).toBe(true);
    expect(page.split('\n')).toHaveLength(3);
    expect(decodePage(page)).toEqual(rows);
    expect(encodePage([])).toBe('');
    expect(decodePage('')).toEqual([]);
  });
});
