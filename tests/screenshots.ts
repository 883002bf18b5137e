// `npm run screenshots`: the README's pictures, taken from the built app in Chromium
// with demo-like data. Run after `npm run build`; writes build/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { seedDemoData } from './e2e/support/dossiers';
import { APP_URL, type DeskInstance, launchDesk, makeUserDataDir } from './e2e/support/harness';
import { COUNTY_OFFICE } from './e2e/support/office';
import { pick } from './e2e/support/select';
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
  { name: 'dashboard-zh', locale: 'zh-CN', office: true, demo: true, route: '#/dashboard', prepare: dashboardLoaded },
  { name: 'dashboard-en', locale: 'en', office: true, demo: true, route: '#/dashboard', prepare: dashboardLoaded },
  { name: 'scorecard-zh', locale: 'zh-CN', office: true, demo: true, prepare: scorecard },
  { name: 'review-zh', locale: 'zh-CN', office: true, demo: true, prepare: (page) => review(page, false) },
  { name: 'review-score-zh', locale: 'zh-CN', office: true, demo: true, prepare: (page) => review(page, true) },
  { name: 'review-rubric-zh', locale: 'zh-CN', office: true, prepare: (page) => rubric(page) },
  { name: 'review-rubric-en', locale: 'en', office: true, prepare: (page) => rubric(page, 'Rubrics') },
  { name: 'review-rubric-add-zh', locale: 'zh-CN', office: true, prepare: rubricAddItem },
  { name: 'review-rubric-edit-zh', locale: 'zh-CN', office: true, demo: true, prepare: rubricInUse },
  { name: 'review-sessions-zh', locale: 'zh-CN', office: true, demo: true, prepare: (page) => sessions(page, false) },
  { name: 'review-delete-zh', locale: 'zh-CN', office: true, demo: true, prepare: (page) => sessions(page, true) },
];

async function dashboardLoaded(page: Page): Promise<void> {
  await page.getByTestId('dashboard').waitFor();
  await page.waitForTimeout(800);
}

async function scorecard(page: Page): Promise<void> {
  await page.goto(`${APP_URL}#/dashboard/scorecards?kind=organ&period=all`);
  const target = page.getByTestId('scorecard-target');
  await target.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
  await page.getByTestId('scorecard-name').waitFor();
  await page.waitForTimeout(800);
}

async function review(page: Page, sheet: boolean): Promise<void> {
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByTestId('new-session').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('session-name').fill('2026年度行政处罚案卷评查');
  await pick(page, dialog.getByTestId('session-reviewers'), 2);
  await dialog.getByTestId('session-create').click();
  const files: [string, string, (p: Page) => Promise<void>][] = [
    ['青市监罚〔2026〕15号', '某超市销售过期食品案', async (p) => p.getByTestId('veto-single_officer').click()],
    [
      '青市监罚〔2026〕16号',
      '某餐馆未取得许可经营案',
      async (p) => {
        await p.getByTestId('deduct-pagination-no_page_numbers').click();
        await p.getByTestId('custom-procedure').fill('8');
      },
    ],
    [
      '青市监罚〔2026〕21号',
      '某加油站计量器具作弊案',
      async (p) => p.getByTestId('deduct-templates-blank_fields').click(),
    ],
  ];
  for (const [i, [number, name, mark]] of files.entries()) {
    await page.getByTestId('add-case-file').click();
    const d = page.getByRole('dialog');
    await pick(page, d.getByTestId('case-file-subject'), 1);
    await d.getByTestId('case-file-number').fill(number);
    await d.getByTestId('case-file-name').fill(name);
    await d.getByTestId('case-file-save').click();
    await d.waitFor({ state: 'hidden' });
    await page.getByTestId('score-file').nth(i).click();
    await mark(page);
    if (sheet && i === 1) {
      await page.getByTestId('note-procedure').fill('未告知当事人陈述、申辩权利');
      await page.waitForTimeout(400);
      return;
    }
    await page.getByTestId('score-save').click();
    await page.getByTestId('review-session').waitFor();
  }
  await page.waitForTimeout(600);
}

async function rubric(page: Page, tab = '评查标准'): Promise<void> {
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('rubric-editor').waitFor();
}

/** The add-item dialog filled in, over the form section it adds to. */
async function rubricAddItem(page: Page): Promise<void> {
  await rubric(page);
  await page.getByTestId('rubric-add-item-form').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('item-label-zh').fill('案卷封面填写规范');
  await dialog.getByTestId('item-points').fill('2');
  await dialog.getByTestId('item-add-deduction').click();
  await dialog.getByTestId('item-deduction-label-0').fill('封面栏目填写不全');
  await dialog.getByTestId('item-deduction-points-0').fill('1');
  await page.waitForTimeout(300);
}

/**
 * Closes the start-up reminder of overdue work (demo data has some) before the shot's
 * steps begin: it would cover the list, and it slides in while the dialogs are being filled.
 */
async function dismissReminder(page: Page): Promise<void> {
  await page.locator('.ant-notification-notice-close').click();
  await page.locator('.ant-notification-notice').waitFor({ state: 'detached' });
}

/** After a session was scored: items marked in use, and an item just added that unbalances form. */
async function rubricInUse(page: Page): Promise<void> {
  await dismissReminder(page);
  await review(page, false);
  await rubricAddItem(page);
  await page.getByTestId('item-deduction-points-0').press('Enter');
  await page.getByTestId('section-problem-form').scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
}

/** The session list after a session was scored and a second one started; optionally deleting the second. */
async function sessions(page: Page, confirmDelete: boolean): Promise<void> {
  await dismissReminder(page);
  await review(page, false);
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByTestId('new-session').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('session-name').fill('误建的评查活动');
  await pick(page, dialog.getByTestId('session-reviewers'), 2);
  await dialog.getByTestId('session-create').click();
  await page.getByTestId('session-title').waitFor();
  await page.goto(`${APP_URL}#/reviews`);
  await page.getByTestId('review-session-row').nth(1).waitFor();
  if (confirmDelete) {
    await page.getByTestId('review-session-row').nth(1).getByTestId('delete-session').click();
    await page.getByTestId('delete-session-confirm').waitFor();
  }
  await page.waitForTimeout(400);
}

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
