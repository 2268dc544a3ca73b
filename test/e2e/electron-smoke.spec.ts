/**
 * The real desktop shell: the built app in a real Electron, through Playwright's _electron.
 * Where no Electron binary exists (it cannot be downloaded on some machines) the test is
 * reported as skipped with the reason, never as a pass.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import type { Bridge } from '../../shared/contract/handlers';
import { electronBinaryStatus } from '../../scripts/electron-binary.mjs';
import { buildNativeBinding } from '../../scripts/electron-native.mjs';

const root = resolve(import.meta.dirname, '..', '..');

test('the Electron app starts sandboxed and exposes only the bridge', async () => {
  const testInfo = test.info();
  const electron = electronBinaryStatus();
  test.skip(electron.path === null, `Electron binary not installed on this machine (no download possible): ${electron.reason}`);
  if (electron.path === null) return;

  let binding: string;
  try {
    binding = buildNativeBinding();
  } catch (error) {
    test.skip(true, `better-sqlite3 cannot be built for Electron here: ${(error as Error).message}`);
    return;
  }
  expect(existsSync(join(root, 'out', 'main', 'index.cjs')), 'run `npm run build` before the E2E tests').toBe(true);

  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  env.FIELDMETER_SQLITE_BINDING = binding;
  env.FIELDMETER_LOG = 'silent';

  const app = await _electron.launch({
    executablePath: electron.path,
    cwd: root,
    // `.` runs package.json "main" with the repository as app path, like `npm start`.
    // Chromium refuses its OS sandbox as root (containers); the renderer sandbox still applies.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.', '--db', testInfo.outputPath('fieldmeter.db'), '--demo'],
    env,
    timeout: 60_000,
  });
  try {
    const page = await app.firstWindow();
    await page.locator('[data-app-state="ready"]').waitFor();
    expect(page.url()).toMatch(/^app:\/\/fieldmeter\//);

    const surface = await page.evaluate(() => {
      const scope = globalThis as unknown as { fieldmeter?: Bridge; require?: unknown; process?: unknown };
      return {
        bridge: Object.keys(scope.fieldmeter ?? {}).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(surface).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });

    const info = await page.evaluate(() => (globalThis as unknown as { fieldmeter: Bridge }).fieldmeter.invoke('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });

    // The window-open guard: no second window, and file: is never handed to the OS.
    const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('file:///etc/passwd'));
    expect(opened).toBeNull();
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
