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
