import type { Locator, Page } from '@playwright/test';
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
