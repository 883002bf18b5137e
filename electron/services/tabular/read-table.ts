import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/ipc/errors';
import type { Sheet, SheetRow } from '../../../shared/registry/import-plan';
import { parseCsv, TooManyRowsError } from './csv';
import { decodeText } from './decode';

/** What an import may read: beyond these a spreadsheet is refused before it is parsed. */
export const TABLE_LIMITS: Readonly<TableLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 60,
  maxCellChars: 2_000,
};

export interface TableFile {
  fileName: string;
  format: 'csv' | 'xlsx';
  sheets: Sheet[];
}

export interface TableLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}
type Limits = TableLimits;

/**
 * Reads a CSV or XLSX file into sheets of text rows (blank rows left out, row numbers
 * kept as the spreadsheet shows them). The format is told by the file's first bytes,
 * not its name; a legacy .xls or anything else is refused with a clear code.
 */
export async function readTableFile(path: string, limits: Limits = TABLE_LIMITS): Promise<TableFile> {
  const info = await stat(path);
  if (!info.isFile()) throw new AppError('NOT_FOUND', 'Not a file');
  if (info.size > limits.maxBytes) {
    throw new AppError('TABLE_TOO_LARGE', `The file has ${info.size} bytes`, {
      params: { limitMb: Math.round(limits.maxBytes / 1024 / 1024) },
    });
  }
  const head = await readHead(path, 8);
  const fileName = basename(path);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return { fileName, format: 'xlsx', sheets: await readXlsx(path, limits) };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new AppError('TABLE_FORMAT_UNSUPPORTED', 'Legacy .xls workbook', { params: { format: 'xls' } });
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    return { fileName, format: 'csv', sheets: [await readCsv(path, fileName, limits)] };
  }
  throw new AppError('TABLE_FORMAT_UNSUPPORTED', `Unsupported file ${ext}`, { params: { format: ext || '?' } });
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function tooManyRows(limits: Limits): AppError {
  return new AppError('TABLE_TOO_MANY_ROWS', `More than ${limits.maxRows} rows`, { params: { limit: limits.maxRows } });
}

function clip(cells: string[], limits: Limits): string[] {
  return cells
    .slice(0, limits.maxColumns)
    .map((c) => (c.length > limits.maxCellChars ? c.slice(0, limits.maxCellChars) : c));
}

async function readCsv(path: string, fileName: string, limits: Limits): Promise<Sheet> {
  const { text } = decodeText(await readFile(path));
  let records: string[][];
  try {
    // One extra row for the header.
    records = parseCsv(text, { maxRows: limits.maxRows + 1 });
  } catch (error) {
    if (error instanceof TooManyRowsError) throw tooManyRows(limits);
    throw error;
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: i + 1, cells: clip(cells, limits) });
  });
  return { name: fileName.replace(/\.[^.]+$/, ''), rows };
}

async function readXlsx(path: string, limits: Limits): Promise<Sheet[]> {
  const sheets: Sheet[] = [];
  let total = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const worksheet of reader) {
      const sheet: Sheet = {
        name: String((worksheet as { name?: string }).name ?? `Sheet${sheets.length + 1}`),
        rows: [],
      };
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, cellText);
        if (!cells.some((c) => c.trim() !== '')) continue;
        total++;
        // The limit counts data rows: each sheet read so far, this one included, has a header.
        if (total - (sheets.length + 1) > limits.maxRows) throw tooManyRows(limits);
        sheet.rows.push({ line: row.number, cells: clip(cells, limits) });
      }
      sheets.push(sheet);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('TABLE_UNREADABLE', 'The workbook could not be read', { cause: error });
  }
  return sheets;
}

/** Text of a cell as the clerk sees it in Excel. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText((value as { result?: ExcelJS.CellValue }).result as ExcelJS.CellValue);
    }
    if ('text' in value && 'hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}
