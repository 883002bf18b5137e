import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPINION_SOURCE } from '../unit/documents/fixtures';
import { dossierEvents, openOwnDossier, seedDemoData } from './support/dossiers';
import { expect, openApp, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';

const SCREENS = resolve(import.meta.dirname, '../artifacts/documents/screens');

test('drafts an opinion from a dossier with findings, previews, issues it, and finds it on the timeline and in the list', async ({
  desk,
}) => {
  test.setTimeout(120_000);
  await seedOffice(desk);
  const { page } = desk;
  await openApp(page);
  await seedDemoData(page);
  // A dossier under rectification has findings with deadlines.
  const dossierId = await openOwnDossier(page, '?status=rectifying');
  const title = (await page.getByTestId('dossier-title').textContent()) ?? '';
  const findings = await page.getByTestId('tab-findings').locator('.ant-badge').textContent();

  await page.getByRole('tab', { name: '文书' }).click();
  await page.getByTestId('draft-document').click();
  await page.getByRole('menuitem', { name: '行政执法监督意见书' }).click();
  await expect(page.getByTestId('document-heading')).toHaveText('起草：行政执法监督意见书');
  await expect(page.getByTestId('finding-card')).toHaveCount(Number(findings));
  await page.screenshot({ path: join(SCREENS, 'editor-draft.png'), fullPage: false });

  await page.getByTestId('preview').click();
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(preview.locator('canvas.pdf-page').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'preview-draft.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('issue').click();
  await page.getByRole('button', { name: '确定签发' }).click();
  await expect(page.getByTestId('document-status')).toHaveText('已签发');
  await expect(page.getByTestId('document-heading')).toHaveText('青司执监意〔2026〕1号');
  await expect(page.getByText('存档文件完好')).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'editor-issued.png') });
  const [issued] = await desk.backend.documents.list({ status: 'issued' });
  expect(issued).toMatchObject({ number: '青司执监意〔2026〕1号', dossierId });
  const files = (await desk.backend.documents.get(issued?.id ?? '')).files;

  // Save a copy where the clerk chooses.
  const target = join(desk.userDataDir, 'copy.docx');
  desk.ports.dialogs.saveAnswers.push(target);
  await page.getByRole('button', { name: '另存为 DOCX' }).click();
  await expect(page.getByText(`已保存到 ${target}`)).toBeVisible();
  expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');

  // Back on the dossier: the issuance is on its timeline, with the files' hashes, and
  // the chain still verifies.
  await page.goto(`${APP_URL}#/dossiers/${dossierId}`);
  await expect(page.getByTestId('dossier-title')).toHaveText(title);
  await page.getByTestId('tab-timeline').click();
  const timeline = page.getByTestId('dossier-detail');
  await expect(timeline.getByText('签发文书')).toBeVisible();
  await expect(timeline.getByText(/文书：青司执监意〔2026〕1号/)).toBeVisible();
  await page.getByTestId('verify-integrity').click();
  await expect(page.getByTestId('integrity-result')).toContainText('完整');
  const events = await dossierEvents(page, dossierId);
  expect(events.filter((e) => e.type === 'document_issued')).toEqual([
    expect.objectContaining({
      data: expect.objectContaining({ number: '青司执监意〔2026〕1号', pdfSha256: files?.pdf.sha256 }),
    }),
  ]);
  // Showing the dossier again does not record the issuance twice.
  await page.reload();
  await page.getByTestId('tab-timeline').click();
  await expect(timeline.getByText('签发文书')).toHaveCount(1);

  await page.getByRole('tab', { name: '文书' }).click();
  await expect(page.getByTestId('dossier-documents')).toContainText('青司执监意〔2026〕1号');
  await page.getByRole('menuitem', { name: '文书' }).click();
  const row = page.getByTestId('document-list').getByRole('row', { name: /青司执监意〔2026〕1号/ });
  await expect(row).toContainText('已签发');
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
