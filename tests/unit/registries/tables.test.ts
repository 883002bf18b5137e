import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTableFile, TABLE_LIMITS } from '../../../electron/services/tabular/read-table';
import { safeSheetName, writeXlsx } from '../../../electron/services/tabular/write-xlsx';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-tables-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readTableFile', () => {
  it('reads an XLSX workbook: every sheet, row numbers as Excel shows them, typed cells as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('执法人员');
    sheet.addRow(['姓名', '执法证号', '所属执法主体']);
    sheet.addRow(['张三', 330104001234, { richText: [{ text: '青山县' }, { text: '市场监督管理局' }] }]);
    sheet.addRow([]);
    sheet.addRow(['李四', { formula: '"A"&"001"', result: 'A001' }, '青山县司法局']);
    workbook.addWorksheet('说明').addRow(['本表由某县司法局制作']);
    const path = join(dir, 'officers.xlsx');
    await workbook.xlsx.writeFile(path);

    const table = await readTableFile(path);
    expect(table.format).toBe('xlsx');
    expect(table.sheets.map((s) => s.name)).toEqual(['执法人员', '说明']);
    expect(table.sheets[0]?.rows).toEqual([
      { line: 1, cells: ['姓名', '执法证号', '所属执法主体'] },
      { line: 2, cells: ['张三', '330104001234', '青山县市场监督管理局'] },
      { line: 4, cells: ['李四', 'A001', '青山县司法局'] },
    ]);
  });

  it('reads a GBK CSV by its bytes, whatever the name says', async () => {
    const path = join(dir, 'organs.txt');
    // "姓名,证号\r\n张三,A001" in GBK.
    writeFileSync(path, Buffer.from('d0d5c3fb2cd6a4bac50d0ad5c5c8fd2c41303031', 'hex'));
    const table = await readTableFile(path);
    expect(table.format).toBe('csv');
    expect(table.sheets[0]?.rows).toEqual([
      { line: 1, cells: ['姓名', '证号'] },
      { line: 2, cells: ['张三', 'A001'] },
    ]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    await expect(readTableFile(path, { ...TABLE_LIMITS, maxBytes: 4 })).rejects.toMatchObject({
      code: 'TABLE_TOO_LARGE',
    });
  });

  it('refuses more data rows than the limit, in CSV and XLSX alike', async () => {
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, ['h', ...Array.from({ length: 6 }, (_, i) => `r${i}`)].join('\n'));
    await expect(readTableFile(csv, { ...TABLE_LIMITS, maxRows: 5 })).rejects.toMatchObject({
      code: 'TABLE_TOO_MANY_ROWS',
    });
    expect((await readTableFile(csv, { ...TABLE_LIMITS, maxRows: 6 })).sheets[0]?.rows).toHaveLength(7);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    for (let i = 0; i < 7; i++) sheet.addRow([`r${i}`]);
    const xlsx = join(dir, 'rows.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    await expect(readTableFile(xlsx, { ...TABLE_LIMITS, maxRows: 5 })).rejects.toMatchObject({
      code: 'TABLE_TOO_MANY_ROWS',
    });
  });

  it('refuses a legacy .xls workbook and other formats with a clear code', async () => {
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from('d0cf11e0a1b11ae1000000', 'hex'));
    await expect(readTableFile(xls)).rejects.toMatchObject({
      code: 'TABLE_FORMAT_UNSUPPORTED',
      params: { format: 'xls' },
    });
    const pdf = join(dir, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    await expect(readTableFile(pdf)).rejects.toMatchObject({ code: 'TABLE_FORMAT_UNSUPPORTED' });
  });

  it('reports a damaged workbook as TABLE_UNREADABLE', async () => {
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)]));
    await expect(readTableFile(path)).rejects.toMatchObject({ code: 'TABLE_UNREADABLE' });
  });
});

describe('writeXlsx', () => {
  it('writes sheets that read back the same, formulas-looking text staying text', async () => {
    const path = join(dir, 'export.xlsx');
    await writeXlsx(path, [
      {
        name: '机关',
        columns: [
          { header: '机关名称', width: 30 },
          { header: '备注', width: 10 },
        ],
        rows: [
          ['青山县司法局', '=HYPERLINK("http://x")'],
          ['江州市司法局', null],
        ],
      },
      { name: 'a/b:c', columns: [{ header: 'x', width: 8 }], rows: [[1]] },
    ]);
    const table = await readTableFile(path);
    expect(table.sheets.map((s) => s.name)).toEqual(['机关', 'a b c']);
    expect(table.sheets[0]?.rows.map((r) => r.cells)).toEqual([
      ['机关名称', '备注'],
      ['青山县司法局', '=HYPERLINK("http://x")'],
      ['江州市司法局'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.getWorksheet('机关')?.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    // No temporary file is left beside the result.
    expect(readdirSync(dir)).toEqual(['export.xlsx']);
  });

  it('leaves neither the target nor a temporary file when writing fails', async () => {
    const path = join(dir, 'missing-folder', 'export.xlsx');
    await expect(
      writeXlsx(path, [{ name: 'S', columns: [{ header: 'x', width: 8 }], rows: [['1']] }]),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes sheet names Excel accepts and keeps them distinct', () => {
    const taken = new Set<string>();
    expect(safeSheetName('执法人员', taken)).toBe('执法人员');
    expect(safeSheetName('执法人员', taken)).toBe('执法人员 2');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
  });
});
