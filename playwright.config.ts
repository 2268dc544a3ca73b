/**
 * End-to-end tests: the real renderer in Debian Chromium, against the real web host and a
 * real SQLite file. Each test gets its own host on its own port with its own data dir and database
 * (served by its worker's host process: test/e2e/hostPool.ts).
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './test/support/chromium';
import { scaled } from './test/support/timeouts';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  globalSetup: './test/e2e/global-setup.ts',
  // Scaled on a busy machine (test/support/timeouts.ts): a timeout catches a hang, not a slow run.
  timeout: scaled(60_000),
  expect: { timeout: scaled(10_000) },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromiumPath(),
          args: [...chromiumArgs],
        },
      },
    },
  ],
});
