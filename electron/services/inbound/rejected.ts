/**
 * A refused message stays where it was; a copy goes to `inbox-rejected/` next to the database,
 * with the customers' personal data masked (personalData.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { maskPersonalData } from './personalData';

export const REJECTED_FOLDER = 'inbox-rejected';
/** Above this a copy is kept only when the message names no customer (masking needs the whole text). */
const MASK_UP_TO_BYTES = 64 * 1024 * 1024;

/** Returns the copy's path, or null when no copy could be (or may be) written. */
export function keepRejectedCopy(databasePath: string, file: string, now = new Date()): string | null {
  const folder = join(dirname(databasePath), REJECTED_FOLDER);
  const target = join(folder, `${now.toISOString().replace(/[:.]/g, '-')}-${basename(file)}`);
  try {
    const bytes = readFileSync(file);
    let copy: Buffer | string = bytes;
    if (bytes.length <= MASK_UP_TO_BYTES) copy = maskPersonalData(bytes.toString('utf8'));
    else if (bytes.includes('Customer') || bytes.includes('<Compressed') || bytes.includes(':Compressed')) return null;
    mkdirSync(folder, { recursive: true });
    // 'wx': a copy never replaces a file already there (issue 18).
    writeFileSync(target, copy, { flag: 'wx' });
    return target;
  } catch {
    return null;
  }
}
