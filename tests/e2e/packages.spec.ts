import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { createTestOffice } from '../support/package-offices';
import { clickInDialog, openedDialog } from './support/dialog';
import { seedDemoData } from './support/dossiers';
import { makePdf, makePng } from './support/files';
import { COUNTY_OFFICE, expect, openApp, seedOffice, test } from './support/fixtures';
import { APP_URL, type DeskInstance, launchDesk, makeUserDataDir } from './support/harness';
import { CITY_OFFICE } from './support/office';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Api = Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>;

test('the page sets up office keys through the preload and they open again after a restart', async ({ desk }) => {
  await seedOffice(desk);
  await openApp(desk.page);
  const call = (channel: string, input?: unknown) =>
    desk.page.evaluate(([c, i]) => (window as unknown as { api: Api }).api[c as string]?.(i), [
      channel,
      input,
    ] as const);

  expect(await call('keys.status')).toMatchObject({
    ok: true,
    value: { state: 'none', systemProtectionAvailable: true },
  });
  const setUp = await call('keys.setUp', { protection: 'system' });
  expect(setUp).toMatchObject({ ok: true, value: { state: 'unlocked', protection: 'system' } });
  const own = (await call('keys.ownCertificate')) as { value: { fingerprintGroups: string[] } };
  expect(own.value.fingerprintGroups).toHaveLength(6);

  const restarted = await desk.restart();
  await openApp(restarted.page);
  const status = await restarted.page.evaluate(() =>
    (window as unknown as { api: Api }).api['keys.ownCertificate']?.(),
  );
  expect(status).toMatchObject({ ok: true, value: { fingerprintGroups: own.value.fingerprintGroups } });
  // An organ that is not trusted is refused before a save dialog is even shown.
  const refused = await restarted.page.evaluate(() =>
    (window as unknown as { api: Api }).api['packages.export']?.({
      opId: 'e2e-export',
      recipientOrganId: 'nobody',
      data: {},
      files: [],
      label: '',
      refs: [],
    }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(restarted.ports.dialogs.requests).toEqual([]);
});

// ---------------------------------------------------------------------------
// The clerk's round trip between two offices, through the Packages page.

/** Sets up the office's keys from Keys and trust; city uses a passphrase, county the OS key store. */
async function setUpKeys(page: Page, passphrase?: string): Promise<string> {
  await page.goto(`${APP_URL}#/packages/keys`);
  await expect(page.getByTestId('key-state')).toHaveText('尚未生成');
  await page.getByTestId('keys-set-up').click();
  await openedDialog(page);
  if (passphrase) {
    await page.getByTestId('protection-passphrase').click();
    await page.getByTestId('passphrase-input').fill(passphrase);
    await page.getByTestId('passphrase-again').fill(passphrase);
  }
  await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
  await expect(page.getByTestId('key-state')).toHaveText('可用');
  return (await page.getByTestId('own-fingerprint').locator('.fingerprint-group').allTextContents()).join(' ');
}

async function exportCertificate(desk: DeskInstance, path: string): Promise<void> {
  desk.ports.dialogs.saveAnswers.push(path);
  await desk.page.getByTestId('export-certificate').click();
  await expect.poll(() => existsSync(path)).toBe(true);
}

/** Imports the other office's certificate, reading its fingerprint back before confirming. */
async function trustCertificate(desk: DeskInstance, path: string, organ: string, fingerprint: string): Promise<void> {
  const { page } = desk;
  desk.ports.dialogs.openAnswers.push([path]);
  await page.getByTestId('import-certificate').click();
  await openedDialog(page);
  const preview = page.getByTestId('certificate-preview');
  await expect(preview.getByTestId('preview-organ')).toHaveText(organ);
  const groups = (
    await preview.getByTestId('preview-fingerprint').locator('.fingerprint-group').allTextContents()
  ).join(' ');
  expect(groups).toBe(fingerprint);
  expect(groups.split(' ')).toHaveLength(6);
  // Nothing is trusted until the clerk says the read-back matched.
  await expect(page.getByTestId('trust-confirm')).toBeDisabled();
  await page.getByTestId('trust-read-back').click();
  await clickInDialog(page, page.getByTestId('trust-confirm'));
  await expect(page.getByTestId('trusted-organ').filter({ hasText: organ })).toBeVisible();
}

/** Opens the n-th own dossier, adds a file to its evidence by the open dialog, returns its id. */
async function addEvidence(desk: DeskInstance, n: number, file: string): Promise<string> {
  const { page } = desk;
  // The previous dossier's "added" message must be gone, or two would answer below.
  await expect(page.getByText('已添加 1 个文件')).toHaveCount(0);
  await page.goto(`${APP_URL}#/dossiers?origin=own`);
  await page.getByTestId('dossier-row').nth(n).click();
  await expect(page.getByTestId('dossier-detail')).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/dossiers\//, '').split(/[/?]/)[0] ?? '');
  await page.getByTestId('tab-evidence').click();
  desk.ports.dialogs.openAnswers.push([file]);
  await page.getByRole('button', { name: '添加文件' }).click();
  await expect(page.getByText('已添加 1 个文件')).toBeVisible();
  return id;
}

/** Exports the first `count` dossiers of the export list (the most recently changed) to the city. */
async function exportPackage(desk: DeskInstance, count: number, path: string): Promise<void> {
  const { page } = desk;
  await page.goto(`${APP_URL}#/packages`);
  const rows = page.getByTestId('export-dossier-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < count; i++) await rows.nth(i).getByRole('checkbox').check();
  await expect(page.getByTestId('export-selected-count')).toHaveText(`已选 ${count} 件案卷`);
  await page.getByTestId('export-recipient').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '江州市司法局' })
    .click();
  desk.ports.dialogs.saveAnswers.push(path);
  await page.getByTestId('export-start').click();
  await expect.poll(() => existsSync(path), { timeout: 30_000 }).toBe(true);
}

async function importPackage(desk: DeskInstance, path: string) {
  const { page } = desk;
  await page.goto(`${APP_URL}#/packages/import`);
  desk.ports.dialogs.openAnswers.push([path]);
  await page.getByTestId('import-pick-files').click();
  await expect(page.getByTestId('import-found')).toContainText('发自 青山县司法局');
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return result;
}

async function dossierTotal(page: Page, query = ''): Promise<string> {
  await page.goto(`${APP_URL}#/dossiers${query}`);
  const total = page.getByTestId('dossier-total');
  await expect(total).toContainText('共');
  return (await total.textContent()) ?? '';
}

test('county sends two dossiers with evidence to the city, which receives them read-only and sends a receipt back', async ({
  desk: county,
}, testInfo) => {
  test.setTimeout(240_000);
  const dir = makeUserDataDir('desk-e2e-city-');
  const city = await launchDesk({ userDataDir: dir.dir });
  try {
    await seedOffice(county, COUNTY_OFFICE);
    await seedOffice(city, CITY_OFFICE);
    const out = (name: string) => testInfo.outputPath(name);

    await test.step('both offices set up keys and trust each other after reading fingerprints back', async () => {
      await openApp(county.page);
      await openApp(city.page);
      const countyFingerprint = await setUpKeys(county.page);
      const cityFingerprint = await setUpKeys(city.page, '江州市司法局口令2026');
      await exportCertificate(county, out('county.sdcert'));
      await exportCertificate(city, out('city.sdcert'));
      await trustCertificate(city, out('county.sdcert'), '青山县司法局', countyFingerprint);
      await trustCertificate(county, out('city.sdcert'), '江州市司法局', cityFingerprint);
    });

    const pdf = makePdf(['Site inspection record']);
    const png = makePng(64, 48, [200, 40, 40]);
    writeFileSync(out('inspection.pdf'), pdf);
    writeFileSync(out('photo.png'), png);
    let sent: string[] = [];
    await test.step('county adds evidence to two dossiers and sends them', async () => {
      await county.page.goto(`${APP_URL}#/settings`);
      await county.page.getByTestId('clerk-name').fill('李明');
      await county.page.getByTestId('clerk-save').click();
      await seedDemoData(county.page);
      const first = await addEvidence(county, 0, out('inspection.pdf'));
      const second = await addEvidence(county, 1, out('photo.png'));
      sent = [first, second];
      await exportPackage(county, 2, out('to-city.sdpkg'));
      const record = county.page.getByTestId('export-record');
      await expect(record).toHaveCount(1);
      await expect(record).toContainText('江州市司法局');
      await expect(record.getByTestId('export-status')).toHaveText('已发出');
    });

    await test.step('city imports them: read-only, marked with the sender, evidence readable', async () => {
      expect(await dossierTotal(city.page)).toContain('共 0 件');
      const result = await importPackage(city, out('to-city.sdpkg'));
      await expect(result).toHaveAttribute('data-ok', 'true');
      await expect(result).toContainText('已导入 2 件案卷（2 个文件），发自 青山县司法局');
      const packageId = (await city.backend.packages.received())[0]?.packageId ?? 'missing';
      expect(await dossierTotal(city.page, '?origin=received')).toContain('共 2 件');
      // The list marks each as received; the sender is the tag's tooltip.
      await expect(city.page.locator('[data-testid="dossier-row"] .row-tag[title="青山县司法局"]')).toHaveCount(2);
      // The city's registry does not know the county's subjects: the rows show the names the package carried.
      for (const line of await city.page.locator('[data-testid="dossier-row"] .subject-line').allTextContents()) {
        expect(line).toMatch(/[\u4e00-\u9fff]{4,}/);
        expect(line).not.toMatch(/-[sop]\d+/);
      }
      for (const id of sent) {
        await city.page.goto(`${APP_URL}#/dossiers/${encodeURIComponent(id)}`);
        await expect(city.page.getByTestId('received-banner')).toContainText('青山县司法局');
        await expect(city.page.getByTestId('received-banner')).toContainText(packageId);
        await city.page.getByTestId('tab-evidence').click();
        await expect(city.page.getByTestId('evidence-table').getByRole('row')).toHaveCount(2);
        await expect(city.page.getByRole('button', { name: '添加文件' })).toHaveCount(0);
      }
      for (const bytes of [pdf, png]) {
        expect(readFileSync(city.backend.evidence.pathOf(sha256(bytes)))).toEqual(bytes);
      }
    });

    await test.step('a damaged copy of a later package is refused with a clear message and changes nothing', async () => {
      await exportPackage(county, 1, out('later.sdpkg'));
      const bytes = readFileSync(out('later.sdpkg'));
      const name = bytes.indexOf('payload.bin');
      const dataStart = name + 'payload.bin'.length + bytes.readUInt16LE(name - 2);
      bytes[dataStart + 40] = (bytes[dataStart + 40] ?? 0) ^ 0x01;
      writeFileSync(out('later-damaged.sdpkg'), bytes);
      const result = await importPackage(city, out('later-damaged.sdpkg'));
      await expect(result).toHaveAttribute('data-ok', 'false');
      await expect(result.getByTestId('import-error')).toContainText('已损坏或被改动，请让发送机关重新拷贝');
      expect(await dossierTotal(city.page)).toContain('共 2 件');
    });

    await test.step('city writes a receipt; county imports it and the package shows delivered', async () => {
      await city.page.goto(`${APP_URL}#/packages/import`);
      const received = city.page.getByTestId('received-record');
      await expect(received).toHaveCount(1);
      city.ports.dialogs.saveAnswers.push(out('receipt.sdrcpt'));
      await received.getByTestId('write-receipt').click();
      await expect.poll(() => existsSync(out('receipt.sdrcpt'))).toBe(true);

      await county.page.goto(`${APP_URL}#/packages`);
      county.ports.dialogs.openAnswers.push([out('receipt.sdrcpt')]);
      await county.page.getByTestId('import-receipt').click();
      const delivered = county.page.getByTestId('export-record').filter({ hasText: '已送达' });
      await expect(delivered).toHaveCount(1);
      await expect(delivered).toHaveAttribute('data-status', 'delivered');
    });

    await test.step('a newer version whose files the city cannot store is taken back out, and comes in later', async () => {
      // A photo whose folder in the city's evidence store is new: a plain file put there
      // makes the store refuse it when the import commits, after the dossier was written.
      let extra = makePng(32, 32, [0, 0, 0]);
      for (let shade = 1; existsSync(dirname(city.backend.evidence.pathOf(sha256(extra)))); shade++) {
        extra = makePng(32, 32, [shade, 90, 160]);
      }
      writeFileSync(out('extra.png'), extra);
      const id = await addEvidence(county, 0, out('extra.png'));
      expect(sent).toContain(id);
      await exportPackage(county, 1, out('newer.sdpkg'));
      const blocker = dirname(city.backend.evidence.pathOf(sha256(extra)));
      writeFileSync(blocker, 'not a folder');

      const packageId = (await city.backend.packages.received())[0]?.packageId ?? 'missing';
      const evidenceRows = async () => {
        await city.page.goto(`${APP_URL}#/dossiers/${encodeURIComponent(id)}`);
        await expect(city.page.getByTestId('received-banner')).toContainText('青山县司法局');
        await city.page.getByTestId('tab-evidence').click();
        return city.page.getByTestId('evidence-table').getByRole('row');
      };
      await expect(await evidenceRows()).toHaveCount(2);

      const result = await importPackage(city, out('newer.sdpkg'));
      await expect(result).toHaveAttribute('data-ok', 'false');
      await expect(result.getByTestId('import-error')).toContainText('未导入任何案卷');
      await expect(result.getByTestId('import-error')).toContainText('已写入的案卷均已撤回');
      // The older version is back, with its evidence; nothing recorded, no file kept.
      await expect(await evidenceRows()).toHaveCount(2);
      await expect(city.page.getByTestId('received-banner')).toContainText(packageId);
      expect(await dossierTotal(city.page)).toContain('共 2 件');
      expect(await city.backend.packages.received()).toHaveLength(1);
      expect(city.backend.packages.pendingImportIds()).toEqual([]);

      rmSync(blocker);
      const again = await importPackage(city, out('newer.sdpkg'));
      await expect(again).toHaveAttribute('data-ok', 'true');
      await expect(again).toContainText('已导入 1 件案卷（1 个文件），发自 青山县司法局');
      await expect(await evidenceRows()).toHaveCount(3);
      expect(readFileSync(city.backend.evidence.pathOf(sha256(extra)))).toEqual(extra);
    });
  } finally {
    await city.close();
    dir.remove();
  }
});

test('keys and trust: passphrase where the OS has no key store, backup, rotation, unlock after restart, revocation', async ({
  userDataDir,
}, testInfo) => {
  test.setTimeout(180_000);
  const passphrase = '青山县司法局密钥口令';
  let firstGroups: string[] = [];
  let desk = await launchDesk({ userDataDir, keyStore: 'unavailable' });
  try {
    await seedOffice(desk, COUNTY_OFFICE);
    await openApp(desk.page);
    let { page } = desk;
    await page.goto(`${APP_URL}#/packages/keys`);
    await page.getByTestId('keys-set-up').click();
    // No key store: the clerk is told why, and only a passphrase can be chosen.
    await expect(page.getByText('本机没有可用的系统密钥库，请设置口令保护密钥。')).toBeVisible();
    await expect(page.getByRole('radio', { name: /操作系统密钥库/ })).toBeDisabled();
    await page.getByTestId('passphrase-input').fill(passphrase);
    await page.getByTestId('passphrase-again').fill(`${passphrase}x`);
    await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
    await expect(page.getByText('两次输入的口令不一致')).toBeVisible();
    await page.getByTestId('passphrase-again').fill(passphrase);
    await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
    await expect(page.getByTestId('key-state')).toHaveText('可用');
    const first = await page.getByTestId('own-fingerprint').locator('.fingerprint-group').allTextContents();
    firstGroups = first;

    const backup = testInfo.outputPath('county.sdkeys');
    await page.getByTestId('keys-backup').click();
    await page.getByTestId('backupPassphrase-input').fill('备份口令备份口令');
    await page.getByTestId('backupPassphrase-again').fill('备份口令备份口令');
    desk.ports.dialogs.saveAnswers.push(backup);
    await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
    await expect.poll(() => existsSync(backup)).toBe(true);

    await page.getByTestId('keys-rotate').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect(page.getByText('密钥代数：2')).toBeVisible();
    const second = await page.getByTestId('own-fingerprint').locator('.fingerprint-group').allTextContents();
    expect(second).not.toEqual(first);
    expect(desk.backend.keys.status().generations).toHaveLength(2);

    await desk.close();
    desk = await launchDesk({ userDataDir, keyStore: 'unavailable' });
    page = desk.page;
    await openApp(page);
    await page.goto(`${APP_URL}#/packages`);
    await expect(page.getByText('本机关密钥已锁定，请先在“密钥与信任”中输入口令解锁。')).toBeVisible();
    await page.getByRole('tab', { name: '密钥与信任' }).click();
    await expect(page.getByTestId('key-state')).toHaveText('已锁定');
    await page.getByTestId('keys-unlock').click();
    await page.getByTestId('unlock-passphrase').fill('不是这个口令不是这个口令');
    await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
    await expect(page.getByTestId('keys-error')).toContainText('口令');
    await expect(page.getByTestId('key-state')).toHaveText('已锁定');
    await page.getByTestId('unlock-passphrase').fill(passphrase);
    await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
    await expect(page.getByTestId('key-state')).toHaveText('可用');

    // Another organ's certificate, trusted and then revoked.
    const city = await createTestOffice(testInfo.outputPath('city'), CITY_OFFICE);
    const cert = testInfo.outputPath('city.sdcert');
    writeFileSync(cert, await city.certificate());
    desk.ports.dialogs.openAnswers.push([cert]);
    await page.getByTestId('import-certificate').click();
    await openedDialog(page);
    await page.getByTestId('trust-read-back').click();
    await clickInDialog(page, page.getByTestId('trust-confirm'));
    const organ = page.getByTestId('trusted-organ').filter({ hasText: '江州市司法局' });
    await expect(organ).toBeVisible();
    await organ.getByTestId('revoke-key').click();
    await expect(page.getByTestId('revoke-confirm')).toBeDisabled();
    await page.getByTestId('revoke-reason').fill('对方报告密钥泄露');
    await clickInDialog(page, page.getByTestId('revoke-confirm'));
    await expect(organ).toContainText('对方报告密钥泄露');
    await expect(organ.getByTestId('revoke-key')).toHaveCount(0);
    // A revoked organ is no longer offered as a recipient.
    await page.goto(`${APP_URL}#/packages`);
    await expect(page.getByText('信任列表中还没有其他机关')).toBeVisible();
  } finally {
    await desk.close();
  }

  // A new computer: the backup restores the keys as they were when it was written.
  const fresh = makeUserDataDir('desk-e2e-restore-');
  const restored = await launchDesk({ userDataDir: fresh.dir });
  try {
    await seedOffice(restored, COUNTY_OFFICE);
    await openApp(restored.page);
    const page = restored.page;
    await page.goto(`${APP_URL}#/packages/keys`);
    await expect(page.getByTestId('key-state')).toHaveText('尚未生成');
    await page.getByTestId('keys-restore').click();
    await page.getByTestId('restore-passphrase').fill('备份口令备份口令');
    restored.ports.dialogs.openAnswers.push([testInfo.outputPath('county.sdkeys')]);
    await clickInDialog(page, page.getByTestId('keys-dialog-ok'));
    await expect(page.getByTestId('key-state')).toHaveText('可用');
    expect(await page.getByTestId('own-fingerprint').locator('.fingerprint-group').allTextContents()).toEqual(
      firstGroups,
    );
  } finally {
    await restored.close();
    fresh.remove();
  }
});

test('a package being written can be cancelled: no file is left and nothing is recorded as sent', async ({
  desk,
}, testInfo) => {
  test.setTimeout(180_000);
  await seedOffice(desk, COUNTY_OFFICE);
  await openApp(desk.page);
  const { page } = desk;
  await setUpKeys(page);
  const city = await createTestOffice(testInfo.outputPath('city'), CITY_OFFICE);
  const preview = desk.backend.trust.preview(Buffer.from(await city.certificate()));
  desk.backend.trust.confirm(preview.token, preview.fingerprint);
  await page.goto(`${APP_URL}#/settings`);
  await page.getByTestId('clerk-name').fill('李明');
  await page.getByTestId('clerk-save').click();
  await seedDemoData(page);
  // Large enough that writing it takes a moment even on a fast disk.
  const big = testInfo.outputPath('site-video.mp4');
  writeFileSync(big, Buffer.alloc(256 * 1024 * 1024, 0x5a));
  await addEvidence(desk, 0, big);

  await page.goto(`${APP_URL}#/packages`);
  await page.getByTestId('export-dossier-row').first().getByRole('checkbox').check();
  await page.getByTestId('export-recipient').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '江州市司法局' })
    .click();
  const out = testInfo.outputPath('sent');
  mkdirSync(out, { recursive: true });
  desk.ports.dialogs.saveAnswers.push(join(out, 'to-city.sdpkg'));
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('package-progress')).toContainText('正在加密并写入交换包');
  await page.getByTestId('package-cancel').click();
  await expect(page.getByText('已取消，未留下任何文件。')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('package-progress')).toHaveCount(0);
  expect(readdirSync(out)).toEqual([]);
  await expect(page.getByTestId('export-record')).toHaveCount(0);
  expect(desk.backend.packages.exports()).toEqual([]);
});
