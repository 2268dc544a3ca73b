/**
 * Where Fieldmeter keeps its data when no `--db` / FIELDMETER_DB is given: the same
 * user-data folder Electron's app.getPath('userData') uses for an app named "Fieldmeter",
 * so the desktop app, the web host and the CLI all find one database.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Fieldmeter';
export const DB_FILE = 'fieldmeter.db';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** Training (`--demo` without `--db`) keeps its own database and photos here, never in the user's real database. */
export const TRAINING_DIR = 'training';

export function trainingDataDir(env: NodeJS.ProcessEnv = process.env, dataDir?: string): string {
  return join(dataDir ?? userDataDir(env), TRAINING_DIR);
}

/** `--db PATH` wins, then FIELDMETER_DB, then the user-data folder (its training folder for `--demo`). */
export function resolveDatabasePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  dataDir?: string,
  options: { training?: boolean } = {},
): string {
  return flag ?? env.FIELDMETER_DB ?? join(options.training ? trainingDataDir(env, dataDir) : (dataDir ?? userDataDir(env)), DB_FILE);
}
