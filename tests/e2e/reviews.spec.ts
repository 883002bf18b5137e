import type { Page } from '@playwright/test';
import { openedDialog } from './support/dialog';
import { seedDemoData } from './support/dossiers';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { pick } from './support/select';

async function addCaseFile(page: Page, number: string, name: string): Promise<void> {
  await page.getByTestId('add-case-file').click();
  const dialog = await openedDialog(page);
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
  const dialog = await openedDialog(page);
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

  // Once its problems are findings and a circular is issued from it, the session cannot be deleted.
  if (!draft) throw new Error('no circular draft');
  const issued = await desk.backend.documents.issue(draft.id);
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByTestId('delete-session').click();
  const refused = page.getByTestId('delete-session-refused');
  await expect(refused).toContainText('该活动发现的 5 个问题已登记到 1 个案卷评查监督事项中');
  await expect(refused).toContainText(`已依据该活动的评查结果印发通报（${issued.number}）`);
  await page.getByTestId('delete-session-refused-ok').click();
  await expect(refused).toBeHidden();
  await expect(page.getByTestId('review-session-row')).toHaveCount(1);
});

async function newSession(page: Page, name: string): Promise<void> {
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByRole('tab', { name: '评查活动' }).click();
  await page.getByTestId('new-session').click();
  const dialog = await openedDialog(page);
  await dialog.getByTestId('session-name').fill(name);
  await pick(page, dialog.getByTestId('session-reviewers'), 2);
  await dialog.getByTestId('session-create').click();
  await expect(page.getByTestId('session-title')).toHaveText(name);
}

test('an item added to the rubric is scored in a new session; once scored it cannot be removed', async ({ desk }) => {
  test.setTimeout(180_000);
  await seedOffice(desk);
  const { page } = desk;
  await seedDemoData(page, '100');

  await page.goto(`${APP_URL}#/reviews`);
  await page.getByRole('tab', { name: '评查标准' }).click();
  await page.getByTestId('rubric-add-item-form').click();
  const dialog = await openedDialog(page);
  await dialog.getByTestId('item-label-zh').fill('案卷封面填写规范');
  await dialog.getByTestId('item-points').fill('2');
  await dialog.getByTestId('item-add-deduction').click();
  await dialog.getByTestId('item-deduction-label-0').fill('封面栏目填写不全');
  await dialog.getByTestId('item-deduction-points-0').fill('3');
  // A deduction larger than its item is refused at the field.
  await dialog.getByTestId('item-save').click();
  await expect(dialog.getByText('扣分不能超过该项分值（2 分）')).toBeVisible();
  await dialog.getByTestId('item-deduction-points-0').fill('1');
  // Enter in a field adds the item, as in any dialog.
  await dialog.getByTestId('item-deduction-label-0').press('Enter');
  await expect(dialog).toBeHidden();

  // Form now adds up to 22: the section says so and the template cannot be saved yet.
  const added = page.getByTestId('rubric-section-form').getByTestId(/^rubric-item-item_/);
  await expect(added).toHaveCount(1);
  await expect(page.getByTestId('section-problem-form')).toHaveText('形式各项分值之和应为 20 分，现为 22 分');
  await expect(page.getByTestId('rubric-save')).toBeDisabled();
  await page.getByTestId('points-binding').fill('1');
  await expect(page.getByTestId('section-total-form')).toHaveText('合计 20 / 20 分');
  await expect(page.getByTestId('section-problem-form')).toHaveCount(0);
  await page.getByTestId('rubric-save').click();
  await expect(page.getByText('评查标准已保存')).toBeVisible();

  await newSession(page, '2026年度案卷封面专项评查');
  await addCaseFile(page, '青市监罚〔2026〕31号', '某药店销售劣药案');
  await page.getByTestId('score-file').click();
  const row = page.getByTestId(/^item-item_/);
  await expect(row).toContainText('案卷封面填写规范');
  await expect(page.getByTestId('item-binding')).toContainText('1');
  await row.getByRole('checkbox', { name: '封面栏目填写不全' }).check();
  await expect(page.getByTestId('score-form')).toHaveText('19');
  await expect(page.getByTestId('score-total')).toHaveText('99');
  await page.getByTestId('score-save').click();
  await expect(page.getByTestId('file-total')).toHaveText('99');

  // The item is now in use: the editor marks it and will not remove it.
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByRole('tab', { name: '评查标准' }).click();
  await expect(added.getByText('已用于评分')).toBeVisible();
  await added.getByRole('button', { name: '删除评分项「案卷封面填写规范」' }).click();
  await expect(page.getByText('「案卷封面填写规范」已用于评查活动「2026年度案卷封面专项评查」')).toBeVisible();
  await expect(added).toHaveCount(1);
});

test('a session made by mistake is deleted after a confirmation naming it, and undo brings it back', async ({
  desk,
}) => {
  test.setTimeout(180_000);
  await seedOffice(desk);
  const { page } = desk;
  await seedDemoData(page, '100');

  await newSession(page, '2026年度行政许可案卷评查');
  await newSession(page, '误建的评查活动');
  await addCaseFile(page, '青市监罚〔2026〕41号', '某商店未明码标价案');
  await page.getByTestId('score-file').click();
  await page.getByTestId('score-save').click();
  await expect(page.getByTestId('file-total')).toHaveText('100');

  await page.goto(`${APP_URL}#/reviews`);
  const rows = page.getByTestId('review-session-row');
  await expect(rows).toHaveCount(2);
  const mistaken = rows.filter({ hasText: '误建的评查活动' });
  await mistaken.getByTestId('delete-session').click();
  const confirm = await openedDialog(page);
  await expect(confirm).toContainText('删除评查活动「误建的评查活动」？');
  await expect(confirm).toContainText('将一并删除其中的 1 份案卷（其中已评分 1 份）');
  // Cancel keeps it.
  await expect(page.getByTestId('delete-session-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(2);

  await mistaken.getByTestId('delete-session').click();
  await page.getByTestId('delete-session-ok').click();
  await expect(page.getByTestId('session-deleted')).toContainText('已删除评查活动「误建的评查活动」');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('2026年度行政许可案卷评查');

  await page.getByTestId('undo-delete-session').click();
  await expect(page.getByText('已恢复评查活动「误建的评查活动」')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await mistaken.getByTestId('review-session-name').click();
  await expect(page.getByTestId('file-total')).toHaveText('100');

  // Deleted from its own page, for good this time.
  await page.getByTestId('delete-session').click();
  await page.getByTestId('delete-session-ok').click();
  await expect(page.getByTestId('review-sessions')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.filter({ hasText: '误建的评查活动' })).toHaveCount(0);
});
