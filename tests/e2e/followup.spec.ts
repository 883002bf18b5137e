import { openedDialog } from './support/dialog';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';
import { prepareOffice, setDay } from './support/work';

test('overdue work in one place, shown at start-up, and a leadership talk recorded on the dossier timeline', async ({
  desk,
}) => {
  test.setTimeout(180_000);
  const { page } = desk;
  await seedOffice(desk);
  await setDay(page, '2026-11-27');
  // The demo's work, dated back from today: a referral unanswered, rectifications overdue.
  await prepareOffice(page);

  await page.goto(`${APP_URL}#/dossiers`);
  await page.reload();
  const notice = page.getByTestId('overdue-notice');
  await expect(notice).toContainText('整改逾期');
  await expect(notice).toContainText('线索移送回复逾期');
  await page.getByTestId('overdue-notice-open').click();
  await expect(page.getByTestId('overdue-work')).toBeVisible();
  await expect(page.getByTestId('overdue-stat-clue_referral_reply').locator('.value')).not.toHaveText('0');

  await page.getByTestId('overdue-stat-rectification').click();
  const row = page
    .getByTestId('overdue-row')
    .filter({ has: page.getByTestId('overdue-escalate') })
    .first();
  await expect(row).toContainText('个问题整改逾期');
  const number = (await row.locator('a.work-number').textContent()) ?? '';
  expect(number).toMatch(/〔\d{4}〕\d+号$/);

  await row.getByTestId('overdue-escalate').click();
  const dialog = await openedDialog(page);
  await dialog.getByRole('radio', { name: '约谈' }).check();
  await dialog.getByLabel('说明').fill('约谈被监督单位分管负责人，督促限期完成整改');
  await dialog.getByRole('button', { name: '确认办理' }).click();
  await expect(dialog).toBeHidden();

  // On the dossier: the measure is on its timeline.
  await page.goto(`${APP_URL}#/followup?kind=rectification`);
  await page.getByTestId('overdue-row').filter({ hasText: number }).locator('a.work-number').click();
  await expect(page.getByTestId('dossier-number')).toHaveText(number);
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('dossier-detail')).toContainText('约谈被监督单位分管负责人，督促限期完成整改');
});
