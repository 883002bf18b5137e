import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPINION_SOURCE } from '../unit/documents/fixtures';
import { expect, openApp, seedOffice, test } from './support/fixtures';

const SCREENS = resolve(import.meta.dirname, '../artifacts/documents/screens');

// The dossier feature will create drafts through draftDocumentFromSource(); until it
// lands, the test drafts from the same DocumentSource straight through the backend.
// The timeline entry on issuance is wired by the dossier feature (onDocumentIssued).
test('drafts an opinion from a dossier source, previews, issues and lists it', async ({ desk }) => {
  await seedOffice(desk);
  const draft = await desk.backend.documents.createDraft('supervision_opinion', OPINION_SOURCE);
  const { page } = desk;
  await openApp(page);
  await page.getByRole('menuitem', { name: '文书' }).click();
  await expect(page.getByTestId('document-list')).toContainText('行政执法监督意见书');
  await expect(page.getByTestId('document-list')).toContainText('草稿');
  await page
    .getByTestId('document-list')
    .getByRole('row', { name: /行政执法监督意见书/ })
    .click();

  await expect(page.getByTestId('document-heading')).toHaveText('起草：行政执法监督意见书');
  await expect(page.getByTestId('field-recipient')).toHaveValue('青山县市场监督管理局');
  await expect(page.getByTestId('finding-card')).toHaveCount(5);
  await page.screenshot({ path: join(SCREENS, 'editor-draft.png'), fullPage: false });

  await page.getByTestId('preview').click();
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(Number(await preview.getAttribute('data-pages'))).toBeGreaterThanOrEqual(2);
  await expect(preview.locator('canvas.pdf-page').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'preview-draft.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('issue').click();
  await page.getByRole('button', { name: '确定签发' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('已签发');
  await expect(page.getByTestId('document-heading')).toHaveText('青司执监意〔2026〕1号');
  await expect(page.getByText('存档文件完好')).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'editor-issued.png') });

  const issued = await desk.backend.documents.get(draft.id);
  expect(issued).toMatchObject({ status: 'issued', number: '青司执监意〔2026〕1号', dossierId: 'dossier-2026-0042' });

  // Save a copy where the clerk chooses.
  const target = join(desk.userDataDir, 'copy.docx');
  desk.ports.dialogs.saveAnswers.push(target);
  await page.getByRole('button', { name: '另存为 DOCX' }).click();
  await expect(page.getByText(`已保存到 ${target}`)).toBeVisible();
  expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('button', { name: '返回文书列表' }).click();
  const row = page.getByTestId('document-list').getByRole('row', { name: /青司执监意〔2026〕1号/ });
  await expect(row).toContainText('已签发');
  await expect(row).toContainText('青山县市场监督管理局');
  await page.screenshot({ path: join(SCREENS, 'list.png') });
});

test('a blank draft shows which fields are missing before it can be issued', async ({ desk }) => {
  await seedOffice(desk);
  const { page } = desk;
  await openApp(page);
  await page.getByRole('menuitem', { name: '文书' }).click();
  await page.getByTestId('new-document').click();
  await page.getByTestId('new-document-type').click();
  await page.getByTitle('复查决定书').click();
  await page.getByRole('button', { name: '确 定' }).click();
  await expect(page.getByTestId('document-heading')).toHaveText('起草：复查决定书');

  await page.getByTestId('issue').click();
  await expect(page.getByText('请填写此项').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'editor-validation.png') });
  expect(await desk.backend.documents.list({ status: 'issued' })).toHaveLength(0);

  await page.getByTestId('field-recipient').fill('青山县交通运输局');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
  const [saved] = await desk.backend.documents.list({ status: 'draft' });
  expect(saved?.recipient).toBe('青山县交通运输局');
  expect(existsSync(join(desk.userDataDir, 'documents', 'drafts', `${saved?.id}.json`))).toBe(true);
});

test('an issued document offers correction and voiding, never editing', async ({ desk }) => {
  await seedOffice(desk);
  const draft = await desk.backend.documents.createDraft('rectification_notice', OPINION_SOURCE);
  await desk.backend.documents.issue(draft.id);
  const { page } = desk;
  await openApp(page);
  await page.goto(`${page.url().split('#')[0]}#/documents/${draft.id}`);
  await expect(page.getByTestId('document-status')).toHaveText('已签发');
  await expect(page.getByTestId('field-title')).toBeDisabled();
  await expect(page.getByTestId('issue')).toHaveCount(0);

  await page.getByRole('button', { name: '更正' }).click();
  await expect(page.getByTestId('document-heading')).toHaveText('起草：整改通知书');
  await expect(page.getByText('本文书更正')).toBeVisible();
  expect((await desk.backend.documents.get(draft.id)).status).toBe('issued');
});
