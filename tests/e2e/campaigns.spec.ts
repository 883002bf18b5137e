import { openedDialog } from './support/dialog';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { pick } from './support/select';
import { act, addFinding, prepareOffice, setDay } from './support/work';

const TITLE = '2026年涉企行政处罚专项监督（第二批）';

test('a campaign over five subjects makes five child dossiers, and a finding in one reaches the report data', async ({
  desk,
}) => {
  test.setTimeout(240_000);
  const { page } = desk;
  await seedOffice(desk);
  await setDay(page, '2026-11-02');
  await prepareOffice(page);

  await page.goto(`${APP_URL}#/campaigns`);
  await page.getByTestId('campaign-new').click();
  const form = page.getByTestId('campaign-form');
  await form.getByLabel('专项名称').fill(TITLE);
  await form.getByLabel('监督范围和内容').fill('县直执法部门2026年作出的涉企行政处罚案件');
  await pick(page, form.getByTestId('campaign-subjects'), 5);
  await pick(page, form.getByTestId('campaign-handlers'), 2);
  await expect(form.getByTestId('campaign-handlers').locator('.ant-select-selection-item')).toHaveCount(2);
  // The usual checklist is filled in; every item names a category.
  await expect(form.getByTestId('checklist-item').first()).toBeVisible();
  await page.getByTestId('campaign-save').click();

  const panel = page.getByTestId('campaign-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('campaign-title')).toHaveText(TITLE);
  await expect(panel).toContainText('5 个执法主体');
  await expect(panel).toContainText('还有 5 个被检查对象没有子案卷');

  await page.getByTestId('campaign-create-children').click();
  await (await openedDialog(page)).getByRole('button', { name: '生成子案卷（5）' }).click();
  const children = page.getByTestId('campaign-child');
  await expect(children).toHaveCount(5);
  await expect(page.getByTestId('campaign-create-children')).toHaveCount(0);
  await expect(page.getByTestId('campaign-done')).toHaveText('0/5');
  await expect(page.getByTestId('campaign-report')).toContainText('子案卷中尚未登记问题');

  // In the first child: opened, investigated, a finding of a checklist category.
  await children.first().getByRole('link').click();
  await expect(page.getByTestId('dossier-detail')).toBeVisible();
  await expect(page.getByTestId('campaign-child-panel')).toBeVisible();
  await act(page, 'open', (dialog) => dialog.getByLabel('调阅案卷').check());
  await act(page, 'start_investigation');
  await addFinding(page, '执法程序', '未告知或未组织听证', '作出较大数额罚款决定前未告知当事人听证权利');

  // Back on the campaign: the finding is counted under its category in the report data.
  await page.getByRole('tab', { name: '概况' }).click();
  await page.getByTestId('campaign-child-panel').getByRole('link').first().click();
  const report = page.getByTestId('campaign-report');
  await expect(report).toBeVisible();
  await expect(report.getByRole('row').filter({ hasText: '执法程序' })).toContainText('1');
  await expect(report).toContainText('共发现问题 1 个');
  await expect(page.getByTestId('campaign-batch')).toContainText('1 件');

  // The campaign is in the list with its children counted.
  await page.goto(`${APP_URL}#/campaigns`);
  await expect(page.getByTestId('campaign-row').filter({ hasText: TITLE })).toContainText('5 / 5 个');
});
