// `npm run screenshots`: the README's pictures, taken from the built app in Chromium
// with demo-like data. Run after `npm run build`; writes build/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { APP_URL, type DeskInstance, launchDesk, makeUserDataDir } from './e2e/support/harness';
import { COUNTY_OFFICE } from './e2e/support/office';
import { packageShots } from './screenshots-packages';

const outDir = resolve(import.meta.dirname, '../build/screenshots');
mkdirSync(outDir, { recursive: true });

export type Shot = {
  name: string;
  locale: 'zh-CN' | 'en';
  office: boolean;
  route?: string;
  prepare?: (page: Page, desk: DeskInstance) => Promise<void>;
};

const shots: Shot[] = [
  { name: 'wizard-zh', locale: 'zh-CN', office: false },
  { name: 'wizard-en', locale: 'en', office: false },
  { name: 'main-zh', locale: 'zh-CN', office: true, route: '#/dashboard' },
  { name: 'main-en', locale: 'en', office: true, route: '#/dashboard' },
  { name: 'settings-zh', locale: 'zh-CN', office: true, route: '#/settings' },
  ...packageShots,
];

const only = process.argv.slice(2);
for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.name))) {
  const folder = makeUserDataDir('desk-shot-');
  const desk = await launchDesk({ userDataDir: folder.dir, viewport: { width: 1280, height: 800 } });
  try {
    desk.backend.settings.setLocale(shot.locale);
    if (shot.office) desk.backend.settings.setOffice(COUNTY_OFFICE);
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
