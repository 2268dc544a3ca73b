/** The utility's schema folder, indexed by file name (the first found in a sorted walk wins). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/result';

export function indexSchemaFolder(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string, depth: number) => {
    if (depth > 6) return;
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.name.endsWith('.xsd') && !found.has(entry.name)) found.set(entry.name, path);
    }
  };
  try {
    walk(dir, 0);
  } catch (error) {
    throw new AppError('NOT_FOUND', `Cannot read the schema folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return found;
}

/**
 * A schema folder the app may check messages against: readable, with the 61968-100 envelope
 * schema (Message.xsd), and xmllint on this computer to run it. Returns the folder's index.
 */
export function checkSchemaFolder(dir: string, xmllintAvailable: () => boolean): Map<string, string> {
  const found = indexSchemaFolder(dir);
  if (!found.has('Message.xsd')) {
    throw new AppError('VALIDATION', `The folder ${dir} has no Message.xsd: choose the folder with the utility's IEC 61968-100 and 61968-9 schemas.`);
  }
  if (!xmllintAvailable()) throw new AppError('VALIDATION', 'Checking messages against schemas needs xmllint (libxml2) on this computer; install it, or leave the schema folder empty.');
  return found;
}
