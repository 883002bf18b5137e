import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens an antd Select and picks options by their visible text (or the first n).
 *
 * The dropdown opens with a motion whose "start" frame gives it no size, so for a moment
 * Playwright counts an open dropdown as hidden. The first n texts are therefore read once,
 * by a poll that retries until the open dropdown lists n of them; a second read could land
 * in that frame, find nothing and silently pick nothing.
 */
export async function pick(page: Page, field: Locator, choices: string[] | number): Promise<void> {
  await field.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  let texts = typeof choices === 'number' ? [] : choices;
  if (typeof choices === 'number') {
    const options = dropdown.locator('.ant-select-item-option-content');
    await expect
      .poll(async () => {
        texts = (await options.allTextContents()).slice(0, choices);
        return texts.length;
      })
      .toBe(choices);
  }
  const multiple = await field.evaluate(
    (el) => el.matches('.ant-select-multiple') || el.querySelector('.ant-select-multiple') !== null,
  );
  const input = field.locator('input');
  for (const text of texts) {
    if (await input.isEditable()) await input.fill(text);
    await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click();
    // The pick has landed once its tag is in the field (tags past maxTagCount stay in the DOM).
    if (multiple) await expect(field.locator('.ant-select-selection-item', { hasText: text }).first()).toBeAttached();
  }
  // A multiple Select stays open after a pick, and Escape closes it. A single Select closes
  // itself on the pick; an Escape after that reaches the surrounding Modal and closes it.
  if (multiple && (await input.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
  // Wait until the dropdown has closed, so the next pick cannot find this one.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}
