/**
 * The utility's schema folder, indexed by file name (the first found in a sorted walk wins).
 * The walk is bounded (depth and entries): a supervisor who picks a home folder or a drive by
 * mistake gets a clear refusal instead of a host busy for minutes (issue 18). Choosing the folder
 * walks it asynchronously, so the app keeps answering; a sync run re-checks it with the same
 * bounds synchronously (a folder that passed once is small).
 */
import { readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/result';

/** Folders deeper than this are not entered; more entries than this refuse the folder. */
const MAX_DEPTH = 6;
export const MAX_SCHEMA_FOLDER_ENTRIES = 5_000;

/** The walk's bookkeeping, shared by the sync and async walks: the index, the bounds, the coded errors. */
function walker(dir: string) {
  const found = new Map<string, string>();
  let entries = 0;
  const visit = (folder: string, depth: number, children: Dirent[]): Array<[string, number]> => {
    entries += children.length;
    if (entries > MAX_SCHEMA_FOLDER_ENTRIES) {
      throw new AppError(
        'VALIDATION',
        `The folder ${dir} holds more than ${MAX_SCHEMA_FOLDER_ENTRIES} files: choose the folder with the schemas itself.`,
        {
          reason: 'schemaFolderTooLarge',
          limit: MAX_SCHEMA_FOLDER_ENTRIES,
        },
      );
    }
    const next: Array<[string, number]> = [];
    for (const entry of children.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) next.push([path, depth + 1]);
      } else if (entry.name.endsWith('.xsd') && !found.has(entry.name)) found.set(entry.name, path);
    }
    return next;
  };
  const unreadable = (error: unknown) =>
    error instanceof AppError
      ? error
      : new AppError('NOT_FOUND', `Cannot read the schema folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
          reason: 'schemaFolderUnreadable',
        });
  return { found, visit, unreadable };
}

export function indexSchemaFolder(dir: string): Map<string, string> {
  const w = walker(dir);
  const walk = (folder: string, depth: number): void => {
    for (const [path, d] of w.visit(folder, depth, readdirSync(folder, { withFileTypes: true }))) walk(path, d);
  };
  try {
    walk(dir, 0);
  } catch (error) {
    throw w.unreadable(error);
  }
  return w.found;
}

/** The same index, read with the event loop free between folders. */
export async function indexSchemaFolderAsync(dir: string): Promise<Map<string, string>> {
  const w = walker(dir);
  const walk = async (folder: string, depth: number): Promise<void> => {
    for (const [path, d] of w.visit(folder, depth, await readdir(folder, { withFileTypes: true }))) await walk(path, d);
  };
  try {
    await walk(dir, 0);
  } catch (error) {
    throw w.unreadable(error);
  }
  return w.found;
}

/**
 * A schema folder the app may check messages against: readable, with the 61968-100 envelope
 * schema (Message.xsd), and xmllint on this computer to run it. Returns the folder's index.
 */
export function checkSchemaFolder(dir: string, xmllintAvailable: () => boolean): Map<string, string> {
  return usableSchemaFolder(dir, indexSchemaFolder(dir), xmllintAvailable);
}

export async function checkSchemaFolderAsync(dir: string, xmllintAvailable: () => boolean): Promise<Map<string, string>> {
  return usableSchemaFolder(dir, await indexSchemaFolderAsync(dir), xmllintAvailable);
}

function usableSchemaFolder(dir: string, found: Map<string, string>, xmllintAvailable: () => boolean): Map<string, string> {
  if (!found.has('Message.xsd')) {
    throw new AppError(
      'VALIDATION',
      `The folder ${dir} has no Message.xsd: choose the folder with the utility's IEC 61968-100 and 61968-9 schemas.`,
      { reason: 'schemaFolderNoEnvelope' },
    );
  }
  if (!xmllintAvailable())
    throw new AppError(
      'VALIDATION',
      'Checking messages against schemas needs xmllint (libxml2) on this computer; install it, or leave the schema folder empty.',
      { reason: 'noXmllint' },
    );
  return found;
}
