import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The open antd Modal once its zoom-in has ended. A click on a button of a dialog still
 * zooming can miss it under load (the button moves between Playwright's stability check
 * and the mouse press), and the dialog then just stays open.
 */
export async function openedDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/-appear|-enter/);
  return dialog;
}

/**
 * Clicks a button of an antd dialog once that dialog has finished zooming in (see
 * openedDialog). `button` is a page locator; it is looked for inside the open dialogs,
 * so a dialog still closing behind the new one does not get in the way.
 */
export async function clickInDialog(page: Page, button: Locator): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: button });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/-appear|-enter/);
  await dialog.locator(button).click();
}
