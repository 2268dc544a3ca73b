/** A file named on the command line that cannot be read is said as one coded error, whichever command read it. */
import { readFileSync } from 'node:fs';
// appError, not result: the CLI's command definitions load without zod (test/integration/cliBuild.test.ts).
import { AppError } from '../../shared/contract/appError';

export function fileUnreadable(file: string, error: unknown): AppError<'NOT_FOUND'> {
  const errno = (error as NodeJS.ErrnoException).code;
  return new AppError('NOT_FOUND', `Cannot read ${file}: ${errno ?? (error as Error).message}`, { reason: 'fileUnreadable', file, errno });
}

/** The file's bytes; NOT_FOUND (fileUnreadable) when it cannot be read. */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileUnreadable(file, error);
  }
}

/** The file as UTF-8 text; NOT_FOUND (fileUnreadable) when it cannot be read. */
export const readInputText = (file: string): string => readInputFile(file).toString('utf8');
