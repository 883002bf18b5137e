import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One retry: on the 2-core CI machine two Chromiums share the CPU with the test
  // process, and a rare timing miss is retried once; Playwright reports such a test as
  // "flaky" in the summary, so it stays visible rather than silently passing.
  retries: 1,
  reporter: [['list']],
  // An action that cannot happen (a click on something never shown) fails after 30 s
  // with its locator named, instead of using up the whole test's time.
  use: { trace: 'off', actionTimeout: 30_000 },
});
