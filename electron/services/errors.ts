/** Maps what Node and SQLite throw to coded errors a person can act on. */
import { AppError } from '../../shared/contract/appError';

interface CodedError {
  code?: unknown;
  message?: unknown;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof (error as CodedError)?.code === 'string' ? ((error as CodedError).code as string) : '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_')) {
    return new AppError('DB_LOCKED', 'The database is in use by another program. Close other Fieldmeter windows and try again.');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'READ_ONLY',
      'Fieldmeter cannot write to its data folder. Check that the disk is not write-protected and that this user may write there; nothing saved before was lost.',
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', 'The disk is full. Nothing new was saved; free some space and save again.');
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('DB_CORRUPT', 'The database file is damaged. Restore it from the backup next to it, or ask support.');
  }
  return new AppError('INTERNAL', 'Something went wrong inside Fieldmeter. Your saved data is safe; try again.');
}
