#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron's ABI into
//   .native/electron-<version>-<platform>-<arch>/better_sqlite3.node
// and prints that path. node_modules/better-sqlite3/build is never touched, so the Node
// tests keep their own build; the app finds this one through FIELDMETER_SQLITE_BINDING.
//
//   node scripts/electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the binding for this Electron version and machine lives (built or not). */
export function nativeBindingPath(version = electronVersion(), platform = process.platform, arch = process.arch) {
  return join(root, '.native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** node-gyp as shipped inside npm (next to this node, or under `npm root -g`). */
function findNodeGyp() {
  const candidates = [
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const globalRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (globalRoot.status === 0) candidates.push(join(globalRoot.stdout.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** The child must not inherit npm's idea of Node headers (nodedir) or run Electron as Node. */
function buildEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name)) delete env[name];
  }
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** The line of a failed tool's output that says why, for a one-line reason. */
function reasonOf(result) {
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'timed out' : result.error.message;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const download = lines.map((l) => /^gyp http GET (\S+)/.exec(l)?.[1]).findLast(Boolean);
  if (download && lines.some((l) => /network connectivity|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(l))) {
    return `cannot download ${download}`;
  }
  const gypError = lines.find((l) => /^gyp ERR! /.test(l) && !/ (not ok|stack at|System|command|cwd|node -v|node-gyp -v)\b/.test(l));
  return (gypError ?? lines.at(-1) ?? `exit code ${result.status}`).slice(0, 200);
}

/** Builds (or finds) the binding; returns its path or throws an Error with a one-line reason. */
export function buildNativeBinding({ force = false } = {}) {
  const version = electronVersion();
  if (version === null) throw new Error('the electron package is not installed');
  const target = nativeBindingPath(version);
  if (!force && existsSync(target)) return target;

  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'fieldmeter-native-'));
  const pkg = join(work, 'better-sqlite3');
  try {
    cpSync(source, pkg, { recursive: true, filter: (from) => !from.startsWith(join(source, 'build')) });
    const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    const env = buildEnv();
    const common = { cwd: pkg, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 };

    const prebuild = spawnSync(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime',
        'electron',
        '--target',
        version,
        '--arch',
        process.arch,
        '--platform',
        process.platform,
      ],
      { ...common, timeout: 120_000 },
    );
    const reasons = [];
    if (prebuild.status !== 0 || !existsSync(built)) {
      reasons.push(`prebuild-install: ${reasonOf(prebuild)}`);
      const nodeGyp = findNodeGyp();
      if (nodeGyp === null) {
        reasons.push('node-gyp: not found next to npm');
      } else {
        process.stderr.write(`No prebuilt binding: compiling better-sqlite3 for Electron ${version} with node-gyp...\n`);
        const gyp = spawnSync(
          process.execPath,
          [
            nodeGyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${version}`,
            `--arch=${process.arch}`,
            '--dist-url=https://electronjs.org/headers',
          ],
          { ...common, timeout: 900_000 },
        );
        if (gyp.status !== 0) reasons.push(`node-gyp: ${reasonOf(gyp)}`);
      }
    }
    if (!existsSync(built)) throw new Error(reasons.join('; ') || 'no better_sqlite3.node was produced');
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.stdout.write(`${buildNativeBinding({ force: process.argv.includes('--force') })}\n`);
  } catch (error) {
    process.stderr.write(`Cannot build better-sqlite3 for Electron ${electronVersion() ?? '?'}: ${error.message.split('\n')[0]}\n`);
    process.exit(1);
  }
}
