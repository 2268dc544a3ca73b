/**
 * Which Chromium the end-to-end tests drive. Debian's `chromium-headless-shell` is the same
 * Chromium build without the browser window's code (the "old headless" shell Playwright itself uses
 * for headless runs): a new browser context in it costs a fraction of one in `chromium --headless`,
 * which starts the top-chrome WebUI renderer for every context. `CHROMIUM_PATH` chooses another;
 * without the shell installed, `/usr/bin/chromium`.
 */
import { existsSync } from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM;
}

/** The switches every test browser starts with (a test that adds its own passes these first). */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
