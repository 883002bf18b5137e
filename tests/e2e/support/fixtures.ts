import { test as base, expect, type Page } from '@playwright/test';
import type { OfficeIdentity } from '../../../shared/domain/office';
import { APP_URL, type DeskInstance, launchDesk, makeUserDataDir } from './harness';
import { COUNTY_OFFICE } from './office';

interface DeskFixtures {
  /** A fresh userData folder, removed after the test. */
  userDataDir: string;
  /** The app started over userDataDir; `restart()` closes it and starts it again. */
  desk: DeskInstance & { restart(): Promise<DeskInstance> };
}

export const test = base.extend<DeskFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  userDataDir: async ({}, use) => {
    const folder = makeUserDataDir();
    await use(folder.dir);
    folder.remove();
  },
  desk: async ({ userDataDir }, use, testInfo) => {
    let current = await launchDesk({ userDataDir });
    const wrapper = Object.assign(Object.create(null) as object, {
      get context() {
        return current.context;
      },
      get page() {
        return current.page;
      },
      get backend() {
        return current.backend;
      },
      get ports() {
        return current.ports;
      },
      userDataDir,
      emit: (event: Parameters<DeskInstance['emit']>[0], payload: unknown) => current.emit(event, payload),
      close: () => current.close(),
      restart: async () => {
        await current.close();
        current = await launchDesk({ userDataDir });
        return current;
      },
    }) as DeskInstance & { restart(): Promise<DeskInstance> };
    await use(wrapper);
    if (testInfo.status !== testInfo.expectedStatus) {
      await current.page
        .screenshot({ path: testInfo.outputPath('failure.png'), fullPage: true })
        .catch(() => undefined);
    }
    await current.close();
  },
});

export { COUNTY_OFFICE, expect };

export async function openApp(page: Page): Promise<void> {
  await page.goto(APP_URL);
}

/** Skips the wizard by saving an office identity straight through the backend. */
export async function seedOffice(desk: DeskInstance, office: OfficeIdentity = COUNTY_OFFICE): Promise<void> {
  desk.backend.settings.setOffice(office);
}
