import type { Page } from '@playwright/test';
import { seedDemoData } from '../../e2e/support/dossiers';
import { APP_URL, launchDesk, makeUserDataDir } from '../../e2e/support/harness';
import { COUNTY_OFFICE } from '../../e2e/support/office';
import { type BenchResult, type BenchSuite, median, round } from '../types';

/**
 * Results at scale, in Chromium through the UI: 100,000 demo dossiers seeded from
 * Settings (which keeps the tallies as it writes), then the dashboard and scorecards
 * timed by the spans the screens record, from asking for their figures to the charts
 * painted. Both read the maintained tallies and the list's catalogue, never the
 * dossiers; "cold" loads follow a reload of the app, so the catalogue is read from
 * IndexedDB too.
 */
const COUNT = Number(process.env.DESK_BENCH_DOSSIERS ?? 100_000);

async function spanCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
}

async function nthSpan(page: Page, name: string, count: number): Promise<number> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string, 'measure').length >= (c as number),
    [name, count] as const,
    { timeout: 120_000 },
  );
  return page.evaluate(
    ([n, c]) => performance.getEntriesByName(n as string, 'measure')[(c as number) - 1]?.duration ?? Number.NaN,
    [name, count] as const,
  );
}

/** Ids of a registry store (subjects or organs), read below the app. */
async function registryIds(page: Page, store: 'subjects' | 'organs'): Promise<string[]> {
  return (await page.evaluate(`(async () => {
    const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const db = await request(indexedDB.open('supervision-desk'));
    const keys = await request(db.transaction('${store}').objectStore('${store}').getAllKeys());
    db.close();
    return keys;
  })()`)) as string[];
}

const suite: BenchSuite = {
  name: 'results',
  async run() {
    const folder = makeUserDataDir('desk-bench-results-');
    const desk = await launchDesk({ userDataDir: folder.dir, viewport: { width: 1440, height: 900 } });
    const results: BenchResult[] = [];
    try {
      desk.backend.settings.setOffice(COUNTY_OFFICE);
      const { page } = desk;
      await seedDemoData(page, COUNT.toLocaleString('en-US'), 30 * 60_000);
      await page.waitForTimeout(Number(process.env.DESK_BENCH_SETTLE_MS ?? 30_000));

      // Cold: the app reloaded straight onto the dashboard.
      const cold: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.goto(`${APP_URL}#/settings`);
        await page.reload();
        await page.getByTestId('demo-generate').waitFor();
        await page.evaluate(() => {
          location.hash = '#/dashboard';
        });
        cold.push(await nthSpan(page, 'desk:dashboard:load', 1));
      }
      // Warm: back to the dashboard from Settings (nothing else loading meanwhile), for each period.
      const warm: number[] = [];
      const data: number[] = [];
      let loads = await spanCount(page, 'desk:dashboard:load');
      let datas = await spanCount(page, 'desk:dashboard:data');
      for (const period of ['year', 'last12', 'lastYear', 'all', 'year', 'last12', 'all']) {
        await page.evaluate(() => {
          location.hash = '#/settings';
        });
        await page.getByTestId('demo-generate').waitFor();
        await page.waitForTimeout(300);
        await page.evaluate((p) => {
          location.hash = `#/dashboard?period=${p}`;
        }, period);
        warm.push(await nthSpan(page, 'desk:dashboard:load', ++loads));
        data.push(await nthSpan(page, 'desk:dashboard:data', ++datas));
      }
      if (process.env.DESK_BENCH_VERBOSE) {
        process.stdout.write(
          `  dashboard loads: ${warm.map((v) => round(v)).join(', ')}; data: ${data.map((v) => round(v)).join(', ')}\n`,
        );
      }
      results.push({ name: 'dashboard.load_ms', value: round(median(warm)), unit: 'ms' });
      results.push({ name: 'dashboard.data_ms', value: round(median(data)), unit: 'ms' });
      results.push({ name: 'dashboard.load_cold_ms', value: round(median(cold)), unit: 'ms' });

      // Scorecards: ten subjects and five organs, over all months.
      const subjects = (await registryIds(page, 'subjects')).filter((_, i) => i % 7 === 0).slice(0, 10);
      const organs = (await registryIds(page, 'organs')).slice(0, 5);
      const timeCards = async (kind: 'subject' | 'organ', ids: string[]): Promise<number[]> => {
        const out: number[] = [];
        let n = await spanCount(page, 'desk:scorecard:load');
        for (const id of ids) {
          await page.evaluate(
            ([k, target]) => {
              location.hash = `#/dashboard/scorecards?kind=${k}&period=all&id=${encodeURIComponent(target as string)}`;
            },
            [kind, id] as const,
          );
          out.push(await nthSpan(page, 'desk:scorecard:load', ++n));
        }
        return out;
      };
      const subjectTimes = await timeCards('subject', subjects);
      const organTimes = await timeCards('organ', organs);
      results.push({ name: 'scorecard.subject_ms', value: round(median(subjectTimes)), unit: 'ms' });
      results.push({ name: 'scorecard.organ_ms', value: round(median(organTimes)), unit: 'ms' });
    } finally {
      await desk.close();
      folder.remove();
    }
    return results;
  },
};
export default suite;
