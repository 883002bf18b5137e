import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readTableFile } from '../../electron/services/tabular/read-table';
import type { EnforcementOfficer, EnforcementSubject, Organ } from '../../shared/domain/registry';
import { clickInDialog } from './support/dialog';
import { toGbk } from './support/files';
import { expect, openApp, seedOffice, test } from './support/fixtures';
import { idbAll, idbPut } from './support/idb';

const NOW = '2026-03-02T09:00:00.000Z';
/** The import button (its accessible name also carries the icon's). */
const IMPORT = /(^| )导入$/;

async function openRegistry(page: Page, tab: '机关' | '执法主体' | '执法人员' | '监督员') {
  await openApp(page);
  await page.getByRole('menuitem', { name: '基础名录' }).click();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`), selected: true })).toBeVisible();
}

/** The problems the preview lists for a row of the sheet. */
const problemsOf = (page: Page, line: number) => page.getByTestId(`import-problems-${line}`);

test('importing organs from a GBK CSV marks each bad row with its reason; cancel writes nothing, confirm writes only the valid rows', async ({
  desk,
}, testInfo) => {
  await seedOffice(desk);
  const { page } = desk;
  const csv = testInfo.outputPath('organs.csv');
  writeFileSync(
    csv,
    toGbk(
      [
        '机关名称,机关简称,行政级别,机关类别,执法领域,行政区划代码,上级机关,备注',
        '江州市人民政府,市政府,市级,人民政府,,330100,,',
        '青山县人民政府,县政府,县级,人民政府,,330104,江州市人民政府,',
        '"青山县市场监督管理局","县市场监管局",县级,行业主管部门,市场监管,330104,青山县人民政府,"含""逗号,引号"""',
        '青山县交通运输局,县交通局,县级,行业主管部门,,330104,青山县人民政府,',
        '青山县综合行政执法局,县综合执法局,县级,行业主管部门,城市管理,3301,青山县人民政府,',
        '青山县人民政府,县政府,县级,人民政府,,330104,江州市人民政府,',
        '城关镇人民政府,城关镇,乡镇级,人民政府,,330104,不存在的县政府,',
      ].join('\r\n'),
    ),
  );
  await openRegistry(page, '机关');

  desk.ports.dialogs.openAnswers.push([csv]);
  await page.getByRole('button', { name: IMPORT }).click();
  const dialog = page.getByRole('dialog', { name: '导入机关' });
  await expect(dialog.getByTestId('import-summary')).toContainText('共 7 行：3 行可以导入，4 行有问题');
  await expect(dialog).toContainText('以下列名未识别，将被忽略：备注');
  await expect(problemsOf(page, 5)).toHaveText('执法领域：行业主管部门请选择执法领域');
  await expect(problemsOf(page, 6)).toHaveText('行政区划代码：区划代码应为 6 位数字');
  await expect(problemsOf(page, 7)).toHaveText('机关名称：与第 3 行重复');
  await expect(problemsOf(page, 8)).toHaveText('上级机关：名录中找不到“不存在的县政府”');
  await expect(problemsOf(page, 2)).toHaveCount(0);

  // Cancel: nothing is written.
  await dialog.getByTestId('import-cancel').click();
  await expect(dialog).toBeHidden();
  expect(await idbAll(page, 'organs')).toEqual([]);
  await expect(page.getByText('尚无机关')).toBeVisible();

  // Again, and confirm: exactly the three valid rows, with their parents linked.
  desk.ports.dialogs.openAnswers.push([csv]);
  await page.getByRole('button', { name: IMPORT }).click();
  await clickInDialog(page, page.getByTestId('import-confirm'));
  await expect(page.getByText('已导入 3 条记录')).toBeVisible();
  const organs = await idbAll<Organ>(page, 'organs');
  const byName = new Map(organs.map((o) => [o.name, o]));
  expect([...byName.keys()].sort()).toEqual(['江州市人民政府', '青山县人民政府', '青山县市场监督管理局'].sort());
  expect(byName.get('青山县人民政府')?.parentId).toBe(byName.get('江州市人民政府')?.id);
  expect(byName.get('青山县市场监督管理局')).toMatchObject({
    parentId: byName.get('青山县人民政府')?.id,
    kind: 'industry',
    field: 'market_regulation',
    active: true,
  });
  // All rows of one import carry the same write time: they went in together.
  expect(new Set(organs.map((o) => o.updatedAt)).size).toBe(1);

  // The tree shows the hierarchy, and picking a branch narrows the table to it.
  const tree = page.getByRole('navigation', { name: '机关层级' });
  await expect(tree.getByText('青山县市场监督管理局')).toBeVisible();
  await tree.getByText('青山县人民政府').click();
  const table = page.getByTestId('registry-table-organs');
  await expect(page.getByText('共 2 条')).toBeVisible();
  await expect(table.getByText('县市场监管局')).toBeVisible();
  await expect(table.getByText('市政府', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('organs.png') });
});

test('officers import from XLSX, certificate numbers stay unique, deactivation keeps the record, and the registries export to XLSX', async ({
  desk,
}, testInfo) => {
  await seedOffice(desk);
  const { page } = desk;
  await openApp(page);
  await page.getByRole('menuitem', { name: '基础名录' }).click();
  const county: Organ = {
    id: 'org-county',
    name: '青山县人民政府',
    shortName: '县政府',
    level: 'county',
    kind: 'government',
    divisionCode: '330104',
    active: true,
    updatedAt: NOW,
  };
  await idbPut(page, 'organs', [county]);
  // Written below the app, so the app learns of it on the next load.
  await page.reload();

  // A subject through the form: the form refuses it until the legal basis is given.
  await page.getByRole('tab', { name: /^执法主体/ }).click();
  await page.getByRole('button', { name: '新增' }).click();
  const drawer = page.getByRole('dialog', { name: '新增执法主体' });
  await drawer.getByLabel('执法主体名称').fill('青山县市场监督管理局');
  await drawer.getByLabel('执法领域').click();
  await page.getByTitle('市场监管').click();
  await drawer.getByLabel('所属机关').click();
  await page.getByTitle('青山县人民政府').click();
  await drawer.getByLabel('统一社会信用代码').fill('11330104002489305J');
  await drawer.getByTestId('registry-form-save').click();
  await expect(drawer.getByText('请填写此项')).toBeVisible();
  await expect(drawer.getByText('统一社会信用代码格式或校验位不正确')).toBeVisible();
  await drawer.getByLabel('法定依据').fill('《中华人民共和国行政处罚法》第十八条');
  await drawer.getByLabel('统一社会信用代码').fill('11330104002489305H');
  await drawer.getByTestId('registry-form-save').click();
  await expect(drawer).toBeHidden();
  const [subject] = await idbAll<EnforcementSubject>(page, 'subjects');
  expect(subject).toMatchObject({ name: '青山县市场监督管理局', organId: county.id, creditCode: '11330104002489305H' });

  // One officer by hand, then a workbook whose rows clash with it and with each other.
  await page.getByRole('tab', { name: /^执法人员/ }).click();
  await page.getByRole('button', { name: '新增' }).click();
  const officerForm = page.getByRole('dialog', { name: '新增执法人员' });
  await officerForm.getByLabel('姓名').fill('王五');
  await officerForm.getByLabel('执法证号').fill('ZJ-330104-001');
  await officerForm.getByLabel('所属执法主体').click();
  await page.getByTitle('青山县市场监督管理局').click();
  await officerForm.getByTestId('registry-form-save').click();
  await expect(officerForm).toBeHidden();

  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('填写说明').addRow(['本表由青山县司法局制作']);
  const sheet = workbook.addWorksheet('执法人员');
  sheet.addRow(['姓名', '执法证号', '所属执法主体', '执法证状态']);
  sheet.addRow(['张三', 'ZJ-330104-002', '青山县市场监督管理局', '有效']);
  sheet.addRow(['李四', 'zj-330104-002', '青山县市场监督管理局', '']);
  sheet.addRow(['赵六', 'ZJ-330104-001', '青山县市场监督管理局', '']);
  sheet.addRow(['钱七', 'ZJ-330104-003', '青山县不存在局', '暂扣']);
  sheet.addRow(['孙八', 'ZJ-330104-004', '青山县市场监督管理局', '吊销中']);
  const xlsx = testInfo.outputPath('officers.xlsx');
  await workbook.xlsx.writeFile(xlsx);

  desk.ports.dialogs.openAnswers.push([xlsx]);
  await page.getByRole('button', { name: IMPORT }).click();
  const dialog = page.getByRole('dialog', { name: '导入执法人员' });
  await expect(dialog.getByTestId('import-summary')).toContainText('共 5 行：1 行可以导入，4 行有问题');
  await expect(problemsOf(page, 3)).toHaveText('执法证号：与第 2 行重复');
  await expect(problemsOf(page, 4)).toHaveText('执法证号：执法证号已被“王五”使用');
  await expect(problemsOf(page, 5)).toHaveText('所属执法主体：名录中找不到“青山县不存在局”');
  await expect(problemsOf(page, 6)).toHaveText('执法证状态：无法识别的值“吊销中”');
  await page.screenshot({ path: testInfo.outputPath('import-preview.png') });
  await clickInDialog(page, page.getByTestId('import-confirm'));
  await expect(page.getByText('已导入 1 条记录')).toBeVisible();
  expect((await idbAll<EnforcementOfficer>(page, 'officers')).map((o) => o.certificateNo).sort()).toEqual([
    'ZJ-330104-001',
    'ZJ-330104-002',
  ]);

  // The form reports a taken certificate number on its field, and saves nothing.
  await page.getByRole('button', { name: '新增' }).click();
  await officerForm.getByLabel('姓名').fill('周九');
  await officerForm.getByLabel('执法证号').fill(' zj-330104-002 ');
  await officerForm.getByLabel('所属执法主体').click();
  await page.getByTitle('青山县市场监督管理局').click();
  await officerForm.getByTestId('registry-form-save').click();
  await expect(officerForm.getByText('执法证号已被“张三”使用')).toBeVisible();
  await officerForm.getByRole('button', { name: '取 消' }).click();
  expect(await idbAll(page, 'officers')).toHaveLength(2);

  // Deactivation hides the officer from the list but keeps the record.
  const table = page.getByTestId('registry-table-officers');
  await table.getByRole('row', { name: /张三/ }).getByRole('button', { name: '停用' }).click();
  await clickInDialog(page, page.getByRole('button', { name: '停 用' }));
  await expect(table.getByText('张三')).toHaveCount(0);
  expect((await idbAll<EnforcementOfficer>(page, 'officers')).find((o) => o.name === '张三')?.active).toBe(false);
  await page.getByLabel('显示已停用').click();
  await expect(table.getByRole('row', { name: /张三/ })).toContainText('停用');

  // Export: one workbook, a sheet per registry, in the import template's columns.
  const exported = testInfo.outputPath('registries.xlsx');
  desk.ports.dialogs.saveAnswers.push(exported);
  await page.getByRole('button', { name: '导出全部名录' }).click();
  await expect(page.getByText('已导出到 registries.xlsx')).toBeVisible();
  expect(desk.ports.dialogs.requests.at(-1)?.defaultPath).toMatch(/^基础名录 \d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = await readTableFile(exported);
  expect(book.sheets.map((s) => s.name)).toEqual(['机关', '执法主体', '执法人员', '监督员']);
  const officers = book.sheets[2]?.rows.map((r) => r.cells);
  expect(officers?.[0]).toEqual(['姓名', '执法证号', '所属执法主体', '执法证状态', '状态']);
  expect(officers?.slice(1).sort()).toEqual([
    ['张三', 'ZJ-330104-002', '青山县市场监督管理局', '有效', '停用'],
    ['王五', 'ZJ-330104-001', '青山县市场监督管理局', '有效', '在用'],
  ]);

  // The template has the same columns and nothing else to import.
  const template = testInfo.outputPath('template.xlsx');
  desk.ports.dialogs.saveAnswers.push(template);
  await page.getByRole('button', { name: '下载模板' }).click();
  await expect(page.getByText('模板已保存为 template.xlsx')).toBeVisible();
  const blank = await readTableFile(template);
  expect(blank.sheets[0]?.rows).toEqual([
    { line: 1, cells: ['姓名', '执法证号', '所属执法主体', '执法证状态', '状态'] },
  ]);
  desk.ports.dialogs.openAnswers.push([template]);
  await page.getByRole('button', { name: IMPORT }).click();
  await expect(page.getByTestId('import-file-problems')).toContainText('文件中没有数据行');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
});

test('a file that is not a spreadsheet is refused with a clear message, and a cancelled dialog does nothing', async ({
  desk,
}, testInfo) => {
  await seedOffice(desk);
  const { page } = desk;
  await openRegistry(page, '监督员');
  const xls = testInfo.outputPath('old.xls');
  writeFileSync(xls, Buffer.from('d0cf11e0a1b11ae10000000000000000', 'hex'));
  desk.ports.dialogs.openAnswers.push([xls]);
  await page.getByRole('button', { name: IMPORT }).click();
  await expect(page.getByText('不支持此文件格式（xls）')).toBeVisible();

  desk.ports.dialogs.openAnswers.push(null);
  await page.getByRole('button', { name: IMPORT }).click();
  await expect(page.getByRole('button', { name: IMPORT })).toBeEnabled();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(desk.ports.dialogs.requests.filter((r) => r.kind === 'open')).toHaveLength(2);
});
