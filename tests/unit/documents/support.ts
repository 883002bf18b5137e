import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../../../electron/services/documents/pdf-printer';
import { DocumentService } from '../../../electron/services/documents/service';
import type { Logger } from '../../../electron/services/logger';
import type { OfficeIdentity } from '../../../shared/domain/office';
import { OFFICE } from './fixtures';

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * A printer for tests about numbering and storage, where the PDF's look does not
 * matter: it returns the HTML's bytes behind a PDF header, so each document's "PDF"
 * still differs with its content (and its number).
 */
export class EchoPrinter implements PdfPrinter {
  calls = 0;
  failNext = false;
  async print(html: string): Promise<Uint8Array> {
    this.calls += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('printer jammed');
    }
    await new Promise((r) => setTimeout(r, 1));
    return new TextEncoder().encode(`%PDF-1.4\n${html}`);
  }
}

export function tempDir(prefix = 'desk-docs-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeService(
  dir: string,
  options: { printer?: PdfPrinter; office?: OfficeIdentity | null; now?: () => Date } = {},
): DocumentService {
  return new DocumentService({
    dir,
    office: () => (options.office === undefined ? OFFICE : options.office),
    printer: options.printer ?? new EchoPrinter(),
    logger: silentLogger,
    now: options.now ?? (() => new Date('2026-11-27T09:30:00+08:00')),
  });
}
