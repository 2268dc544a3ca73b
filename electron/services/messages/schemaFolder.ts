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
