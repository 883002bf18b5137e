import { z } from '../../zod-setup';

// Spreadsheet import and export for the registries. The main process only reads and
// writes files; the renderer owns the records, validates rows and writes them.

const sheetSchema = z.object({
  name: z.string().max(200),
  rows: z.array(z.object({ line: z.number().int().min(1), cells: z.array(z.string().max(2_000)).max(60) })).max(50_100),
});

export const tableFileSchema = z.object({
  fileName: z.string().max(255),
  format: z.enum(['csv', 'xlsx']),
  sheets: z.array(sheetSchema).max(50),
});

const xlsxCell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const registryChannels = {
  /** Asks for a CSV or XLSX file and returns its rows as text; null when the clerk cancels. */
  'registry.readTable': { input: z.undefined(), output: tableFileSchema.nullable() },
  /** Asks where to save and writes the sheets as one workbook; `saved: false` when cancelled. */
  'registry.exportXlsx': {
    input: z.object({
      defaultName: z.string().min(1).max(120),
      sheets: z
        .array(
          z.object({
            name: z.string().min(1).max(100),
            columns: z.array(z.object({ header: z.string().max(200), width: z.number().min(4).max(100) })).max(60),
            rows: z.array(z.array(xlsxCell).max(60)).max(200_000),
          }),
        )
        .min(1)
        .max(20),
    }),
    output: z.object({ saved: z.boolean(), fileName: z.string().max(255).optional() }),
  },
} as const;
