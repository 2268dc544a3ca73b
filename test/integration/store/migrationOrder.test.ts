/**
 * Migrations land from parallel branches: one numbered below a version a database already has was
 * never applied to it, and running only the newer ones would skip it for good (issue 16 §5).
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { openDatabase } from '../../../electron/services/store/database';
import type { Migration } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

const m = (version: number, table: string): Migration => ({ version, name: table, sql: `CREATE TABLE ${table} (x INTEGER) STRICT;` });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('migrations out of order', () => {
  const tempDir = useTempDir();

  it('refuses, naming it, a migration numbered below the applied ones that never ran; the file is not migrated', () => {
    const path = join(tempDir(), 'order.db');
    openDatabase(path, { migrations: [m(1, 'one'), m(3, 'three')] }).db.close();
    const before = sha(path);

    let error: unknown;
    try {
      openDatabase(path, { migrations: [m(1, 'one'), m(2, 'two'), m(3, 'three')] }).db.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/Migration 2 \(two\) is numbered below this database's schema 3 but was never applied/);

    const raw = new Database(path, { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'two'").pluck().get()).toBe(0);
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
    expect(sha(path)).toBe(before);
  });

  it('still opens a database whose applied migrations are all there, gaps in the numbering included', () => {
    const path = join(tempDir(), 'gaps.db');
    openDatabase(path, { migrations: [m(1, 'one'), m(3, 'three')] }).db.close();
    const reopened = openDatabase(path, { migrations: [m(1, 'one'), m(3, 'three'), m(5, 'five')] });
    expect(reopened.schemaVersion).toBe(5);
    expect(reopened.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'five'").pluck().get()).toBe(1);
    reopened.db.close();
  });
});
