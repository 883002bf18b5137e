import { expect, type Page } from '@playwright/test';
import { APP_URL } from './harness';

/**
 * Fills the registries and dossiers with the deterministic demo data, from Settings.
 * `count` is an option of the card as shown ('100', '1,000', … '100,000').
 */
export async function seedDemoData(page: Page, count = '100', timeout = 60_000): Promise<void> {
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('demo-count').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${count}$`) })
    .click();
  await page.getByTestId('demo-generate').click();
  await expect(page.getByTestId('demo-result')).toBeVisible({ timeout });
}

/** Opens the first dossier of the office's own (not received, so editable) and returns its id. */
export async function openOwnDossier(page: Page, query = ''): Promise<string> {
  await page.goto(`${APP_URL}#/dossiers${query}`);
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

/** A dossier's timeline events as stored in IndexedDB, read below the app's code. */
export async function dossierEvents(
  page: Page,
  dossierId: string,
): Promise<{ type: string; data: Record<string, unknown>; hash: string }[]> {
  return page.evaluate(async (id) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await request(indexedDB.open('supervision-desk'));
    try {
      const tx = db.transaction(['cards', 'bodies'], 'readonly');
      const block = (await request(tx.objectStore('cards').index('ids').get(id))) as {
        cards: ({ id: string; slot: number } | null)[];
      };
      const slot = block.cards.find((c) => c?.id === id)?.slot ?? -1;
      const body = (await request(tx.objectStore('bodies').get(Math.floor(slot / 16)))) as {
        items: ({ events: { type: string; data: Record<string, unknown>; hash: string }[] } | null)[];
      };
      return body.items[slot % 16]?.events ?? [];
    } finally {
      db.close();
    }
  }, dossierId);
}
