import { renderDocumentDocx } from '../../../electron/services/documents/docx-renderer';
import { renderDocumentHtml } from '../../../electron/services/documents/html-renderer';
import { compactPdf } from '../../../electron/services/documents/pdf-compact';
import { buildDocumentModel } from '../../../shared/documents/build-model';
import { draftFromSource } from '../../../shared/documents/draft';
import { PlaywrightPdfPrinter } from '../../e2e/support/pdf-printer';
import { OFFICE, OPINION_SOURCE, TODAY } from '../../unit/documents/fixtures';
import { makeService, tempDir } from '../../unit/documents/support';
import { launchBenchChromium } from '../chromium';
import { type BenchSuite, median, round } from '../types';

/** An issued supervision opinion with five findings, the document the figures are about. */
function opinionModel() {
  const fields = draftFromSource('supervision_opinion', OPINION_SOURCE, OFFICE, { today: TODAY });
  return buildDocumentModel('supervision_opinion', fields, OFFICE, { number: '青司执监意〔2026〕18号', draft: false });
}

const suite: BenchSuite = {
  name: 'documents',
  async run() {
    // DOCX of one opinion: drafting from the source, the model, the Word file.
    await renderDocumentDocx(opinionModel());
    const docxTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await renderDocumentDocx(opinionModel());
      docxTimes.push(performance.now() - start);
    }

    // 100 documents for the children of a campaign: drafts stored, each rendered to DOCX.
    const folder = tempDir('desk-bench-docs-');
    let batchMs = 0;
    try {
      const service = makeService(folder.dir);
      const sources = Array.from({ length: 100 }, (_, i) => ({
        ...OPINION_SOURCE,
        dossierId: `campaign-child-${i + 1}`,
        recipient: { name: `青山县第${i + 1}执法单位` },
      }));
      const start = performance.now();
      const { results } = await service.batch(
        { type: 'supervision_opinion', sources, issue: false },
        new AbortController().signal,
        () => undefined,
      );
      for (const r of results) if (r.ok) await service.fileFor(r.id, 'docx');
      batchMs = performance.now() - start;
      if (results.some((r) => !r.ok)) throw new Error('batch item failed');
    } finally {
      folder.remove();
    }

    // PDF of the same opinion through Chromium's printing, as printToPDF does it.
    const browser = await launchBenchChromium();
    const printer = new PlaywrightPdfPrinter(() => browser.newPage());
    const pdfTimes: number[] = [];
    let pdfBytes = 0;
    try {
      await printer.print(renderDocumentHtml(opinionModel()));
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        // What the documents service stores: Chromium's PDF, packed into object streams.
        const pdf = compactPdf(await printer.print(renderDocumentHtml(opinionModel())));
        pdfTimes.push(performance.now() - start);
        pdfBytes = pdf.length;
      }
    } finally {
      await printer.close();
      await browser.close();
    }

    return [
      { name: 'docx.single_ms', value: round(median(docxTimes)), unit: 'ms' },
      { name: 'docx.batch100_ms', value: round(batchMs), unit: 'ms' },
      { name: 'pdf.single_ms', value: round(median(pdfTimes)), unit: 'ms' },
      { name: 'pdf.single_kib', value: round(pdfBytes / 1024), unit: 'KiB' },
    ];
  },
};
export default suite;
