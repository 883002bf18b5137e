import { expect, type Locator, type Page } from '@playwright/test';

/** Opens an antd Select and picks options by their visible text (or the first n). */
export async function pick(page: Page, field: Locator, choices: string[] | number): Promise<void> {
  await field.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  let texts = typeof choices === 'number' ? [] : choices;
  if (typeof choices === 'number') {
    // Options of a long list arrive a moment after the dropdown itself.
    const options = dropdown.locator('.ant-select-item-option-content');
    await expect.poll(async () => (await options.allTextContents()).length).toBeGreaterThanOrEqual(choices);
    texts = (await options.allTextContents()).slice(0, choices);
  }
  for (const text of texts) {
    const input = field.locator('input');
    if (await input.isEditable()) await input.fill(text);
    await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click();
  }
  await page.keyboard.press('Escape');
  // Wait until the dropdown has closed, so the next pick cannot find this one.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}
