/**
 * Per test: a fresh data dir, a web host of our own on a random port, the page opened at its
 * tokenised URL and waited on until the app says it is ready. Nothing waits on timers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './webHost';

export interface HostHandle {
  current: RunningHost;
  readonly dataDir: string;
  readonly databasePath: string;
  /** Stops the host and starts a new process on the same database (new port, new token). */
  restart(): Promise<RunningHost>;
}

interface Fixtures {
  /** Start the host with the demo route already loaded (skips the welcome screen). */
  demo: boolean;
  host: HostHandle;
  app: Page;
}

export async function openApp(page: Page, host: RunningHost): Promise<Page> {
  await page.goto(host.openUrl);
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'ready');
  return page;
}

export const test = base.extend<Fixtures>({
  demo: [false, { option: true }],

  host: async ({ demo }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fieldmeter-e2e-'));
    const databasePath = join(dataDir, 'fieldmeter.db');
    const handle: HostHandle = {
      current: await startHost(databasePath, { demo }),
      dataDir,
      databasePath,
      async restart() {
        await handle.current.stop();
        handle.current = await startHost(databasePath);
        return handle.current;
      },
    };
    try {
      await use(handle);
    } finally {
      await handle.current.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web-host-output', { body: handle.current.output() });
      await rm(dataDir, { recursive: true, force: true });
    }
  },

  app: async ({ page, host }, use) => {
    await use(await openApp(page, host.current));
  },
});

export { expect };
