// Is there an Electron binary to run? Answers without throwing and without downloading
// (require('electron') would try to download it). Used by scripts/start.mjs and the
// Playwright Electron smoke test, which reports a skip with `reason` where there is none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/electron, or null when the package is not installed. */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The installed electron package's version, e.g. "45.4.1", or null. */
export function electronVersion() {
  const dir = electronPackageDir();
  if (dir === null) return null;
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/** { path, reason }: path of the executable, or null and a one-line reason. */
export function electronBinaryStatus() {
  const dir = electronPackageDir();
  if (dir === null) return { path: null, reason: 'the electron package is not installed' };
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: `${pathFile} is missing: the Electron binary was never downloaded` };
  }
  let relative;
  try {
    relative = readFileSync(pathFile, 'utf8').trim();
  } catch (error) {
    return { path: null, reason: `cannot read ${pathFile}: ${error.message}` };
  }
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const full = join(base, relative);
  return existsSync(full) ? { path: full, reason: null } : { path: null, reason: `${full} does not exist` };
}

/** The Electron executable, or null where it is not installed. Never throws. */
export function electronBinaryPath() {
  return electronBinaryStatus().path;
}
