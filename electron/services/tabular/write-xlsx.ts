import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { partialPathFor } from '../storage/atomic';

export type XlsxCell = string | number | boolean | null;

export interface XlsxSheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: XlsxCell[][];
}

/** Excel refuses sheet names longer than 31 characters or holding any of : \ / ? * [ ]. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Writes a workbook with a bold, frozen header row per sheet. The workbook is streamed
 * to a temporary file beside the target and renamed into place only when complete,
 * so a failure never leaves a half-written file under the chosen name.
 */
export async function writeXlsx(target: string, sheets: XlsxSheet[]): Promise<void> {
  const temp = partialPathFor(target);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: true,
    });
    const taken = new Set<string>();
    for (const spec of sheets) {
      const sheet = workbook.addWorksheet(safeSheetName(spec.name, taken), {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for (const row of spec.rows) {
        // Values are stored as typed cells, never as formulas: a cell reading "=1+1" stays text.
        sheet.addRow(row.map((v) => (v === null ? '' : v))).commit();
      }
      sheet.commit();
    }
    await workbook.commit();
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
