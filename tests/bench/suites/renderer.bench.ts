import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_URL, launchDesk, makeUserDataDir } from '../../e2e/support/harness';
import { COUNTY_OFFICE } from '../../e2e/support/office';
import { type BenchSuite, median, round } from '../types';

const RENDERER_DIR = resolve(import.meta.dirname, '../../../dist/renderer');

/**
 * The JavaScript the shell's page loads before anything else: its entry script and
 * the module preloads beside it, gzipped (a measure of parse and transfer work).
 * Read from the built page rather than from the network: chunks that a route starts
 * fetching while the shell draws would otherwise count in some runs and not others.
 */
function initialScriptsGzipBytes(): number {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  return scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(RENDERER_DIR, path))).length, 0);
}

/**
 * Start-up cost of the shell: the initial JavaScript and the time from navigation
 * start to the shell's first frame, each from a fresh profile.
 */
const suite: BenchSuite = {
  name: 'renderer',
  async run() {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const folder = makeUserDataDir('desk-bench-');
      const desk = await launchDesk({ userDataDir: folder.dir });
      try {
        desk.backend.settings.setOffice(COUNTY_OFFICE);
        await desk.page.goto(APP_URL);
        await desk.page.waitForFunction(() => performance.getEntriesByName('desk:shell-visible').length > 0);
        times.push(
          await desk.page.evaluate(() => performance.getEntriesByName('desk:shell-visible')[0]?.startTime ?? NaN),
        );
      } finally {
        await desk.close();
        folder.remove();
      }
    }
    return [
      { name: 'renderer.initial_js_gzip_kib', value: round(initialScriptsGzipBytes() / 1024), unit: 'KiB' },
      { name: 'renderer.first_render_ms', value: round(median(times)), unit: 'ms' },
    ];
  },
};
export default suite;
