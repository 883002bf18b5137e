import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { clickInDialog } from './support/dialog';
import { openOwnDossier, seedDemoData } from './support/dossiers';
import { makePdf } from './support/files';
import { expect, openApp, seedOffice, test } from './support/fixtures';
import { APP_URL, launchDesk, makeUserDataDir } from './support/harness';

const PASSPHRASE = '备份口令 e2e-2026';

/** Rows per store of the database the app has open (its name comes from the main process). */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: Record<string, (i?: unknown) => Promise<{ value: { name: string } }>> })
      .api;
    const database = api['backup.database'];
    if (!database) throw new Error('no backup.database channel');
    const { name } = (await database()).value;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const counts: Record<string, number> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      counts[store] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  });
}

/** Evidence files under userData/evidence, by SHA-256 of their bytes. */
function evidenceFiles(userDataDir: string): string[] {
  const root = join(userDataDir, 'evidence');
  const out: string[] = [];
  for (const prefix of readdirSync(root)) {
    if (prefix === 'tmp') continue;
    for (const name of readdirSync(join(root, prefix))) {
      out.push(
        `${name}:${createHash('sha256')
          .update(readFileSync(join(root, prefix, name)))
          .digest('hex')}`,
      );
    }
  }
  return out.sort();
}

test('backup: demo data and evidence backed up in Settings, restored into a fresh profile with equal counts', async ({
  desk,
}, testInfo) => {
  test.setTimeout(180_000);
  await seedOffice(desk);
  const { page } = desk;
  await openApp(page);
  await seedDemoData(page);
  await openOwnDossier(page);
  await page.getByTestId('tab-evidence').click();
  const pdfPath = testInfo.outputPath('notice.pdf');
  writeFileSync(pdfPath, makePdf(['Rectification notice']));
  desk.ports.dialogs.openAnswers.push([pdfPath]);
  await page.getByRole('button', { name: '添加文件' }).click();
  await expect(page.getByText('已添加 1 个文件')).toBeVisible();

  // Back up through the Settings page.
  await page.goto(`${APP_URL}#/settings`);
  const backupFile = testInfo.outputPath('office.sdbackup');
  desk.ports.dialogs.saveAnswers.push(backupFile);
  await page.getByTestId('backup-passphrase').fill(PASSPHRASE);
  await page.getByTestId('backup-passphrase-confirm').fill(PASSPHRASE);
  await page.getByTestId('backup-start').click();
  await expect(page.getByText('备份已保存')).toBeVisible({ timeout: 60_000 });
  expect(existsSync(backupFile)).toBe(true);
  await expect(page.getByTestId('backup-status')).toContainText('上次备份');
  const before = await storeCounts(page);
  expect(before.bodies ?? 0).toBeGreaterThan(0);
  expect(before.evidence).toBe(1);
  const filesBefore = evidenceFiles(desk.userDataDir);
  expect(filesBefore).toHaveLength(1);

  // Verify without restoring.
  desk.ports.dialogs.openAnswers.push([backupFile]);
  await page.getByTestId('backup-pick').click();
  await page.getByTestId('restore-passphrase').fill(PASSPHRASE);
  await page.getByTestId('backup-verify').click();
  await expect(page.getByTestId('backup-verified')).toBeVisible();

  // A fresh profile: another userData and another browser profile.
  const fresh = makeUserDataDir();
  const other = await launchDesk({ userDataDir: fresh.dir });
  try {
    other.backend.settings.setOffice(
      desk.backend.settings.office() ??
        (() => {
          throw new Error('no office');
        })(),
    );
    await other.page.goto(`${APP_URL}#/settings`);
    other.ports.dialogs.openAnswers.push([backupFile]);
    await other.page.getByTestId('backup-pick').click();
    await other.page.getByTestId('restore-passphrase').fill('not the passphrase');
    await other.page.getByTestId('backup-restore').click();
    await expect(other.page.getByText('备份口令不正确')).toBeVisible();

    await other.page.getByTestId('restore-passphrase').fill(PASSPHRASE);
    await other.page.getByTestId('backup-restore').click();
    await clickInDialog(other.page, other.page.getByTestId('restore-confirm'));
    await expect(other.page.getByTestId('restore-result')).toContainText('均与备份一致', { timeout: 60_000 });
    await other.page.getByTestId('restore-reload').click();
    await expect(other.page.getByTestId('status-bar')).toBeVisible();

    expect(await storeCounts(other.page)).toEqual(before);
    expect(evidenceFiles(fresh.dir)).toEqual(filesBefore);
    await other.page.goto(`${APP_URL}#/dossiers`);
    await expect(other.page.getByTestId('dossier-row').first()).toBeVisible();
  } catch (error) {
    await other.page
      .screenshot({ path: testInfo.outputPath('fresh-profile.png'), fullPage: true })
      .catch(() => undefined);
    throw error;
  } finally {
    await other.close();
    fresh.remove();
  }
});
