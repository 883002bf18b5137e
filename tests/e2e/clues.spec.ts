import { openedDialog } from './support/dialog';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { pick } from './support/select';
import { prepareOffice, setDay } from './support/work';

const TITLE = '群众反映青山县市场监督管理局对小餐馆首次违法顶格罚款';
const CONTENT = '市民来电反映，县市场监督管理局对城关镇一家小餐馆首次违法即处以顶格罚款五万元，未说明裁量理由。';

test('a clue registered with a protected reporter, a likely duplicate pointed out, referred, and its reply recorded late', async ({
  desk,
}) => {
  test.setTimeout(240_000);
  const { page } = desk;
  await seedOffice(desk);
  // Monday 2 November 2026: referral replies are due ten working days later, 16 November.
  await setDay(page, '2026-11-02');
  await prepareOffice(page);

  const register = async (title: string) => {
    await page.goto(`${APP_URL}#/clues`);
    await page.getByTestId('clue-new').click();
    const form = page.getByTestId('clue-form');
    await form.getByLabel('线索标题').fill(title);
    await form.getByLabel('反映内容').fill(CONTENT);
    await pick(page, form.getByTestId('clue-subjects'), ['青山县市场监督管理局']);
    await page.getByTestId('reporter-name').fill('张三丰');
    await page.getByTestId('reporter-phone').fill('13812345678');
    return form;
  };

  // The first registration; the reporter is masked in the register.
  let form = await register(TITLE);
  await page.getByTestId('clue-save').click();
  await expect(page.getByTestId('clue-detail')).toBeVisible();
  await expect(page.getByTestId('clue-number')).toHaveText(/^青司线〔2026〕\d+号$/);
  await expect(page.getByTestId('clue-status')).toHaveText('待研判');
  const clueUrl = page.url();
  const number = (await page.getByTestId('clue-number').textContent()) ?? '';

  // The same matter again: the first clue is pointed out before saving.
  form = await register('小餐馆被县市场监管局顶格罚款');
  await expect(page.getByTestId('duplicate-hint').filter({ hasText: number })).toBeVisible();
  await expect(form).toBeVisible();

  await page.goto(`${APP_URL}#/clues`);
  const row = page.getByTestId('clue-row').filter({ hasText: TITLE });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('reporter-masked')).toContainText('张*');
  await expect(row).not.toContainText('13812345678');

  // Referred to the discipline inspection organ: the reply is due in ten working days.
  await page.goto(clueUrl);
  await page.getByTestId('clue-action-refer').click();
  let dialog = await openedDialog(page);
  await dialog.getByTestId('refer-to').locator('input').fill('青山县纪委监委');
  await dialog.getByLabel('移送理由').fill('反映问题涉及公职人员违纪，属于纪检监察机关管辖');
  await dialog.getByRole('button', { name: /确\s?认/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('clue-status')).toHaveText('已移送');
  await expect(page.getByTestId('clue-referral')).toContainText('2026-11-16');

  // Three weeks on, no reply yet: the referral is overdue, in the register and at start-up.
  await setDay(page, '2026-11-23');
  await page.goto(`${APP_URL}#/clues`);
  await page.reload();
  await expect(page.getByTestId('overdue-notice')).toContainText('线索移送回复逾期');
  await page.getByTestId('clue-filter-overdue').click();
  await expect(page.getByTestId('clue-row').filter({ hasText: TITLE })).toBeVisible();
  await page.goto(clueUrl);
  await expect(page.getByTestId('reply-overdue')).toBeVisible();

  // The reply arrives late: recorded, and marked as a late reply.
  await page.getByTestId('clue-action-reply').click();
  dialog = await openedDialog(page);
  await expect(dialog.getByTestId('reply-late-warning')).toContainText('7 天');
  await dialog.getByLabel('回复内容').fill('已初步核实，对相关人员立案审查');
  await dialog.getByRole('button', { name: /确\s?认/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('clue-status')).toHaveText('已回复');
  await expect(page.getByTestId('reply-late')).toHaveText('逾期 7 天回复');
  await expect(page.getByTestId('reply-overdue')).toHaveCount(0);

  // No longer among the overdue; still shown as late in the register.
  await page.goto(`${APP_URL}#/clues`);
  await page.getByTestId('clue-filter-overdue').click();
  await expect(page.getByTestId('clue-row').filter({ hasText: TITLE })).toHaveCount(0);
});
