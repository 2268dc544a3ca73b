/**
 * Change topics are derived from the tables the store's statements wrote (issue 16): every table
 * of the schema has its topics, a write to a table without one is refused when it is prepared,
 * and what a skip writes reaches the route list's topic.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { openStore } from '../../../electron/services/store';
import { tablesWrittenBy, tableTopics, trackWrites } from '../../../electron/services/store/writeLog';
import type { Topic } from '../../../shared/contract/topics';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

describe('tablesWrittenBy', () => {
  it.each([
    ['INSERT INTO readings (a) VALUES (?)', ['readings']],
    ['insert or ignore into "photos" (a) values (?)', ['photos']],
    ['REPLACE INTO settings (k, v) VALUES (?, ?)', ['settings']],
    ['UPDATE OR IGNORE route_stops SET status = ? WHERE id = ?', ['route_stops']],
    ['DELETE FROM main.inbox WHERE id = ?', ['inbox']],
    ['INSERT INTO sync_state (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v', ['sync_state']],
    ['WITH x AS (SELECT 1) INSERT INTO outbox SELECT * FROM x', ['outbox']],
    ["SELECT * FROM readings WHERE note LIKE '%update%'", []],
    ['CREATE TABLE t (a)', []],
  ])('%s', (sql, tables) => {
    expect(tablesWrittenBy(sql)).toEqual(tables);
  });
});

describe('the write log', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });

  it('knows every table of the migrated schema, and no table the schema does not have', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'f.db'));
    const tables = (
      store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
    ).sort();
    store.close();
    expect(Object.keys(tableTopics).sort()).toEqual(tables);
  });

  it('refuses a statement that writes a table no topic covers', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'f.db'));
    store.db.exec('CREATE TABLE scratch (a)');
    expect(() => store.db.prepare('INSERT INTO scratch VALUES (1)')).toThrow(/no change topic covers it/);
    store.close();
  });

  it('reports a write only when it changed a row, once per turn', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'f.db'));
    const heard: (readonly Topic[])[] = [];
    store.writes.onChange((t) => heard.push(t));
    store.db.prepare('UPDATE settings SET value = value WHERE key = ?').run('no such key');
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([]);
    store.transaction(() => {
      store.settings.set('locale', 'de');
      store.settings.set('locale', 'en');
    });
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([['settings']]);
    store.close();
  });

  it('a skip announces the stops topic the route list follows', async () => {
    const dir = tempDir();
    app = startFieldmeter({ databasePath: join(dir, 'f.db'), host: 'web' });
    await signInAs(app, 'technician');
    expect((await dispatch(app.handlers, 'demo.load', {})).ok).toBe(true);
    await new Promise((r) => setImmediate(r));
    const heard: Topic[] = [];
    app.events.on('data.changed', (payload) => heard.push(...(payload as { topics: Topic[] }).topics));
    const [stop] = app.store.meters.listForRoute(app.store.routes.list()[0]!.id, '', 'all');
    const skipped = await dispatch(app.handlers, 'visits.skip', {
      usagePointId: stop!.usagePointId,
      code: 'noAccess',
      note: 'gate locked',
    });
    expect(skipped.ok).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual(expect.arrayContaining(['stops', 'outbox', 'audit']));
  });

  it('wraps only the connection it was given', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'f.db'));
    const log = trackWrites(store.db);
    store.settings.set('locale', 'de'); // a repository statement prepared before: reported by the store's own log
    expect(log.take()).toEqual([]);
    expect(store.writes.take()).toEqual(['settings']);
    store.close();
  });
});
