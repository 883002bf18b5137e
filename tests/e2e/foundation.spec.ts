import { COUNTY_OFFICE, expect, openApp, seedOffice, test } from './support/fixtures';

test('the setup wizard records the office identity and rejects a bad division code', async ({ desk }) => {
  const { page } = desk;
  await openApp(page);
  await expect(page.getByRole('heading', { name: '欢迎使用行政执法监督工作台' })).toBeVisible();

  // Step 1 refuses to go on with required fields empty.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写此项').first()).toBeVisible();

  await page.getByLabel('机关名称', { exact: true }).fill('青山县司法局');
  await page.getByLabel('机关简称', { exact: true }).fill('青司');
  await page.getByRole('radio', { name: '县级' }).check();
  await page.getByRole('radio', { name: '司法行政部门' }).check();
  await page.getByRole('button', { name: '下一步' }).click();

  // A city-shaped code for a county office is refused with the reason.
  await page.getByLabel('行政区划代码', { exact: true }).fill('330100');
  await page.getByLabel('上级机关名称', { exact: true }).fill('江州市司法局');
  await page.getByLabel('上级机关区划代码', { exact: true }).fill('330100');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('区划代码与所选行政级别不符', { exact: false })).toBeVisible();

  // An unknown province prefix is refused too.
  await page.getByLabel('行政区划代码', { exact: true }).fill('990104');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('区划代码的前两位不是有效的省级代码')).toBeVisible();

  await page.getByLabel('行政区划代码', { exact: true }).fill('330104');
  await page.getByRole('button', { name: '下一步' }).click();
  const summary = page.getByTestId('office-summary');
  await expect(summary).toContainText('青山县司法局');
  await expect(summary).toContainText('330104');
  await page.getByRole('button', { name: '保存，下一步' }).click();

  // The office's exchange keys, protected by the OS key store, are the last step.
  await expect(page.getByTestId('wizard-keys')).toBeVisible();
  expect(desk.backend.keys.status().state).toBe('none');
  await page.getByTestId('wizard-keys-generate').click();

  await expect(page.getByTestId('page-title')).toHaveText('工作台');
  await expect(page.getByTestId('status-bar')).toContainText('本机关：青山县司法局');
  expect(desk.backend.settings.office()).toMatchObject({
    name: '青山县司法局',
    divisionCode: '330104',
    level: 'county',
  });
  expect(desk.backend.keys.status()).toMatchObject({ state: 'unlocked', protection: 'system' });
});

test('a restart keeps the office identity and the language', async ({ desk }) => {
  await seedOffice(desk);
  await openApp(desk.page);
  await desk.page.getByTestId('language-switch').click();
  await desk.page.getByTitle('English').click();
  await expect(desk.page.getByTestId('page-title')).toHaveText('Dashboard');

  const again = await desk.restart();
  await openApp(again.page);
  await expect(again.page.getByTestId('page-title')).toHaveText('Dashboard');
  await expect(again.page.getByTestId('status-bar')).toContainText(`Office: ${COUNTY_OFFICE.name}`);
});

test('switching the language changes every visible string', async ({ desk }) => {
  await seedOffice(desk);
  const { page } = desk;
  await openApp(page);
  await expect(page.getByRole('menuitem', { name: '监督案卷' })).toBeVisible();

  await page.getByTestId('language-switch').click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('menuitem', { name: 'Dossiers' })).toBeVisible();

  // Visit every page: apart from data the clerk typed (the office's names) and the
  // language's own name, no Chinese may be left on screen.
  const allowed = [COUNTY_OFFICE.name, COUNTY_OFFICE.shortName, COUNTY_OFFICE.superior?.name ?? '', '简体中文'];
  for (const name of [
    'Dashboard',
    'Dossiers',
    'Clues',
    'Case-file reviews',
    'Documents',
    'Packages',
    'Registries',
    'Settings',
  ]) {
    await page.getByRole('menuitem', { name }).click();
    await expect(page.getByTestId('page-title')).toHaveText(name);
    // biome-ignore lint/performance/useDomNodeTextContent: only rendered, visible text counts here
    const text = await page.evaluate(() => document.body.innerText);
    const leftover = allowed.reduce((acc, word) => acc.split(word).join(''), text).match(/[\u4e00-\u9fff]+/g);
    expect(leftover, `Chinese text left on ${name}`).toBeNull();
  }
  await expect(page).toHaveTitle(/Supervision Desk/);
});

test('a malformed payload through the bridge gets VALIDATION_FAILED with field paths', async ({ desk }) => {
  await seedOffice(desk);
  await openApp(desk.page);
  await expect(desk.page.getByTestId('page-title')).toBeVisible();
  const result = await desk.page.evaluate(() =>
    (window as unknown as { api: { 'office.save': (input: unknown) => Promise<unknown> } }).api['office.save']({
      name: 42,
      shortName: '青司',
      level: 'galaxy',
      kind: 'judicial',
      divisionCode: '12',
    }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  const paths = (result as { error: { issues: { path: string[] }[] } }).error.issues.map((i) => i.path.join('.'));
  expect(paths).toEqual(expect.arrayContaining(['name', 'level', 'divisionCode']));
  // Nothing was written.
  expect(desk.backend.settings.office()).toMatchObject({ name: COUNTY_OFFICE.name });

  // The page sees only the contract's channels: no generic invoke.
  const keys = await desk.page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort());
  expect(keys).not.toContain('invoke');
  expect(keys).toContain('office.save');
});
