import type { Page } from '@playwright/test';
import { creditCodeCheckChar } from '../../shared/enterprise/credit-code';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { fillDate, prepareOffice, setDay } from './support/work';

const ENTERPRISE = '青山县惠民食品有限公司';
const BODY = '91330104MA2H7K3Q5';
const CODE = `${BODY}${creditCodeCheckChar(BODY)}`;

async function setMaxInspections(page: Page, max: number): Promise<void> {
  await page.goto(`${APP_URL}#/settings`);
  const card = page.getByTestId('work-settings');
  await card.getByTestId('rule-max').fill(String(max));
  await card.getByTestId('work-settings-save').click();
  await expect(page.getByText('已保存', { exact: true }).first()).toBeVisible();
  await page.goto(`${APP_URL}#/enterprise`);
  await page.getByTestId('tab-flags').click();
  await expect(page.getByTestId('flags-tab')).toContainText(`检查超过 ${max} 次`);
}

test('an enterprise inspected too often by one field is flagged under the configured rule and becomes a clue', async ({
  desk,
}) => {
  test.setTimeout(240_000);
  const { page } = desk;
  await seedOffice(desk);
  await setDay(page, '2026-11-02');
  await prepareOffice(page);

  const record = async (date: string, purpose: string, concerns: string[] = []) => {
    await page.getByTestId('inspection-new').click();
    const form = page.getByTestId('inspection-form');
    await fillDate(form.getByLabel('检查日期'), date);
    await form.getByLabel('企业名称').fill(ENTERPRISE);
    await form.getByLabel('统一社会信用代码').fill(CODE.toLowerCase());
    const subject = form.getByTestId('inspection-subject');
    await subject.click();
    await subject.locator('input').fill('青山县市场监督管理局');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '青山县市场监督管理局' })
      .first()
      .click();
    await form.getByLabel('检查事由').fill(purpose);
    for (const c of concerns) await form.getByLabel(c).check();
    await page.getByTestId('inspection-save').click();
    await expect(form).toBeHidden();
  };

  // A wrong check character is refused under the field.
  await page.goto(`${APP_URL}#/enterprise`);
  await page.getByTestId('inspection-new').click();
  const form = page.getByTestId('inspection-form');
  const wrong = `${BODY}${CODE.endsWith('0') ? '1' : '0'}`;
  await form.getByLabel('统一社会信用代码').fill(wrong);
  await page.getByTestId('inspection-save').click();
  await expect(form.getByText('统一社会信用代码格式或校验位不正确')).toBeVisible();
  await page.getByRole('button', { name: /取\s?消/ }).click();
  await expect(form).toBeHidden();

  // Three market inspections in three weeks; the last one with a complaint of arbitrary fines.
  await record('2026-10-12', '双随机抽查');
  await record('2026-10-26', '投诉举报核查');
  await record('2026-11-02', '食品安全专项检查', ['乱罚款']);
  await expect(page.getByTestId('inspection-row').filter({ hasText: ENTERPRISE })).toHaveCount(3);

  // Allowed three in 90 days, three is not too many; the complaint is flagged all the same.
  await setMaxInspections(page, 3);
  const flags = page.getByTestId('flag-row').filter({ hasText: ENTERPRISE });
  await expect(flags.filter({ hasText: '四乱反映' })).toHaveCount(1);
  await expect(flags.filter({ hasText: '检查过频' })).toHaveCount(0);

  // Two at most: the third is over-frequent.
  await setMaxInspections(page, 2);
  const over = flags.filter({ hasText: '检查过频' });
  await expect(over).toHaveCount(1);
  await expect(over).toContainText('检查 3 次');
  await expect(over).toContainText(CODE);

  // One action makes it a clue, shown at once.
  await over.getByTestId('flag-make-clue').click();
  await expect(page.getByTestId('clue-detail')).toBeVisible();
  const number = (await page.getByTestId('clue-number').textContent()) ?? '';
  expect(number).toMatch(/^青司线〔2026〕\d+号$/);
  await expect(page.getByTestId('clue-status')).toHaveText('待研判');
  await expect(page.getByTestId('clue-title')).toContainText(ENTERPRISE);
  const detail = page.getByTestId('clue-detail');
  await expect(detail).toContainText(CODE);
  await expect(detail).toContainText('投诉举报核查');

  // Back on the flags, the flag links to its clue and cannot become a second one.
  await page.goto(`${APP_URL}#/enterprise`);
  await page.getByTestId('tab-flags').click();
  await expect(over.getByTestId('flag-clue-link')).toHaveText(number);
  await expect(over.getByTestId('flag-make-clue')).toHaveCount(0);
});
