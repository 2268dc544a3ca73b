/**
 * Files Fieldmeter writes where a person points it (issue 18): `export --out` never replaces a file
 * without --force, and never the database, its -wal/-shm or a backup even with it; the file is
 * written beside the target and renamed, so a failed export leaves nothing under the name.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedWorkedDay } from '../../../electron/services/demo/workedDay';
import { runExport } from '../../../electron/services/exports/runExport';
import { checkTarget, writeBytesSafely } from '../../../electron/services/files/safeWrite';
import { openStore } from '../../../electron/services/store';
import { fieldmeterInProcess } from '../../support/cli';
import { addProfile, cliUser } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const supervisor = { name: 'Sam', role: 'supervisor' } as const;

describe('export targets', () => {
  const tempDir = useTempDir();

  it('fieldmeter export: an existing file needs --force; the database is never a target, even with it', async () => {
    const dir = tempDir();
    const db = join(dir, 'f.db');
    const store = openStore(db);
    seedWorkedDay(store, join(dir, 'photos'));
    await addProfile(store, 'supervisor', 'Sam');
    store.close();

    const kept = join(dir, 'report.csv');
    writeFileSync(kept, 'the only copy of something\n');
    const asSam = cliUser('Sam');
    const refused = await fieldmeterInProcess(['export', '--db', db, '--format', 'csv', '--out', kept, '--verbose'], asSam);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; nothing was written.*--force/);
    expect(readFileSync(kept, 'utf8')).toBe('the only copy of something\n');

    const forced = await fieldmeterInProcess(['export', '--db', db, '--format', 'csv', '--out', kept, '--force'], asSam);
    expect(forced.code).toBe(0);
    expect(readFileSync(kept, 'utf8')).toMatch(/^route,sequence,/);

    const overDatabase = await fieldmeterInProcess(['export', '--db', db, '--format', 'csv', '--out', db, '--force', '--verbose'], asSam);
    expect(overDatabase.code).toBe(1);
    expect(overDatabase.stderr).toMatch(/is the database or one of its files; Fieldmeter never writes over it/);
    for (const target of [`${db}-wal`, `${db}-shm`])
      expect(() => checkTarget(target, { force: true, databasePath: db }), target).toThrow(/never writes over it/);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('SELECT count(*) FROM readings').pluck().get()).toBeGreaterThan(0);
    check.close();
    // Nothing but what the test and the exports made: no temporary file left beside them.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('a backup, a link to the database and another SQLite file are refused; a cancelled export leaves nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'f.db');
    const store = openStore(db);
    seedWorkedDay(store, join(dir, 'photos'));
    try {
      const backup = `${db}.v11-2026-12-01T00-00-00-000Z.bak`;
      writeFileSync(backup, 'a backup');
      symlinkSync(db, join(dir, 'link.csv'));
      const other = join(dir, 'other.sqlite');
      new Database(other).exec('CREATE TABLE t (x)');
      for (const target of [backup, join(dir, 'link.csv'), other]) {
        await expect(runExport(store, supervisor, 'csv', {}, target, { force: true }), target).rejects.toThrow(/never writes over it/);
      }
      expect(readFileSync(backup, 'utf8')).toBe('a backup');

      const stop = new AbortController();
      stop.abort();
      const target = join(dir, 'cancelled.csv');
      await expect(runExport(store, supervisor, 'csv', {}, target, { signal: stop.signal, workerFrom: 0 })).rejects.toThrow(/cancelled/);
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    } finally {
      store.close();
    }
  }, 60_000);

  it('writes through a temporary file that a file appearing meanwhile does not lose to', () => {
    const dir = tempDir();
    const target = join(dir, 'a.xml');
    expect(writeBytesSafely(target, '<a/>')).toBe(target);
    expect(() => writeBytesSafely(target, '<b/>')).toThrow(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('<a/>');
    writeBytesSafely(target, '<b/>', { force: true });
    expect(readFileSync(target, 'utf8')).toBe('<b/>');
    expect(() => checkTarget(dir)).toThrow(/is a folder/);
    expect(readdirSync(dir)).toEqual(['a.xml']);
  });
});
