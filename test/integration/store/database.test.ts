import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { openDatabase } from '../../../electron/services/store/database';
import { latestVersion, migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected ${code}`);
}

describe('opening the store', () => {
  const tempDir = useTempDir();

  it('creates a new database in WAL mode with foreign keys and the latest schema', () => {
    const path = join(tempDir(), 'nested', 'fieldmeter.db');
    const { db, schemaVersion, backupPath } = openDatabase(path);
    expect(schemaVersion).toBe(latestVersion);
    expect(backupPath).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it('opens an up-to-date database again without a backup', () => {
    const path = join(tempDir(), 'fieldmeter.db');
    openDatabase(path).db.close();
    const again = openDatabase(path);
    expect(again.backupPath).toBeNull();
    again.db.close();
  });

  it('refuses a database from a newer Fieldmeter and leaves the file untouched', () => {
    const path = join(tempDir(), 'future.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE something_new (x INTEGER)');
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.close();
    const before = sha(path);
    const error = expectAppError(() => openDatabase(path), 'DB_TOO_NEW');
    expect(error.message).toContain(`schema ${latestVersion + 5}`);
    expect(error.message).toContain('Update Fieldmeter');
    expect(sha(path)).toBe(before);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const path = join(tempDir(), 'corrupt.db');
    writeFileSync(path, 'this is a spreadsheet, not a database '.repeat(200));
    const before = sha(path);
    const error = expectAppError(() => openDatabase(path), 'DB_CORRUPT');
    expect(error.message).toContain('was not changed');
    expect(sha(path)).toBe(before);
  });

  it('refuses a damaged database (a page overwritten) and leaves it untouched', () => {
    const path = join(tempDir(), 'damaged.db');
    const { db } = openDatabase(path);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'v'.repeat(100));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2048); // scribble over a b-tree page
    writeFileSync(path, bytes);
    const before = sha(path);
    expectAppError(() => openDatabase(path), 'DB_CORRUPT');
    expect(sha(path)).toBe(before);
  });

  it('reports a database locked by another program as DB_LOCKED', () => {
    const path = join(tempDir(), 'locked.db');
    openDatabase(path).db.close();
    const other = new Database(path);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const error = expectAppError(() => openDatabase(path, { busyTimeoutMs: 50 }), 'DB_LOCKED');
      expect(error.message).toContain('in use by another program');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('takes a backup copy before migrating an older database', () => {
    const path = join(tempDir(), 'old.db');
    const v1 = openDatabase(path, { targetVersion: 1 });
    v1.db.prepare("INSERT INTO settings (key, value) VALUES ('locale', 'de')").run();
    v1.db.close();
    const upgraded = openDatabase(path);
    expect(upgraded.schemaVersion).toBe(latestVersion);
    expect(upgraded.backupPath).not.toBeNull();
    expect(existsSync(upgraded.backupPath!)).toBe(true);
    const backup = new Database(upgraded.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'locale'").pluck().get()).toBe('de');
    backup.close();
    upgraded.db.close();
  });

  it('refuses to run when an applied migration was edited afterwards', () => {
    const path = join(tempDir(), 'edited.db');
    openDatabase(path).db.close();
    const edited = migrations.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    const error = expectAppError(() => openDatabase(path, { migrations: edited }), 'DB_CORRUPT');
    expect(error.message).toContain('Migration 1');
  });

  it('applies pending migrations all or nothing', () => {
    const path = join(tempDir(), 'atomic.db');
    openDatabase(path, { targetVersion: 1 }).db.close();
    const broken = [
      ...migrations.slice(0, 1),
      { version: 2, name: 'ok', sql: 'CREATE TABLE t2 (x INTEGER) STRICT;' },
      { version: 3, name: 'bad', sql: 'CREATE TABLE oops (' },
    ];
    expect(() => openDatabase(path, { migrations: broken })).toThrow();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't2'").pluck().get()).toBe(0);
    raw.close();
  });
});
