import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentService } from '../../../electron/services/documents/service';
import { DOCUMENT_TYPE_INFO, DOCUMENT_TYPES } from '../../../shared/documents/types';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/harness';
import { PlaywrightPdfPrinter } from '../../e2e/support/pdf-printer';
import { completeFields, sourceFor } from './fixtures';
import { makeService, tempDir } from './support';

/** Page-1 renders are kept here for people to look at (gitignored). */
const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts/documents');

let browser: Browser;
let printer: PlaywrightPdfPrinter;
let service: DocumentService;
let folder: ReturnType<typeof tempDir>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  folder = tempDir();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  printer = new PlaywrightPdfPrinter(() => browser.newPage());
  service = makeService(folder.dir, { printer });
}, 60_000);

afterAll(async () => {
  await printer?.close();
  await browser?.close();
  folder?.remove();
});

const squash = (text: string) => text.replace(/\s+/g, '');

function pdfText(pdf: Uint8Array, pages?: [number, number]): string {
  const path = join(folder.dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' });
}

function renderPage1(pdf: Uint8Array, name: string): void {
  const path = join(folder.dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', '-png', '-singlefile', path, join(folder.dir, name)]);
  renameSync(join(folder.dir, `${name}.png`), join(ARTIFACTS, `${name}.png`));
}

describe.each(DOCUMENT_TYPES)('PDF of %s', (type) => {
  it('prints an A4 document whose text holds the number, title and recipient', { timeout: 60_000 }, async () => {
    const draft = await service.createDraft(type, sourceFor(type));
    await service.saveDraft(draft.id, completeFields(draft.fields));
    const issued = await service.issue(draft.id);
    const { data: pdf } = await service.fileFor(issued.id, 'pdf');

    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);

    const text = pdfText(pdf);
    const flat = squash(text);
    expect(flat).toContain(squash(issued.number ?? 'missing'));
    expect(issued.number).toMatch(new RegExp(`^青司${DOCUMENT_TYPE_INFO[type].prefixSuffix}〔2026〕\\d+号$`));
    expect(flat).toContain(squash(issued.title));
    expect(flat).toContain(squash(`${issued.recipient}：`));
    expect(flat).toContain('青山县司法局');
    expect(flat).toContain('2026年11月27日');

    // Page numbers: none on a letter's first page; "— 1 —" right-aligned otherwise.
    const page1 = pdfText(pdf, [1, 1]);
    if (DOCUMENT_TYPE_INFO[type].format === 'letter') expect(page1).not.toMatch(/—\s*1\s*—/);
    else expect(page1).toMatch(/ {20,}—\s*1\s*—/);
    renderPage1(pdf, type);
  });
});

describe('PDF details', () => {
  it('numbers even pages on the left and keeps the signature with body text', { timeout: 60_000 }, async () => {
    const draft = await service.createDraft('supervision_opinion', sourceFor('supervision_opinion'));
    const issued = await service.issue(draft.id);
    const { data: pdf } = await service.fileFor(issued.id, 'pdf');
    const page2 = pdfText(pdf, [2, 2]);
    expect(page2).toMatch(/^ {0,12}—\s*2\s*—/m);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    const last = pages.at(-1) ?? '';
    // The organ signs on a page that also carries text of the document (no seal on a blank page).
    const beforeSignature = last.slice(0, last.indexOf('2026年11月27日')).replace(/青山县司法局/g, '');
    expect(beforeSignature.replace(/[\s—\d]/g, '').length).toBeGreaterThan(10);
  });

  it('previews a draft with a blank sequence number and the seal area outlined', { timeout: 60_000 }, async () => {
    const draft = await service.createDraft('rectification_notice', sourceFor('rectification_notice'));
    const pdf = await service.preview(draft.id);
    const text = squash(pdfText(pdf));
    expect(text).toContain('青司执监改〔2026〕号');
    expect(text).toContain('印章位置');
    expect(text).toContain('行政执法监督整改通知书');
    renderPage1(pdf, 'draft-rectification_notice');
  });
});

describe('PDF compaction', () => {
  it('packs Chromium output into object streams without changing a page', { timeout: 60_000 }, async () => {
    const { compactPdf } = await import('../../../electron/services/documents/pdf-compact');
    const { renderDocumentHtml } = await import('../../../electron/services/documents/html-renderer');
    const { buildDocumentModel } = await import('../../../shared/documents/build-model');
    const { draftFromSource } = await import('../../../shared/documents/draft');
    const { OFFICE, TODAY } = await import('./fixtures');
    const fields = draftFromSource('supervision_opinion', sourceFor('supervision_opinion'), OFFICE, { today: TODAY });
    const model = buildDocumentModel('supervision_opinion', fields, OFFICE, {
      number: '青司执监意〔2026〕9号',
      draft: false,
    });
    const raw = await printer.print(renderDocumentHtml(model));
    const packed = compactPdf(raw);
    expect(packed.length).toBeLessThan(raw.length * 0.8);

    const check = (pdf: Uint8Array) => {
      const path = join(folder.dir, `c-${Math.random().toString(36).slice(2)}.pdf`);
      writeFileSync(path, pdf);
      const text = execFileSync('pdftotext', ['-layout', path, '-'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // poppler reports any damage on stderr; a sound file gives none.
      const render = execFileSync('sh', ['-c', `pdftoppm -r 20 -png "${path}" "${path}-p" 2>&1 >/dev/null`], {
        encoding: 'utf8',
      });
      return { text, warnings: render.trim() };
    };
    const before = check(raw);
    const after = check(packed);
    expect(after.warnings).toBe('');
    expect(after.text).toBe(before.text);
  });

  it('leaves what it does not understand alone', async () => {
    const { compactPdf } = await import('../../../electron/services/documents/pdf-compact');
    const junk = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<</Length 999>>\nstream\nshort');
    expect(compactPdf(junk)).toBe(junk);
    const notPdf = new TextEncoder().encode('hello');
    expect(compactPdf(notPdf)).toBe(notPdf);
  });
});
