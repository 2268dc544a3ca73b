/**
 * How an export file reaches the person (issue 10): only files in exports/ next to the database,
 * named by bare file name as the export wrote them — never a path from the request — and only for
 * a supervisor, like the export itself. The web host streams it as a download; the desktop app
 * copies it to the place chosen in the save dialog.
 */
import { lstatSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { AppError } from '../../../shared/contract/result';
import { writeFileSafely } from '../files/safeWrite';
import { exportFileName, type ExportFormat } from '../../../shared/contract/supervisorEntities';
import { requireSupervisor } from '../review/roles';
import type { Actor } from '../store/repositories/journal';

export const exportsDir = (databasePath: string): string => join(dirname(databasePath), 'exports');

export const exportMediaType: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ExportFile {
  readonly path: string;
  readonly name: string;
  readonly format: ExportFormat;
  readonly size: number;
}

const notFound = () =>
  new AppError('NOT_FOUND', 'There is no such export. Run the export again, then save it.', { reason: 'exportUnknown' });

/** The export called `name` in `dir`, for a supervisor; refuses any other name, a link or a folder. */
export function findExportFile(dir: string, actor: Actor, name: unknown): ExportFile {
  requireSupervisor(actor, 'save an export');
  const parsed = exportFileName.safeParse(name);
  if (!parsed.success) throw notFound();
  const path = join(dir, parsed.data);
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) throw notFound();
    return { path, name: parsed.data, format: extname(parsed.data).slice(1) as ExportFormat, size: stat.size };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notFound();
  }
}

/** The place chosen in the save dialog: an absolute path ending in the export's own extension, outside exports/. */
export function checkSaveTarget(target: string, file: ExportFile, dir: string): string {
  const path = normalize(target);
  if (!isAbsolute(path) || path.includes('\0'))
    throw new AppError('VALIDATION', 'Choose a folder and a file name to save the export to.', { reason: 'fileNameInvalid' });
  if (extname(path).toLowerCase() !== `.${file.format}`) {
    throw new AppError(
      'VALIDATION',
      `Save the ${file.format.toUpperCase()} export with the .${file.format} ending, so other programs open it.`,
      { reason: 'fileEnding', ending: file.format },
    );
  }
  if (dirname(path) === normalize(dir))
    throw new AppError('VALIDATION', 'The export is already in this folder. Choose another folder.', { reason: 'exportSameFolder' });
  return path;
}

/**
 * Copies the export to the chosen place; the file in exports/ stays. The save dialog has asked
 * before replacing a file, so one is replaced — but never a database or its journals (issue 18),
 * and through a temporary file, so a failed copy leaves the old file as it was.
 */
export async function saveExportAs(file: ExportFile, target: string, dir: string): Promise<string> {
  const path = checkSaveTarget(target, file, dir);
  try {
    await writeFileSafely(path, { force: true }, (temporary) => copyFile(file.path, temporary));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'VALIDATION',
      `The export could not be saved to ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Choose another place.`,
      { reason: 'exportNotSaved', errno: (error as NodeJS.ErrnoException).code ?? 'error' },
    );
  }
  return path;
}
