/**
 * Bundles the E2E tests' host process (main.ts) into plain JavaScript with esbuild, as
 * scripts/build-cli.mjs builds the web host: a worker then starts it without compiling TypeScript.
 * Every npm package stays external (the native ones must); about a second, once per test run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';
import { hostPoolBundle } from '../hostPool';

const root = resolve(import.meta.dirname, '..', '..', '..');

export async function buildHostPool(): Promise<void> {
  // esbuild is the compiler under tsx (a devDependency), as in scripts/build-cli.mjs.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = (await import(pathToFileURL(fromTsx.resolve('esbuild')).href)) as typeof Esbuild;
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const packages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  await esbuild.build({
    absWorkingDir: root,
    // The export worker next to it, as out/cli has it (electron/services/exports/exportInWorker.ts).
    entryPoints: { 'host-pool': 'test/e2e/hostPool/main.ts', exportWorker: 'electron/services/exports/exportWorker.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: [...packages.flatMap((name) => [name, `${name}/*`]), '@serialport/*'],
    outdir: dirname(hostPoolBundle),
    outExtension: { '.js': '.mjs' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
}
