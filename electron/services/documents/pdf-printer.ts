/**
 * Prints a self-contained HTML page to PDF with Chromium. Electron implements it with a
 * hidden window's printToPDF; the e2e harness and tests with Playwright's page.pdf. The
 * page's CSS sets the paper (preferCSSPageSize), so both produce the same document.
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}
