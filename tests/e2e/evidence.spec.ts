import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Evidence } from '../../shared/domain/dossier';
import { dossierEvents, openOwnDossier, seedDemoData } from './support/dossiers';
import { makePdf, makePng } from './support/files';
import { expect, openApp, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { idbAll } from './support/idb';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A dossier of the office's own, with its evidence tab open; returns the dossier's id. */
async function openPanel(page: Page): Promise<string> {
  await openApp(page);
  // The clerk signs what they add and remove.
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('clerk-name').fill('李明');
  await page.getByTestId('clerk-save').click();
  await seedDemoData(page);
  const id = await openOwnDossier(page);
  await page.getByTestId('tab-evidence').click();
  await expect(page.getByTestId('evidence-drop')).toBeVisible();
  return id;
}

/** Drops files on the panel the way a browser does: a DataTransfer carrying File objects. */
async function dropFiles(page: Page, files: { name: string; bytes?: number[]; size?: number }[]): Promise<void> {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = file.bytes ? Uint8Array.from(file.bytes) : new Uint8Array(file.size ?? 0).fill(7);
      transfer.items.add(new File([bytes], file.name));
    }
    const zone = document.querySelector('[data-testid="evidence-drop"]') as HTMLElement;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** Dark pixels on the PDF canvas: text was drawn. */
const inkOn = (page: Page) =>
  page.getByTestId('pdf-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
    return dark;
  });

const row = (page: Page, name: string) => page.getByTestId('evidence-table').getByRole('row').filter({ hasText: name });

test('evidence: add by dialog and by drop, duplicates caught, image and PDF preview, removal recorded with a reason', async ({
  desk,
}, testInfo) => {
  await seedOffice(desk);
  const { page } = desk;
  const pdf = makePdf(['Rectification notice', 'Second page']);
  const png = makePng(120, 80, [30, 90, 200]);
  const pdfPath = testInfo.outputPath('notice.pdf');
  const pngPath = testInfo.outputPath('site-photo.png');
  const copyPath = testInfo.outputPath('notice-copy.pdf');
  writeFileSync(pdfPath, pdf);
  writeFileSync(pngPath, png);
  writeFileSync(copyPath, pdf);
  const dossierId = await openPanel(page);

  // By the file dialog: two files, hashed and stored under their SHA-256.
  desk.ports.dialogs.openAnswers.push([pdfPath, pngPath]);
  await page.getByRole('button', { name: '添加文件' }).click();
  await expect(page.getByText('已添加 2 个文件')).toBeVisible();
  await expect(row(page, 'notice.pdf')).toContainText('application/pdf');
  await expect(row(page, 'site-photo.png')).toContainText('image/png');
  let records = await idbAll<Evidence>(page, 'evidence');
  expect(records.map((e) => [e.fileName, e.sha256, e.size, e.dossierId, e.addedBy]).sort()).toEqual(
    [
      ['notice.pdf', sha256(pdf), pdf.length, dossierId, '李明'],
      ['site-photo.png', sha256(png), png.length, dossierId, '李明'],
    ].sort(),
  );
  const stored = (sha: string) => join(desk.userDataDir, 'evidence', sha.slice(0, 2), sha);
  expect(existsSync(stored(sha256(pdf)))).toBe(true);

  // The same bytes under another name, by dialog and by drop: warned, not added.
  desk.ports.dialogs.openAnswers.push([copyPath]);
  await page.getByRole('button', { name: '添加文件' }).click();
  await expect(
    page.getByText('“notice-copy.pdf”与本案卷已有的证据“notice.pdf”内容相同（SHA-256 一致），未重复添加。'),
  ).toBeVisible();
  await dropFiles(page, [{ name: 'photo-again.png', bytes: [...png] }]);
  await expect(page.getByText('“photo-again.png”与本案卷已有的证据“site-photo.png”内容相同')).toBeVisible();

  // A dropped file with no path on disk arrives in chunks.
  const statement = Buffer.from('证人陈述：2026年3月1日现场检查时……', 'utf8');
  await dropFiles(page, [{ name: 'statement.txt', bytes: [...statement] }]);
  await expect(row(page, 'statement.txt')).toContainText('text/plain');
  records = await idbAll<Evidence>(page, 'evidence');
  expect(records).toHaveLength(3);
  expect(records.find((e) => e.fileName === 'statement.txt')?.sha256).toBe(sha256(statement));

  // Image preview: the bytes come from the store over the app's own origin.
  await row(page, 'site-photo.png').getByRole('button', { name: '预览' }).click();
  const image = page.getByTestId('evidence-image');
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([120, 80]);
  await page.keyboard.press('Escape');

  // PDF preview, drawn by pdf.js on a canvas, page by page.
  await row(page, 'notice.pdf').getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('第 1 / 2 页');
  await expect.poll(() => inkOn(page)).toBeGreaterThan(100);
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('第 2 / 2 页');
  await page.screenshot({ path: testInfo.outputPath('pdf-preview.png') });
  await page.keyboard.press('Escape');

  // Removal needs a reason, is recorded with who and when, and keeps the bytes.
  await row(page, 'statement.txt').getByRole('button', { name: '移除' }).click();
  const dialog = page.getByRole('dialog', { name: '移除证据“statement.txt”' });
  await dialog.getByRole('button', { name: '移 除' }).click();
  await expect(dialog.getByText('请填写此项')).toBeVisible();
  await dialog.getByLabel('移除原因').fill('与本案无关，误传');
  await dialog.getByRole('button', { name: '移 除' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'statement.txt').getByTestId('evidence-removed-note')).toContainText(
    '由 李明 移除，原因：与本案无关，误传',
  );
  const removed = (await idbAll<Evidence>(page, 'evidence')).find((e) => e.fileName === 'statement.txt');
  expect(removed?.removed).toMatchObject({ by: '李明', reason: '与本案无关，误传' });
  // Each addition and the removal are on the dossier's timeline, with the files named.
  const events = (await dossierEvents(page, dossierId)).filter((e) => e.type.startsWith('evidence_'));
  expect(events.map((e) => e.type)).toEqual(['evidence_added', 'evidence_added', 'evidence_removed']);
  expect(events[2]?.data).toMatchObject({ name: 'statement.txt', sha256: sha256(statement) });
  expect(existsSync(stored(sha256(statement)))).toBe(true);
  await expect(row(page, 'statement.txt').getByRole('button', { name: '移除' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('evidence-panel.png'), fullPage: true });

  // Removed evidence can be hidden; nothing is ever deleted.
  await page.getByLabel('显示已移除的证据').click();
  await expect(row(page, 'statement.txt')).toHaveCount(0);
  expect(await idbAll(page, 'evidence')).toHaveLength(3);

  // The route serves stored hashes only, typed by their bytes, never sniffed.
  const served = await page.evaluate(async (sha) => {
    const ok = await fetch(`/evidence/${sha}`);
    const missing = await fetch(`/evidence/${'0'.repeat(64)}`);
    return [ok.status, ok.headers.get('content-type'), ok.headers.get('x-content-type-options'), missing.status];
  }, sha256(pdf));
  expect(served).toEqual([200, 'application/pdf', 'nosniff', 404]);
});

test('evidence: cancelling a large drop leaves no record and no file behind', async ({ desk }) => {
  await seedOffice(desk);
  const { page } = desk;
  await openPanel(page);
  await dropFiles(page, [{ name: 'recording.mp4', size: 48 * 1024 * 1024 }]);
  await expect(page.getByText('正在复制并计算校验值')).toBeVisible();
  await page.getByRole('button', { name: '取 消' }).click();
  await expect(page.getByText('操作已取消。')).toBeVisible();
  await expect(page.getByText('正在复制并计算校验值')).toBeHidden();
  expect(await idbAll(page, 'evidence')).toEqual([]);
  const storeFiles = readdirSync(join(desk.userDataDir, 'evidence'), { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile(),
  );
  expect(storeFiles).toEqual([]);
});

test('evidence: a Chinese PDF whose fonts are not embedded still previews', async ({ desk }, testInfo) => {
  await seedOffice(desk);
  const { page } = desk;
  const path = testInfo.outputPath('通知书.pdf');
  writeFileSync(path, makePdf(['责令限期整改通知书'], { chinese: true }));
  await openPanel(page);
  desk.ports.dialogs.openAnswers.push([path]);
  await page.getByRole('button', { name: '添加文件' }).click();
  await row(page, '通知书.pdf').getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('第 1 / 1 页');
  await expect.poll(() => inkOn(page)).toBeGreaterThan(500);
  await page.screenshot({ path: testInfo.outputPath('cjk-preview.png') });
});
