import { expect, type Locator, type Page } from '@playwright/test';
import { openedDialog } from './dialog';
import { APP_URL } from './harness';

import { pick } from './select';

const clocked = new WeakSet<Page>();

/**
 * The supervision-work flows run on a known date: deadlines in working days only mean
 * something against a known calendar, and a late reply needs time to pass. The page's
 * clock starts at 09:00 Beijing time on `day` and runs on (messages still close); later
 * calls move it to another day.
 */
export async function setDay(page: Page, day: string): Promise<void> {
  const time = new Date(`${day}T09:00:00+08:00`);
  if (clocked.has(page)) {
    await page.clock.setSystemTime(time);
  } else {
    await page.clock.install({ time });
    clocked.add(page);
  }
}

/** Names the clerk (who signs timelines) and fills the registries with the demo. */
export async function prepareOffice(page: Page): Promise<void> {
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('clerk-name').fill('李明');
  await page.getByTestId('clerk-save').click();
  await page.getByTestId('demo-count').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^100$/ }).click();
  await page.getByTestId('demo-generate').click();
  await expect(page.getByTestId('demo-result')).toBeVisible({ timeout: 90_000 });
}

/** Fills an antd DatePicker by typing the date. */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

/** Adds a finding of the taxonomy on the dossier page's findings tab. */
export async function addFinding(page: Page, category: string, item: string, description: string): Promise<void> {
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('add-finding').click();
  const dialog = await openedDialog(page);
  await pick(page, dialog.getByTestId('finding-category'), [category]);
  await pick(page, dialog.getByTestId('finding-subcategory'), [item]);
  await dialog.getByLabel('问题描述').fill(description);
  await dialog.getByLabel('整改要求').fill('依法纠正，并书面报告整改情况');
  await dialog.getByRole('button', { name: '保 存' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Runs a workflow action from the dossier page: its button, then its dialog once that
 * has finished zooming in (see openedDialog), filled by `fill`, then confirmed.
 */
export async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = await openedDialog(page);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: '确认办理' }).click();
  await expect(dialog).toBeHidden();
}
