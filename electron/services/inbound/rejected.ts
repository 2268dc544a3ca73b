/** A refused message stays where it was; a copy goes to `inbox-rejected/` next to the database. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const REJECTED_FOLDER = 'inbox-rejected';

/** Returns the copy's path, or null when the copy could not be written. */
export function keepRejectedCopy(databasePath: string, file: string, now = new Date()): string | null {
  const folder = join(dirname(databasePath), REJECTED_FOLDER);
  const target = join(folder, `${now.toISOString().replace(/[:.]/g, '-')}-${basename(file)}`);
  try {
    mkdirSync(folder, { recursive: true });
    copyFileSync(file, target);
    return target;
  } catch {
    return null;
  }
}
