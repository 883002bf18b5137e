import { expect, type Page } from '@playwright/test';
import { APP_URL } from './harness';

/** Fills the registries and dossiers with the deterministic demo data, from Settings. */
export async function seedDemoData(page: Page, count: '100' | '1000' = '100'): Promise<void> {
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('demo-count').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${count}$`) })
    .click();
  await page.getByTestId('demo-generate').click();
  await expect(page.getByTestId('demo-result')).toBeVisible({ timeout: 60_000 });
}

/** Opens the first dossier of the office's own (not received, so editable) and returns its id. */
export async function openOwnDossier(page: Page): Promise<string> {
  await page.goto(`${APP_URL}#/dossiers`);
  const rows = page.getByTestId('dossier-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 20; i++) {
    await rows.nth(i).click();
    await expect(page.getByTestId('dossier-detail')).toBeVisible();
    if ((await page.getByTestId('received-banner').count()) === 0) {
      return decodeURIComponent(new URL(page.url()).hash.replace(/^#\/dossiers\//, '').split(/[/?]/)[0] ?? '');
    }
    await page.goBack();
  }
  throw new Error('No dossier of the office itself among the first rows');
}
