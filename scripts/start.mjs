#!/usr/bin/env node
// `npm start [-- --demo --db PATH]`: builds, then runs the desktop app where Electron can run,
// and otherwise serves the same renderer and API in the browser through the web host.
//   1. electron-vite build
//   2. no Electron binary? try its installer once (downloads where there is network)
//   3. binary present: better-sqlite3 for Electron's ABI (scripts/electron-native.mjs), then
//      `electron .` with FIELDMETER_SQLITE_BINDING; an early non-zero exit means it cannot run here
//   4. otherwise one line on stderr, then the web host (scripts/web-host.mjs, built JavaScript) with the same arguments
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryStatus, electronPackageDir } from './electron-binary.mjs';
import { buildNativeBinding } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** Electron that dies this soon with a non-zero code never got a window up (no display, missing libraries). */
const EARLY_EXIT_MS = 5_000;
const INSTALL_TIMEOUT_MS = 90_000;
/** electron/main/app.ts EXIT_DATABASE_REFUSED: the app ran and showed why; do not fall back. */
const EXIT_DATABASE_REFUSED = 3;

function build() {
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The build failed (see above); nothing was started.\n');
    process.exit(result.status ?? 1);
  }
}

function findOrInstallElectron() {
  let status = electronBinaryStatus();
  if (status.path !== null) return status;
  const dir = electronPackageDir();
  if (dir === null) return status;
  const install = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS });
  status = electronBinaryStatus();
  if (status.path !== null) return status;
  const why = install.error?.code === 'ETIMEDOUT' ? 'its download timed out' : 'it could not be downloaded';
  return { path: null, reason: `no Electron binary is installed and ${why}` };
}

/** Resolves to { started: true, code } once Electron has run past the early window, or { started: false, reason }. */
function runElectron(binary, binding) {
  return new Promise((resolveRun) => {
    const env = { ...process.env, FIELDMETER_SQLITE_BINDING: binding };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, ['.', ...args], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] });
    let early = true;
    let buffered = '';
    child.stderr.on('data', (chunk) => {
      if (early) buffered += chunk;
      else process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      early = false;
      process.stderr.write(buffered);
      buffered = '';
    }, EARLY_EXIT_MS);
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveRun({ started: false, reason: `Electron failed to start: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (early && code !== 0 && code !== EXIT_DATABASE_REFUSED && signal === null) {
        const last = buffered.trim().split('\n').filter(Boolean).at(-1)?.trim().slice(0, 160);
        resolveRun({ started: false, reason: `Electron exited with code ${code}${last ? `: ${last}` : ''}` });
        return;
      }
      process.stderr.write(buffered);
      resolveRun({ started: true, code: code ?? 1 });
    });
  });
}

function serveInBrowser(reason) {
  process.stderr.write(`Electron cannot run here (${reason}); serving Fieldmeter in your browser instead.\n`);
  const child = spawn(process.execPath, [join('scripts', 'web-host.mjs'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
}

build();
const electron = findOrInstallElectron();
if (electron.path === null) {
  serveInBrowser(electron.reason);
} else {
  let binding;
  try {
    binding = buildNativeBinding();
  } catch (error) {
    serveInBrowser(`better-sqlite3 cannot be built for Electron: ${error.message.split('\n')[0]}`);
  }
  if (binding !== undefined) {
    const run = await runElectron(electron.path, binding);
    if (run.started) process.exit(run.code);
    else serveInBrowser(run.reason);
  }
}
