import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../../services/documents/pdf-printer';

/**
 * printToPDF from a hidden window that exists only for one print: sandboxed, no preload,
 * nothing but the generated page (whose own CSP allows no scripts or remote loads).
 * Prints run one at a time so that a batch does not open a hundred windows.
 */
export class ElectronPdfPrinter implements PdfPrinter {
  private queue: Promise<unknown> = Promise.resolve();

  print(html: string): Promise<Uint8Array> {
    const job = this.queue.then(() => printInHiddenWindow(html));
    this.queue = job.catch(() => undefined);
    return job;
  }
}

async function printInHiddenWindow(html: string): Promise<Uint8Array> {
  // Written out where the window is made, so reviewers and electronegativity see it.
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      // Only for awaiting document.fonts.ready from here; the page itself runs no script.
      javascript: true,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    // Fonts are local (no network), so this is quick; should the page's own CSP ever
    // refuse the call, printing goes on after a short wait rather than failing.
    await Promise.race([
      window.webContents.executeJavaScript('document.fonts.ready.then(() => true)', true).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: false,
      generateDocumentOutline: false,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    window.destroy();
  }
}
