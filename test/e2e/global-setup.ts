/**
 * The web host serves out/renderer. `npm test` builds first; when the tests are run on their
 * own and nothing is built yet, build the renderer once here (renderer only: fast, and it
 * does not depend on the Electron main/preload entries). Some tests run the `fieldmeter`
 * command: its build (out/cli) is brought up to date here too, once, and the web-host process the
 * workers start (hostPool.ts) is bundled.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ensureCliBuilt } from '../../scripts/build-cli.mjs';
import { buildHostPool } from './hostPool/build';

export default async function globalSetup() {
  const root = resolve(import.meta.dirname, '..', '..');
  await ensureCliBuilt();
  // Every run: the bundle of the workers' web-host process from the sources as they are now.
  await buildHostPool();
  if (existsSync(resolve(root, 'out/renderer/index.html'))) return;
  process.stdout.write('out/renderer is missing: building the renderer for the E2E tests…\n');
  await build({
    configFile: false,
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: resolve(root, 'out/renderer'), emptyOutDir: true },
  });
}
