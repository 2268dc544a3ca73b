#!/usr/bin/env node
// Builds the `fieldmeter` command line into plain JavaScript (out/cli/), so a start compiles no
// TypeScript (issue 21). Run by `prepare` (npm install / npm ci), by `npm run build`, and by
// bin/fieldmeter.mjs when a source is newer than the build.
//
// esbuild (the compiler under tsx and Vite) bundles our own code and zod (the contract's schemas:
// one file instead of some fifty modules saves about 0.07 s of CPU per start). Every other npm
// package stays external and loads from node_modules: the native ones (better-sqlite3, serialport)
// must, and the heavy ones (pdfkit, the XML parser, csv-stringify) load only in the commands that
// import them. Code splitting turns each dynamic import() in a command's action into a chunk of
// its own, so `--help` reads only the definitions of the commands.
//
// out/cli/build.json (the stamp) names every source file that went into the build and the time
// the build started: the bin stats those few hundred files (about a millisecond) to tell whether
// the build is stale. Files are written to a temporary name and renamed, chunks (content-hashed)
// before the entries, the stamp last: a CLI starting while another rebuilds reads either the old
// build or the new one, never half of each.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBuildStale } from './cli-stale.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cliOutDir = join(root, 'out', 'cli');
export const stampFile = join(cliOutDir, 'build.json');
/** Chunks of an earlier build a CLI that is still running might load: kept this long. */
const KEEP_OLD_CHUNKS_MS = 60 * 60 * 1000;
/** Pure JavaScript packages bundled in; every other package (and its subpaths) stays external. */
const BUNDLED = new Set(['zod', 'commander']);

function externalPackages() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((name) => !BUNDLED.has(name));
  return names.flatMap((name) => [name, `${name}/*`]).concat('@serialport/*');
}

/** esbuild is not a direct dependency: it is the one tsx (a devDependency) and Vite use. */
async function loadEsbuild() {
  const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  return import(pathToFileURL(fromTsx.resolve('esbuild')).href);
}

function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Builds out/cli; resolves to { inputs, ms }. Throws (with esbuild's messages printed) when the build fails. */
export async function buildCli() {
  const startedAt = Date.now();
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      fieldmeter: 'electron/cli/main.ts',
      // The web host (scripts/web-host.mjs): `npm start` where Electron cannot run, and the tests.
      web: 'electron/host/web/main.ts',
      // exportInWorker.ts starts the worker from next to its own chunk (./exportWorker.mjs).
      exportWorker: 'electron/services/exports/exportWorker.ts',
    },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: externalPackages(),
    outdir: cliOutDir,
    // Every file in out/cli itself: the code reads ../../package.json relative to its own file,
    // which is the package root from electron/services/ and from out/cli/ alike.
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    // commander is CommonJS: its require() of Node's built-ins needs a require in an ES module.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  mkdirSync(cliOutDir, { recursive: true });
  const entries = [];
  const written = new Set([stampFile]);
  for (const file of result.outputFiles) {
    written.add(file.path);
    if (/[\\/]chunk-[^\\/]+$/.test(file.path)) writeAtomically(file.path, file.contents);
    else entries.push(file);
  }
  for (const file of entries) writeAtomically(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.split(/[\\/]/).includes('node_modules'));
  inputs.push(
    relative(root, fileURLToPath(import.meta.url))
      .split(sep)
      .join('/'),
  );
  writeAtomically(stampFile, `${JSON.stringify({ startedAt, inputs }, null, 1)}\n`);
  for (const name of readdirSync(cliOutDir)) {
    const path = join(cliOutDir, name);
    if (!written.has(path) && Date.now() - statSync(path).mtimeMs > KEEP_OLD_CHUNKS_MS) rmSync(path, { force: true });
  }
  return { inputs: inputs.length, ms: Date.now() - startedAt };
}

/** Builds out/cli when a source is newer than it (test set-ups: once, before the tests spawn the CLI in parallel). */
export async function ensureCliBuilt() {
  const reason = cliBuildStale(pathToFileURL(`${root}${sep}`));
  if (reason !== null) await buildCli();
  return reason;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let esbuildMissing = false;
  try {
    await loadEsbuild();
  } catch {
    esbuildMissing = true;
  }
  if (esbuildMissing) {
    // `prepare` also runs on an install without devDependencies: nothing to build with there.
    process.stdout.write('out/cli not built: esbuild is not installed (an install without devDependencies).\n');
  } else {
    try {
      const { inputs, ms } = await buildCli();
      process.stdout.write(`out/cli: the fieldmeter CLI built from ${inputs} source files in ${ms} ms\n`);
    } catch {
      process.exitCode = 1;
    }
  }
}
