/**
 * Opens the local SQLite store. Every check that could refuse the file (damaged, from a newer
 * Fieldmeter, locked) runs on a read-only connection first, so a refused file is left
 * byte-for-byte untouched. Migrations run in one transaction after a backup copy is taken.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { toAppError } from '../errors';
import { createLogger } from '../log';
import { registerAuditFunctions } from './auditChain';
import { latestVersion, migrations as allMigrations, type Migration } from './migrations';

const log = createLogger('store');

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron); Node's own build otherwise. */
  readonly nativeBinding?: string;
  /** Apply migrations up to this version only (tests of one migration). */
  readonly targetVersion?: number;
  readonly migrations?: readonly Migration[];
  /** How long to wait for another program's lock before giving up, in ms. */
  readonly busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  readonly db: Db;
  readonly path: string;
  readonly schemaVersion: number;
  /** The copy taken before migrating, if there was anything to migrate. */
  readonly backupPath: string | null;
}

const hash = (sql: string) => createHash('sha256').update(sql).digest('hex');

function rethrowOpenError(error: unknown, path: string): never {
  if (error instanceof AppError) throw error;
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') {
    throw new AppError('DB_CORRUPT', `Cannot open the database ${path}: ${(error as Error).message}. The file was not changed.`);
  }
  throw new AppError(appError.code, `${appError.message} (${path}). The file was not changed.`);
}

/**
 * Another program's SQLite file given as `--db` (issue 18) is refused, not filled with our tables:
 * a file with tables of its own but no Fieldmeter migrations table — ours has the hash column
 * (other frameworks use the name `schema_migrations` too). An empty file is a new database.
 */
function refuseForeignDatabase(probe: Db, path: string): void {
  const tables = probe
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  if (tables.length === 0) return;
  const ours =
    tables.includes('schema_migrations') &&
    (probe.prepare("SELECT name FROM pragma_table_info('schema_migrations')").pluck().all() as string[]).includes('sha256');
  if (ours) return;
  throw new AppError(
    'VALIDATION',
    `${path} is a database of another program (tables ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}), not Fieldmeter's. The file was not changed; give a new file name or Fieldmeter's own database.`,
    { reason: 'foreignDatabase', database: 'foreign' },
  );
}

/** Read-only look at an existing file: damaged? too new? locked? Returns its schema version. */
function inspectExisting(path: string, options: OpenOptions, latest: number): number {
  let probe: Db | undefined;
  try {
    probe = new Database(path, {
      readonly: true,
      fileMustExist: true,
      timeout: options.busyTimeoutMs ?? 3000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const version = probe.pragma('user_version', { simple: true }) as number;
    const integrity = probe.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') {
      throw new AppError(
        'DB_CORRUPT',
        `The database ${path} failed its integrity check (${integrity}). The file was not changed; restore it from a backup.`,
      );
    }
    if (version > latest) {
      throw new AppError(
        'DB_TOO_NEW',
        `The database ${path} was written by a newer Fieldmeter (schema ${version}, this version knows ${latest}). Update Fieldmeter; the file was not changed.`,
      );
    }
    refuseForeignDatabase(probe, path);
    return version;
  } catch (error) {
    return rethrowOpenError(error, path);
  } finally {
    probe?.close();
  }
}

function backupBeforeMigrating(db: Db, path: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backupPath = `${path}.v${fromVersion}-${stamp}.bak`;
  db.prepare('VACUUM INTO ?').run(backupPath);
  log.info(`backup before migrating: ${backupPath}`);
  return backupPath;
}

function checkAppliedHashes(db: Db, migrations: readonly Migration[]): void {
  const rows = db.prepare('SELECT version, sha256 FROM schema_migrations').all() as { version: number; sha256: string }[];
  for (const row of rows) {
    const migration = migrations.find((m) => m.version === row.version);
    if (migration && hash(migration.sql) !== row.sha256) {
      throw new AppError(
        'DB_CORRUPT',
        `Migration ${row.version} (${migration.name}) differs from the one applied to this database. The file was not changed.`,
      );
    }
  }
}

/**
 * A migration numbered below the database's version that was never applied to it (it landed from
 * another branch after a higher one had run here). Running only the newer ones would skip it for
 * good — its tables would never exist — so opening is refused, naming it. Its author renumbers it
 * above the highest released migration.
 */
function refuseSkippedMigrations(db: Db, migrations: readonly Migration[], current: number): void {
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const skipped = migrations.filter((m) => m.version <= current && !applied.has(m.version));
  if (skipped.length === 0) return;
  const names = skipped.map((m) => `${m.version} (${m.name})`).join(', ');
  // INTERNAL, not DB_CORRUPT: the file is sound, the build is not; restoring a backup would not help.
  throw new AppError(
    'INTERNAL',
    `Migration ${names} is numbered below this database's schema ${current} but was never applied to it; it would be skipped. This build of Fieldmeter is inconsistent: renumber the migration above ${current}. The file was not changed.`,
  );
}

export function migrate(db: Db, migrations: readonly Migration[], target: number): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  checkAppliedHashes(db, migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  refuseSkippedMigrations(db, migrations, current);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  // foreign_keys cannot change inside a transaction, so a table rebuild switches it off around
  // the whole upgrade and proves every reference intact before committing.
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        db.exec(migration.sql);
        if (migration.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw Object.assign(new Error(`migration ${migration.version} left references to missing rows`), {
            code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
          });
        }
        record.run(migration.version, migration.name, hash(migration.sql), new Date().toISOString());
        // pragma cannot take a bound parameter; the value is an integer from our own table.
        db.pragma(`user_version = ${Math.trunc(migration.version)}`);
      }
    })();
  } finally {
    if (rebuilds) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return target;
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  // The highest version, not the count: numbers from parallel branches leave gaps (e.g. 7, then 11).
  const latest = options.migrations ? Math.max(0, ...migrations.map((m) => m.version)) : latestVersion;
  const target = options.targetVersion ?? latest;
  const existed = path !== ':memory:' && existsSync(path);
  const fromVersion = existed ? inspectExisting(path, options, latest) : 0;
  if (!existed && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });

  let db: Db | undefined;
  try {
    db = new Database(path, {
      timeout: options.busyTimeoutMs ?? 3000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    db.pragma('journal_mode = WAL');
    // FULL: a reading typed in the field must survive a power cut right after Save.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Migration 14 chains the audit rows written before it with these.
    registerAuditFunctions(db);
    const backupPath = existed && fromVersion > 0 && fromVersion < target ? backupBeforeMigrating(db, path, fromVersion) : null;
    const schemaVersion = migrate(db, migrations, target);
    return { db, path, schemaVersion, backupPath };
  } catch (error) {
    db?.close();
    return rethrowOpenError(error, path);
  }
}
