import type { Page } from '@playwright/test';
import { seedDemoData } from './support/dossiers';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { pick } from './support/select';

async function addCaseFile(page: Page, number: string, name: string): Promise<void> {
  await page.getByTestId('add-case-file').click();
  const dialog = page.getByRole('dialog');
  await pick(page, dialog.getByTestId('case-file-subject'), 1);
  await dialog.getByTestId('case-file-number').fill(number);
  await dialog.getByTestId('case-file-name').fill(name);
  await dialog.getByTestId('case-file-officers').fill('张三，李四');
  await dialog.getByTestId('case-file-save').click();
  await expect(dialog).toBeHidden();
}

test('a case file with a veto item scores 0 and fails; a normal file gets the grade of its total', async ({ desk }) => {
  test.setTimeout(180_000);
  await seedOffice(desk);
  const { page } = desk;
  await seedDemoData(page, '100');

  await page.goto(`${APP_URL}#/reviews`);
  await page.getByTestId('new-session').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('session-name').fill('2026年度行政处罚案卷评查');
  await pick(page, dialog.getByTestId('session-reviewers'), 2);
  await dialog.getByTestId('session-create').click();
  await expect(page.getByTestId('session-title')).toHaveText('2026年度行政处罚案卷评查');

  await addCaseFile(page, '青市监罚〔2026〕15号', '某超市销售过期食品案');
  await addCaseFile(page, '青市监罚〔2026〕16号', '某餐馆未取得许可经营案');
  const rows = page.getByTestId('review-file-row');
  await expect(rows).toHaveCount(2);

  // The first file: deductions, then a veto item, which overrides them.
  await rows.nth(0).getByTestId('score-file').click();
  const sheet = page.getByTestId('score-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('score-total')).toHaveText('100');
  await page.getByTestId('deduct-pagination-no_page_numbers').click();
  await expect(page.getByTestId('score-total')).toHaveText('98');
  await page.getByTestId('veto-single_officer').click();
  await expect(page.getByTestId('score-total')).toHaveText('0');
  await expect(page.getByTestId('score-grade')).toHaveText('不合格');
  await page.getByTestId('score-save').click();

  await expect(rows.nth(0).getByTestId('file-total')).toHaveText('0');
  await expect(rows.nth(0).getByTestId('file-grade')).toHaveText('不合格');

  // The second: form −2 −2, content −8 under procedure: 88, good (80–89).
  await rows.nth(1).getByTestId('score-file').click();
  await expect(sheet).toBeVisible();
  await page.getByTestId('deduct-pagination-no_page_numbers').click();
  await page.getByTestId('deduct-templates-wrong_template').click();
  await page.getByTestId('custom-procedure').fill('8');
  await page.getByTestId('note-procedure').fill('未告知陈述申辩权利');
  await expect(page.getByTestId('score-form')).toHaveText('16');
  await expect(page.getByTestId('score-content')).toHaveText('72');
  await expect(page.getByTestId('score-total')).toHaveText('88');
  await expect(page.getByTestId('score-grade')).toHaveText('良好');
  await page.getByTestId('score-save').click();

  await expect(rows.nth(1).getByTestId('file-total')).toHaveText('88');
  await expect(rows.nth(1).getByTestId('file-grade')).toHaveText('良好');
  await expect(page.getByTestId('session-average')).toContainText('44');
  await expect(page.getByTestId('session-grade-good')).toContainText('1');
  await expect(page.getByTestId('session-grade-fail')).toContainText('1');

  // The saved marks come back when the file is opened again.
  await rows.nth(1).getByTestId('score-file').click();
  await expect(page.getByTestId('score-total')).toHaveText('88');
  await expect(page.getByTestId('custom-procedure')).toHaveAttribute('aria-valuenow', '8');
  await page.goBack();

  // Problems become findings: the veto and the page numbers of the first file (both real problems),
  // two typical deductions and the procedure points of the second.
  await page.getByTestId('record-problems').click();
  await expect(page.getByText('已将 5 个问题登记为案卷评查事项中的问题')).toBeVisible();
  // Recorded once only.
  await page.getByTestId('record-problems').click();
  await expect(page.getByText('没有尚未登记的问题')).toBeVisible();

  // The circular is drafted from the session's figures.
  await page.getByTestId('draft-document').click();
  await page.getByRole('menuitem', { name: '案卷评查情况通报' }).click();
  await expect(page.getByTestId('document-heading')).toHaveText('起草：案卷评查情况通报');
  const [draft] = await desk.backend.documents.list({ status: 'draft' });
  const text = JSON.stringify(await desk.backend.documents.get(draft?.id ?? ''));
  // The session's period defaults to the current year.
  expect(text).toContain(`关于${new Date().getFullYear()}年度行政执法案卷评查情况的通报`);
  expect(text).toContain('共评查1个执法单位的行政执法案卷2卷，平均得分44分');
});
