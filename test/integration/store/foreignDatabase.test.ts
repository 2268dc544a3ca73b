/**
 * `--db` pointed at another program's SQLite file (issue 18): refused with nothing changed — the
 * file byte for byte as it was, no -wal or -shm left beside it — instead of gaining our tables.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { fieldmeter } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';

describe("a database that is not Fieldmeter's", () => {
  const tempDir = useTempDir();

  function foreign(dir: string, name: string, sql: string, userVersion = 0): string {
    const path = join(dir, name);
    const db = new Database(path);
    db.exec(sql);
    db.pragma(`user_version = ${userVersion}`);
    db.close();
    return path;
  }

  it('is refused, byte-identical afterwards, whether it has no version, its own version or a schema_migrations of its own', () => {
    const dir = tempDir();
    const files = [
      foreign(dir, 'notes.db', "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')"),
      foreign(dir, 'app.db', 'CREATE TABLE accounts (id INTEGER PRIMARY KEY)', 7),
      foreign(dir, 'rails.db', "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY); INSERT INTO schema_migrations VALUES ('2024')"),
    ];
    for (const path of files) {
      const before = readFileSync(path);
      expect(() => openStore(path), path).toThrow(/database of another program .*not Fieldmeter's\. The file was not changed/);
      expect(readFileSync(path).equals(before), path).toBe(true);
      expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`), path).toBe(false);
    }
  });

  it("an empty file and Fieldmeter's own database still open", () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    openStore(empty).close();
    openStore(empty).close();
  });

  it('fieldmeter db migrate --db on it exits 1 and leaves it as it was', async () => {
    const dir = tempDir();
    const path = foreign(
      dir,
      'notes.db',
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')",
    );
    const before = readFileSync(path);
    const r = await fieldmeter(['db', 'migrate', '--db', path, '--verbose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/another program \(tables notes\)/);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
});
