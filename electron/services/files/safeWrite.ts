/**
 * Every file Fieldmeter writes where a person points it (issue 18): an existing file is replaced
 * only when asked (`--force`), and never the database, its `-wal`/`-shm`/`-journal`, a backup, or
 * any other SQLite database, even then. The bytes go to a temporary file in the same folder first
 * and take the final name in one step (link or rename), so a crash or a full disk never leaves a
 * half-written file under that name, and a file that appears meanwhile is not replaced.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  constants,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/contract/appError';

export interface TargetOptions {
  /** Replace an existing file (CLI `--force`). */
  readonly force?: boolean | undefined;
  /** The open database: it, its companions and its backups are never a target. */
  readonly databasePath?: string | undefined;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const sameFile = (a: string, b: string): boolean => {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
};

/** Why `path` may never be written by Fieldmeter, or null. */
function protectedReason(path: string, databasePath: string | undefined): string | null {
  if (databasePath && databasePath !== ':memory:') {
    const db = resolve(databasePath);
    for (const companion of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
      if (path === companion || sameFile(path, companion)) return 'the database or one of its files';
    }
    // Backups taken before a migration: <db>.v<N>-<time>.bak (store/database.ts).
    if (dirname(path) === dirname(db) && basename(path).startsWith(`${basename(db)}.v`) && path.endsWith('.bak'))
      return 'a backup of the database';
  }
  if (/-(wal|shm|journal)$/.test(path)) return 'a database journal';
  if (isSqliteFile(path)) return 'a database';
  return null;
}

/** Checks the target before any work is done; returns it as an absolute path. */
export function checkTarget(target: string, options: TargetOptions = {}): string {
  const path = resolve(target);
  if (path.includes('\0')) throw new AppError('VALIDATION', 'The file name is not valid.', { reason: 'fileNameInvalid' });
  const reason = protectedReason(path, options.databasePath);
  if (reason)
    throw new AppError('VALIDATION', `${path} is ${reason}; Fieldmeter never writes over it. Choose another file.`, {
      reason: 'fileProtected',
      file: 'protected',
    });
  let exists = false;
  try {
    const stat = lstatSync(path);
    if (stat.isDirectory())
      throw new AppError('VALIDATION', `${path} is a folder. Name a file.`, { reason: 'fileIsFolder', file: 'folder' });
    exists = true;
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  if (exists && !options.force) {
    throw new AppError('VALIDATION', `${path} already exists; nothing was written. Choose another name, or add --force to replace it.`, {
      reason: 'fileExists',
      file: 'exists',
    });
  }
  return path;
}

/** A temporary name beside `path` (same folder, so the final step is a rename, not a copy). */
export function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Gives the finished temporary file its final name. Without force a link, which fails rather than
 * replace a file that appeared meanwhile; with force a rename over it. The checks run again here,
 * since the target may have changed since checkTarget.
 */
export function commitTemporary(temporary: string, target: string, options: TargetOptions = {}): void {
  try {
    const path = checkTarget(target, options);
    if (options.force) {
      renameSync(temporary, path);
      return;
    }
    try {
      linkSync(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new AppError(
          'VALIDATION',
          `${path} already exists; nothing was written. Choose another name, or add --force to replace it.`,
          { reason: 'fileExists', file: 'exists' },
        );
      // A file system without hard links (FAT on a USB stick): an exclusive copy instead.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      copyFileSync(temporary, path, constants.COPYFILE_EXCL);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Writes through a temporary file: `write` fills it, then it takes the target's name. */
export async function writeFileSafely<T>(target: string, options: TargetOptions, write: (temporary: string) => Promise<T> | T): Promise<T> {
  const path = checkTarget(target, options);
  const temporary = temporaryBeside(path);
  try {
    const result = await write(temporary);
    commitTemporary(temporary, path, options);
    return result;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The same for bytes already in memory. */
export function writeBytesSafely(target: string, bytes: string | Uint8Array, options: TargetOptions = {}): string {
  const path = checkTarget(target, options);
  const temporary = temporaryBeside(path);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    commitTemporary(temporary, path, options);
    return path;
  } finally {
    rmSync(temporary, { force: true });
  }
}
