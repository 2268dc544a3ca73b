/**
 * Per test: a fresh data dir with a fresh database, a web host of its own on a random port with its
 * own token (served by the worker's host process, hostPool.ts: one process start per worker, not per
 * test), the page opened at its tokenised URL and waited on until the app says it is ready. Nothing
 * waits on timers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHostPool, type HostPool } from './hostPool';
import { startHost, type RunningHost } from './webHost';

export interface HostHandle {
  current: RunningHost;
  readonly dataDir: string;
  readonly databasePath: string;
  /** Stops the host and starts a new one on the same database (new port, new token, no session). */
  restart(): Promise<RunningHost>;
}

interface Fixtures {
  /** Start the host with the demo route already loaded (skips the welcome screen). */
  demo: boolean;
  /** The training profile the `app` fixture signs in as (a new database: its first profile, Sam Supervisor). */
  signInAs: string;
  host: HostHandle;
  app: Page;
}

/** The training profiles `--demo` creates (electron/services/actor.ts), and the PIN the first profile of a new database gets here. */
export const trainingPins: Readonly<Record<string, string>> = {
  'Tina Technician': '111111',
  'Ines Installer': '222222',
  'Sam Supervisor': '333333',
};

/** Signs in on the screen the app shows: the first profile of a new database (a supervisor), or a training profile. */
export async function signInOnScreen(page: Page, name = 'Tina Technician'): Promise<void> {
  const state = page.locator('#root > [data-app-state]');
  await expect(state).toHaveAttribute('data-app-state', /^(ready|sign-in)$/);
  if ((await state.getAttribute('data-app-state')) === 'ready') return;
  const first = page.getByTestId('first-profile-form');
  await expect(first.or(page.getByTestId('sign-in-form'))).toBeVisible();
  if (await first.isVisible()) {
    await first.getByTestId('first-profile-name').fill('Sam Supervisor');
    await first.getByTestId('first-profile-secret').fill(trainingPins['Sam Supervisor']!);
    await first.getByTestId('first-profile-repeat').fill(trainingPins['Sam Supervisor']!);
    await first.getByTestId('first-profile-submit').click();
  } else {
    const form = page.getByTestId('sign-in-form');
    const options = form.getByTestId('sign-in-profile').locator('option');
    await expect(options.first()).toBeAttached();
    // A database set up on screen has one profile, its first (Sam Supervisor): a restarted host signs in as it.
    const names = await options.evaluateAll((all) => all.map((o) => (o as unknown as { value: string }).value));
    const who = names.includes(name) ? name : 'Sam Supervisor';
    await form.getByTestId('sign-in-profile').selectOption(who);
    await form.getByTestId('sign-in-secret').fill(trainingPins[who] ?? '');
    await form.getByTestId('sign-in-secret').press('Enter');
  }
  await expect(state).toHaveAttribute('data-app-state', 'ready');
}

/** Signs a training profile in on the host with a request of its own (no page needed). */
async function signInByRequest(host: RunningHost, name: string): Promise<void> {
  const response = await fetch(`${host.origin}/api/call/session.signIn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ name, secret: trainingPins[name] }),
  });
  const answer = (await response.json()) as { ok: boolean };
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
}

export async function openApp(page: Page, host: RunningHost, as?: string): Promise<Page> {
  await page.goto(host.openUrl);
  await signInOnScreen(page, as);
  return page;
}

/** The same interface, a process per host (webHost.ts). */
const processPerHost: HostPool = {
  start: (databasePath, { demo, fromTemplate }) => startHost(databasePath, { demo: demo && fromTemplate }),
  close: async () => undefined,
};

export const test = base.extend<Fixtures, { hostPool: HostPool }>({
  hostPool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter
    async ({}, use) => {
      // FIELDMETER_E2E_HOST=process: each host a process of its own, as `npm start` runs it (slower; to compare or to rule the pool out).
      const pool = process.env.FIELDMETER_E2E_HOST === 'process' ? processPerHost : startHostPool();
      try {
        await use(pool);
      } finally {
        await pool.close();
      }
    },
    { scope: 'worker' },
  ],

  demo: [false, { option: true }],
  signInAs: ['Tina Technician', { option: true }],

  host: async ({ demo, hostPool }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fieldmeter-e2e-'));
    const databasePath = join(dataDir, 'fieldmeter.db');
    const handle: HostHandle = {
      current: await hostPool.start(databasePath, { demo, fromTemplate: true }),
      dataDir,
      databasePath,
      async restart() {
        await handle.current.stop();
        handle.current = await hostPool.start(databasePath, { demo: false, fromTemplate: false });
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

  app: async ({ page, host, signInAs, demo }, use) => {
    // With the training profiles in, sign in through the API before the page opens (the session is
    // the host's: the page starts signed in, as after a reload). The screen's own sign-in keeps its
    // tests: first-run (a new database's first profile), switchProfile (pages.ts), tablet.
    if (demo && trainingPins[signInAs]) await signInByRequest(host.current, signInAs);
    await use(await openApp(page, host.current, signInAs));
  },
});

export { expect };
