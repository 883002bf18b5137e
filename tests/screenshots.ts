// `npm run screenshots`: the README's pictures, taken from the built app in Chromium
// with demo-like data. Run after `npm run build`; writes build/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { seedDemoData } from './e2e/support/dossiers';
import { APP_URL, type DeskInstance, launchDesk, makeUserDataDir } from './e2e/support/harness';
import { COUNTY_OFFICE } from './e2e/support/office';
import { prepareOffice, setDay } from './e2e/support/work';
import { packageShots } from './screenshots-packages';

const outDir = resolve(import.meta.dirname, '../build/screenshots');
mkdirSync(outDir, { recursive: true });

export type Shot = {
  name: string;
  locale: 'zh-CN' | 'en';
  office: boolean;
  route?: string;
  /** Fill the registries and dossiers with the demo data first. */
  demo?: boolean;
  /** The window's inner size; the smallest the app allows is 960 × 640. */
  viewport?: { width: number; height: number };
  prepare?: (page: Page, desk: DeskInstance) => Promise<void>;
};

/** Waits for the list's rows and the registry names they show (placeholders until read). */
async function listLoaded(page: Page): Promise<void> {
  await page.getByTestId('dossier-row').first().waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.subject-line')].every((line) => !line.textContent?.includes('…')),
  );
}

/** Opens the first dossier of the list (after the demo data, one with findings and a history). */
async function openFirstDossier(page: Page): Promise<void> {
  await listLoaded(page);
  await page.getByTestId('dossier-row').first().click();
  await page.getByTestId('dossier-detail').waitFor();
}

const shots: Shot[] = [
  { name: 'wizard-zh', locale: 'zh-CN', office: false },
  { name: 'wizard-en', locale: 'en', office: false },
  { name: 'main-zh', locale: 'zh-CN', office: true, route: '#/dashboard' },
  { name: 'main-en', locale: 'en', office: true, route: '#/dashboard' },
  { name: 'settings-zh', locale: 'zh-CN', office: true, route: '#/settings' },
  { name: 'dossiers-zh', locale: 'zh-CN', office: true, demo: true, route: '#/dossiers', prepare: listLoaded },
  { name: 'dossiers-en', locale: 'en', office: true, demo: true, route: '#/dossiers', prepare: listLoaded },
  {
    name: 'dossiers-small-window-zh',
    locale: 'zh-CN',
    office: true,
    demo: true,
    route: '#/dossiers',
    prepare: listLoaded,
    viewport: { width: 960, height: 640 },
  },
  { name: 'dossier-zh', locale: 'zh-CN', office: true, demo: true, route: '#/dossiers', prepare: openFirstDossier },
  { name: 'registries-zh', locale: 'zh-CN', office: true, demo: true, route: '#/registries' },
  ...workShots(),
  ...packageShots,
];

/** Supervision work over the demo data, on a fixed day so deadlines read the same each time. */
function workShots(): Shot[] {
  const withDemo =
    (route: string, then?: (page: Page) => Promise<void>) =>
    async (page: Page): Promise<void> => {
      await setDay(page, '2026-11-27');
      await page.reload();
      await prepareOffice(page);
      await page.goto(`${APP_URL}${route}`);
      await page.reload();
      await page.waitForLoadState('networkidle');
      await then?.(page);
    };
  const rowsShown = (testId: string) => async (page: Page) => {
    await page.getByTestId(testId).first().waitFor();
  };
  const firstRow = (testId: string, shown: string) => async (page: Page) => {
    await page.getByTestId(testId).first().locator('a').first().click();
    await page.getByTestId(shown).waitFor();
  };
  return [
    { name: 'clues-zh', locale: 'zh-CN', office: true, prepare: withDemo('#/clues', rowsShown('clue-row')) },
    { name: 'clues-en', locale: 'en', office: true, prepare: withDemo('#/clues', rowsShown('clue-row')) },
    {
      name: 'clue-zh',
      locale: 'zh-CN',
      office: true,
      prepare: withDemo('#/clues', async (page) => {
        await page.getByTestId('clue-filter-overdue').click();
        await page.getByTestId('clue-row').first().dblclick();
        await page.getByTestId('clue-detail').waitFor();
      }),
    },
    { name: 'clue-form-zh', locale: 'zh-CN', office: true, prepare: withDemo('#/clues/new') },
    {
      name: 'campaigns-zh',
      locale: 'zh-CN',
      office: true,
      prepare: withDemo('#/campaigns', rowsShown('campaign-row')),
    },
    {
      name: 'campaign-zh',
      locale: 'zh-CN',
      office: true,
      prepare: withDemo('#/campaigns', firstRow('campaign-row', 'campaign-done')),
    },
    {
      name: 'enterprise-zh',
      locale: 'zh-CN',
      office: true,
      prepare: withDemo('#/enterprise', rowsShown('inspection-row')),
    },
    {
      name: 'flags-zh',
      locale: 'zh-CN',
      office: true,
      prepare: withDemo('#/enterprise?tab=flags', rowsShown('flag-row')),
    },
    { name: 'followup-zh', locale: 'zh-CN', office: true, prepare: withDemo('#/followup', rowsShown('overdue-row')) },
    { name: 'followup-en', locale: 'en', office: true, prepare: withDemo('#/followup', rowsShown('overdue-row')) },
  ];
}

const only = process.argv.slice(2);
for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.name))) {
  const folder = makeUserDataDir('desk-shot-');
  const desk = await launchDesk({ userDataDir: folder.dir, viewport: shot.viewport ?? { width: 1280, height: 800 } });
  try {
    desk.backend.settings.setLocale(shot.locale);
    if (shot.office) desk.backend.settings.setOffice(COUNTY_OFFICE);
    if (shot.demo) await seedDemoData(desk.page, '1,000');
    await desk.page.goto(`${APP_URL}${shot.route ?? ''}`);
    await desk.page.waitForLoadState('networkidle');
    await shot.prepare?.(desk.page, desk);
    await desk.page.waitForTimeout(400);
    await desk.page.screenshot({ path: join(outDir, `${shot.name}.png`) });
    console.warn(`wrote ${shot.name}.png`);
  } finally {
    await desk.close();
    folder.remove();
  }
}
