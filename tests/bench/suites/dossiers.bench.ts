import type { Page } from '@playwright/test';
import { seedDemoData } from '../../e2e/support/dossiers';
import { APP_URL, launchDesk, makeUserDataDir } from '../../e2e/support/harness';
import { COUNTY_OFFICE } from '../../e2e/support/office';
import { type BenchResult, type BenchSuite, median, percentile, round } from '../types';

/**
 * Dossiers at scale, measured in Chromium through the UI: the Settings demo card seeds
 * 100,000 dossiers (about 300,000 findings), then the list, the status counts, search
 * and the detail page are timed by the performance spans the screens record (from the
 * query to the result painted, so React's rendering is included). Rows, postings and
 * dossiers are read from IndexedDB for every figure; "cold" figures also read the
 * list's catalogue, on a freshly loaded app.
 */
const COUNT = Number(process.env.DESK_BENCH_DOSSIERS ?? 100_000);

const QUERIES = [
  '听证',
  '罚款',
  '市场监督',
  '顶格罚款',
  '重复检查',
  '占道经营',
  '执法证件',
  '青山县',
  '综合行政执法',
  '网约车',
  '食品经营许可',
  '裁量基准',
  '未告知',
  '超限运输',
  '危险化学品',
  '法制审核',
  'hearing',
  'evergreen',
  'penalty',
  'procedure',
];

async function spans(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((m) => m.duration), name);
}

/** Waits for the `count`-th span of that name and returns its duration. */
async function nthSpan(page: Page, name: string, count: number): Promise<number> {
  await page.waitForFunction(([n, c]) => performance.getEntriesByName(n as string, 'measure').length >= (c as number), [
    name,
    count,
  ] as const);
  return (await spans(page, name))[count - 1] as number;
}

const suite: BenchSuite = {
  name: 'dossiers',
  async run() {
    const folder = makeUserDataDir('desk-bench-dossiers-');
    const desk = await launchDesk({ userDataDir: folder.dir, viewport: { width: 1440, height: 900 } });
    const results: BenchResult[] = [];
    try {
      desk.backend.settings.setOffice(COUNTY_OFFICE);
      const { page } = desk;

      // Seed through the Settings card.
      await seedDemoData(page, COUNT.toLocaleString('en-US'), 30 * 60_000);
      const result = page.getByTestId('demo-result');
      const seedMs = Number(await result.getAttribute('data-ms'));
      const generateMs = Number(await result.getAttribute('data-generate-ms'));
      const findings = Number(await result.getAttribute('data-findings'));
      // All in: generating each history through the state machine, sealing its hash
      // chain, indexing and storing. The second figure leaves out the generation.
      results.push({ name: 'dossiers.seed_per_s', value: Math.round(COUNT / (seedMs / 1000)), unit: 'dossiers/s' });
      results.push({
        name: 'dossiers.seed_store_per_s',
        value: Math.round(COUNT / ((seedMs - generateMs) / 1000)),
        unit: 'dossiers/s',
      });
      results.push({ name: 'dossiers.seed_findings', value: findings, unit: 'findings' });
      // LevelDB compacts half a gigabyte of fresh writes in the background for a while;
      // the clerk's queries come later, so the reads are timed once it has settled.
      await page.waitForTimeout(Number(process.env.DESK_BENCH_SETTLE_MS ?? 30_000));

      // First page, sorted by last change and filtered by status, and the counts of
      // every status. Cold: the app freshly loaded straight into the filtered list, so
      // the catalogue is read from IndexedDB too. Then the figures the clerk meets
      // while working: another status chosen on the open list, its rows read afresh.
      const coldPage: number[] = [];
      const coldCounts: number[] = [];
      for (const status of ['rectifying', 'closed', 'registered']) {
        await page.goto(`${APP_URL}#/settings`);
        await page.reload();
        await page.getByTestId('demo-generate').waitFor();
        await page.evaluate((s) => {
          location.hash = `#/dossiers?status=${s}`;
        }, status);
        coldPage.push(await nthSpan(page, 'desk:dossiers:first-page', 1));
        coldCounts.push(await nthSpan(page, 'desk:dossiers:counts', 1));
      }
      const firstPage: number[] = [];
      const counts: number[] = [];
      let pages = (await spans(page, 'desk:dossiers:first-page')).length;
      let counted = (await spans(page, 'desk:dossiers:counts')).length;
      for (const status of ['verifying', 'investigating', 'archived', 'served', 'not_opened', 'referred', 'drafting']) {
        await page.getByTestId(`status-${status}`).click();
        firstPage.push(await nthSpan(page, 'desk:dossiers:first-page', ++pages));
        counts.push(await nthSpan(page, 'desk:dossiers:counts', ++counted));
      }
      results.push({ name: 'dossiers.first_page_ms', value: round(median(firstPage)), unit: 'ms' });
      results.push({ name: 'dossiers.first_page_cold_ms', value: round(median(coldPage)), unit: 'ms' });
      results.push({ name: 'dossiers.count_by_status_ms', value: round(median(counts)), unit: 'ms' });
      results.push({ name: 'dossiers.count_by_status_cold_ms', value: round(median(coldCounts)), unit: 'ms' });

      if (process.env.DESK_BENCH_VERBOSE) {
        const held = await page.evaluate(() =>
          performance.getEntriesByName('desk:search:held').map((m) => Math.round(m.startTime)),
        );
        const now = await page.evaluate(() => Math.round(performance.now()));
        process.stdout.write(`  search index held at ${held.join(', ') || 'never'} ms; searches start at ${now} ms\n`);
      }
      // Search: 20 queries typed into the list's search box.
      const search = page.getByTestId('dossier-search');
      const times: number[] = [];
      let done = (await spans(page, 'desk:dossiers:search')).length;
      for (const query of QUERIES) {
        await search.fill(query);
        await search.press('Enter');
        times.push(await nthSpan(page, 'desk:dossiers:search', ++done));
      }
      if (process.env.DESK_BENCH_VERBOSE) {
        process.stdout.write(`  search times: ${QUERIES.map((q, i) => `${q} ${round(times[i] ?? 0)}`).join(', ')}\n`);
      }
      results.push({ name: 'search.p95_ms', value: round(percentile(times, 95)), unit: 'ms' });
      results.push({ name: 'search.median_ms', value: round(median(times)), unit: 'ms' });

      // Opening dossiers from the list (each a different one, read from IndexedDB).
      await search.fill('');
      await search.press('Enter');
      // Dossier ids from card blocks spread over the table (a string: tsx would wrap
      // named functions inside the page function with a helper the page lacks).
      const ids = (await page.evaluate(`(async () => {
        const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
        const db = await request(indexedDB.open('supervision-desk'));
        const store = db.transaction('cards').objectStore('cards');
        const out = [];
        for (const b of [12, 800, 2068, 3600, 4804, 5600, 160, 3108, 360, 600]) {
          const block = await request(store.get(b));
          if (block && block.ids[5]) out.push(block.ids[5]);
        }
        db.close();
        return out;
      })()`)) as string[];
      const opens: number[] = [];
      let opened = (await spans(page, 'desk:dossier:open')).length;
      for (const id of ids) {
        await page.evaluate((target) => {
          location.hash = `#/dossiers/${encodeURIComponent(target)}`;
        }, id);
        opens.push(await nthSpan(page, 'desk:dossier:open', ++opened));
        await page.getByTestId('tab-timeline').waitFor();
      }
      results.push({ name: 'dossier.open_ms', value: round(median(opens)), unit: 'ms' });
    } finally {
      await desk.close();
      folder.remove();
    }
    return results;
  },
};
export default suite;
