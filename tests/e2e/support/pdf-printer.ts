import type { Page } from '@playwright/test';
import type { PdfPrinter } from '../../../electron/services/documents/pdf-printer';

/**
 * The harness's stand-in for Electron's printToPDF: Chromium's page.pdf on a page of
 * its own, which is the same printing path. Prints run one at a time on one page.
 */
export class PlaywrightPdfPrinter implements PdfPrinter {
  private page: Promise<Page> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly openPage: () => Promise<Page>) {}

  print(html: string): Promise<Uint8Array> {
    const job = this.queue.then(() => this.printNow(html));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async printNow(html: string): Promise<Uint8Array> {
    this.page ??= this.openPage();
    const page = await this.page;
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  }

  async close(): Promise<void> {
    const page = await this.page?.catch(() => undefined);
    this.page = undefined;
    await page?.close().catch(() => undefined);
  }
}
