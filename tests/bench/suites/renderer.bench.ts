import { gzipSync } from 'node:zlib';
import { APP_URL, launchDesk, makeUserDataDir } from '../../e2e/support/harness';
import { COUNTY_OFFICE } from '../../e2e/support/office';
import { type BenchSuite, median, round } from '../types';

/**
 * Start-up cost of the shell: the JavaScript fetched before the shell is visible
 * (gzipped, as a measure of parse and transfer work) and the time from navigation
 * start to the shell's first frame, each from a fresh profile.
 */
const suite: BenchSuite = {
  name: 'renderer',
  async run() {
    const times: number[] = [];
    let jsGzipBytes = 0;
    for (let run = 0; run < 5; run++) {
      const folder = makeUserDataDir('desk-bench-');
      const desk = await launchDesk({ userDataDir: folder.dir });
      try {
        desk.backend.settings.setOffice(COUNTY_OFFICE);
        const scripts: Promise<number>[] = [];
        let shellVisible = false;
        desk.page.on('response', (response) => {
          if (!shellVisible && response.request().resourceType() === 'script') {
            scripts.push(response.body().then((body) => gzipSync(body).length));
          }
        });
        await desk.page.goto(APP_URL);
        await desk.page.waitForFunction(() => performance.getEntriesByName('desk:shell-visible').length > 0);
        shellVisible = true;
        times.push(
          await desk.page.evaluate(() => performance.getEntriesByName('desk:shell-visible')[0]?.startTime ?? NaN),
        );
        jsGzipBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      } finally {
        await desk.close();
        folder.remove();
      }
    }
    return [
      { name: 'renderer.initial_js_gzip_kib', value: round(jsGzipBytes / 1024), unit: 'KiB' },
      { name: 'renderer.first_render_ms', value: round(median(times)), unit: 'ms' },
    ];
  },
};
export default suite;
