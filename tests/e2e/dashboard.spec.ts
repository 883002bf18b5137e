import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { seedDemoData } from './support/dossiers';
import { expect, seedOffice, test } from './support/fixtures';
import { APP_URL } from './support/harness';

interface Point {
  s: number;
  i: number;
  x: number;
  y: number;
  v: unknown;
}

/** The drawn items of a chart, as the chart publishes them for clicking. */
async function points(chart: Locator): Promise<Point[]> {
  await expect(chart).toHaveAttribute('data-points', /\{/);
  return JSON.parse((await chart.getAttribute('data-points')) ?? '[]') as Point[];
}

/** The figure in the list's footer ("共 N 件"). */
async function listTotal(page: Page): Promise<number> {
  const foot = page.getByTestId('dossier-total');
  await expect(foot).toHaveText(/共 [\d,]+ 件/);
  const text = (await foot.textContent()) ?? '';
  return Number(/共 ([\d,]+) 件/.exec(text)?.[1]?.replace(/,/g, ''));
}

async function kpi(page: Page, id: string): Promise<number> {
  const value = page.getByTestId(`${id}-value`);
  await expect(value).toHaveText(/^[\d,]+$/);
  return Number(((await value.textContent()) ?? '').replace(/,/g, ''));
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${APP_URL}#/dashboard`);
  await expect(page.getByTestId('dashboard')).toBeVisible();
}

/** Clicks a bar where a clerk would, expects the list it opens to hold as many dossiers as the bar showed. */
async function clickThrough(page: Page, chartId: string, pick: (p: Point) => boolean): Promise<number> {
  const chart = page.getByTestId(chartId);
  await chart.scrollIntoViewIfNeeded();
  const all = await points(chart);
  const target = all.find((p) => pick(p) && typeof p.v === 'number' && p.v > 0);
  expect(target, `a non-empty bar in ${chartId}`).toBeDefined();
  if (!target) return 0;
  await chart.click({ position: { x: target.x, y: target.y } });
  await expect(page.getByTestId('dossier-list')).toBeVisible();
  expect(await listTotal(page), `${chartId} series ${target.s} item ${target.i}`).toBe(target.v);
  return target.v as number;
}

test('the dashboard figures equal the counts of the dossier lists they open', async ({ desk }) => {
  test.setTimeout(180_000);
  await seedOffice(desk);
  const { page } = desk;
  await seedDemoData(page, '100');

  await openDashboard(page);
  const matters = await kpi(page, 'kpi-matters');
  const overdue = await kpi(page, 'kpi-overdue');
  const received = await kpi(page, 'kpi-received');
  expect(matters).toBeGreaterThan(0);

  // The plain list, unfiltered, holds every matter.
  await page.goto(`${APP_URL}#/dossiers`);
  expect(await listTotal(page)).toBe(matters);

  for (const [id, expected] of [
    ['kpi-matters', matters],
    ['kpi-overdue', overdue],
    ['kpi-received', received],
  ] as const) {
    await openDashboard(page);
    await page.getByTestId(id).click();
    await expect(page).toHaveURL(/#\/dossiers/);
    expect(await listTotal(page), id).toBe(expected);
  }

  // Kinds: the bars add up to every matter, and the tallest opens a list of its height.
  await openDashboard(page);
  const kinds = await points(page.getByTestId('chart-kind'));
  expect(kinds.reduce((n, p) => n + (p.v as number), 0)).toBe(matters);
  await clickThrough(page, 'chart-kind', () => true);

  await openDashboard(page);
  const statuses = await points(page.getByTestId('chart-status'));
  expect(statuses.reduce((n, p) => n + (p.v as number), 0)).toBe(matters);
  await clickThrough(page, 'chart-status', (p) => p.i === statuses.findIndex((x) => (x.v as number) > 0));

  // Findings by category: the second series counts matters with such a finding.
  await openDashboard(page);
  await clickThrough(page, 'chart-category', (p) => p.s === 1);

  // Subordinate organs: own and received dossiers of one organ.
  await openDashboard(page);
  await clickThrough(page, 'chart-organs', (p) => p.s === 0);
  await openDashboard(page);
  await clickThrough(page, 'chart-organs', (p) => p.s === 1);

  // By month, registered in that month.
  await openDashboard(page);
  await clickThrough(page, 'chart-month', (p) => p.s === 0);
});

test('a subject scorecard counts what its dossier list holds, and exports to XLSX with the same figures', async ({
  desk,
}, testInfo) => {
  test.setTimeout(180_000);
  await seedOffice(desk);
  const { page } = desk;
  await seedDemoData(page, '100');

  // The comparison of every subject, for the annual report: the subject with most findings first.
  await openDashboard(page);
  await page.getByTestId('open-scorecards').click();
  await expect(page.getByTestId('scorecard-page')).toBeVisible();
  const all = testInfo.outputPath('all.xlsx');
  desk.ports.dialogs.saveAnswers.push(all);
  await page.getByTestId('scorecard-export-all').click();
  await expect(page.getByText('已导出：all.xlsx')).toBeVisible();
  const comparison = new ExcelJS.Workbook();
  await comparison.xlsx.readFile(all);
  const sheet = comparison.worksheets[0];
  expect(sheet?.name).toBe('执法主体对比');
  const top = sheet?.getRow(2).values as unknown[];
  const name = String(top[1]);
  const matters = Number(top[2]);
  const findings = Number(top[3]);
  expect(findings).toBeGreaterThan(0);

  const target = page.getByTestId('scorecard-target');
  await target.click();
  await target.locator('input').fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
  await expect(page.getByTestId('scorecard-name')).toHaveText(name);
  const stat = (title: string) =>
    page.locator('.ant-card', { has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) });
  await expect(stat('监督事项').locator('.ant-statistic-content')).toHaveText(String(matters));
  await expect(stat('发现问题').locator('.ant-statistic-content')).toHaveText(String(findings));

  // The dossier list filtered by the subject over the same year holds as many matters.
  const url = new URL(page.url());
  const params = new URLSearchParams(url.hash.split('?')[1]);
  const subjectId = params.get('id') ?? '';
  const year = new Date().getFullYear();
  await page.goto(`${APP_URL}#/dossiers?subject=${encodeURIComponent(subjectId)}&from=${year}-01-01&to=${year}-12-31`);
  expect(await listTotal(page)).toBe(matters);
  await page.goBack();

  const one = testInfo.outputPath('one.xlsx');
  desk.ports.dialogs.saveAnswers.push(one);
  await page.getByTestId('scorecard-export').click();
  await expect(page.getByText('已导出：one.xlsx')).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(one);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['概况', '问题类别', '月度趋势']);
  const summary = new Map<string, unknown>();
  workbook.worksheets[0]?.eachRow((row, n) => {
    if (n > 1) summary.set(String(row.getCell(1).value), row.getCell(2).value);
  });
  expect(summary.get('名称')).toBe(name);
  expect(summary.get('监督事项')).toBe(matters);
  expect(summary.get('发现问题')).toBe(findings);
  let categorySum = 0;
  workbook.worksheets[1]?.eachRow((row, n) => {
    if (n > 1) categorySum += Number(row.getCell(2).value);
  });
  expect(categorySum).toBe(findings);
});

test('the work report is drafted with the dashboard figures of the chosen year', async ({ desk }) => {
  test.setTimeout(120_000);
  await seedOffice(desk);
  const { page } = desk;
  await seedDemoData(page, '100');
  await page.goto(`${APP_URL}#/dashboard?period=year`);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const matters = await kpi(page, 'kpi-matters');

  await page.getByTestId('draft-work-report').click();
  await expect(page).toHaveURL(/#\/documents\/[^/]+$/);
  const year = new Date().getFullYear();
  await expect(page.getByTestId('field-title')).toHaveValue(`关于${year}年度行政执法监督工作情况的报告`);
  await expect(page.getByTestId('field-overview')).toHaveValue(new RegExp(`共办理行政执法监督事项${matters}件`));
});
