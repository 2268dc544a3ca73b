/**
 * Issue 11, faults the store must survive, across real processes:
 * - the database locked by another process (the in-process case is in store/database.test.ts);
 * - a read-only data folder (the app says so and loses nothing);
 * - the clock jumping backwards between two visits (documents today's behaviour; see
 *   docs/RELIABILITY.md, finding F2).
 * A full disk is covered by services/diskFull.test.ts (max_page_count).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { csv, KWH, row } from '../../support/routeCsv';
import { repoRoot } from '../../support/reliability/webHostProcess';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hostMain = join(repoRoot, 'electron', 'host', 'web', 'main.ts');

/** A database with one route and one saved visit, closed cleanly (no -wal left behind). */
function seeded(dir: string): string {
  const path = join(dir, 'fm.db');
  const store = openStore(path);
  importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ type: KWH, average: '10' })), acceptValidRows: false });
  const reg = store.meters.get('UP-1')!.registers[0]!;
  saveManualReadings(store, actor, { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1500' }] }, { settings: defaultValidationSettings, photoDir: join(dir, 'photos') });
  store.close();
  return path;
}

describe('faults', () => {
  const tempDir = useTempDir();

  it('refuses a database another process holds locked, from the CLI and the web host, and leaves it untouched', async () => {
    const dir = tempDir();
    const path = seeded(dir);
    const script = `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.pragma('locking_mode = EXCLUSIVE');d.exec('BEGIN EXCLUSIVE');console.log('locked');process.stdin.on('data',()=>{d.exec('ROLLBACK');d.close();process.exit(0)});`;
    const holder = spawn(process.execPath, ['-e', script, path], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    try {
      await new Promise<void>((resolve) => createInterface({ input: holder.stdout }).once('line', () => resolve()));
      const before = sha(path);
      const cli = await fieldmeter(['readings', 'list', '--db', path]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain('in use by another program');
      const host = spawnSync(process.execPath, ['--import', 'tsx', hostMain, '--db', path, '--renderer', join(repoRoot, 'out', 'renderer')], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
      expect(host.status).toBe(1);
      expect(host.stderr).toMatch(/could not start: .*in use by another program/);
      expect(sha(path)).toBe(before);
    } finally {
      holder.stdin.end('release\n');
      await exited;
    }
    // Once the other program lets go, everything is still there.
    expect(JSON.parse((await fieldmeter(['readings', 'history', '--db', path, '--json'])).stdout)).toHaveLength(1);
  }, 60_000);

  it('says clearly that a read-only data folder cannot be used, and loses nothing', async () => {
    const dir = tempDir();
    const path = seeded(dir);
    const before = sha(path);
    // As root, permission bits do not stop writes: run the app as "nobody" on a root-owned folder.
    const asRoot = process.getuid?.() === 0;
    chmodSync(dir, asRoot ? 0o755 : 0o555);
    if (!asRoot) chmodSync(path, 0o444);
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    try {
      const cli = spawnSync(process.execPath, [fieldmeterBin, 'readings', 'list', '--db', path], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000, ...user });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/Cannot open the database .*fm\.db: attempt to write a readonly database\. The file was not changed\./);
      const host = spawnSync(process.execPath, ['--import', 'tsx', hostMain, '--db', path, '--renderer', join(repoRoot, 'out', 'renderer')], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000, ...user });
      expect(host.status).toBe(1);
      expect(host.stderr).toMatch(/could not start: .*readonly database/);
      expect(sha(path)).toBe(before);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(path, 0o644);
    }
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM readings').pluck().get()).toBe(1);
    db.close();
  }, 60_000);

  it('clock jumping backwards: the later visit is stored with the earlier time, unflagged (finding F2)', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fm.db'));
    try {
      importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ type: KWH, average: '10' })), acceptValidRows: false });
      const reg = store.meters.get('UP-1')!.registers[0]!;
      const at = (iso: string) => ({ settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date(iso) });
      const first = saveManualReadings(store, actor, { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1500' }] }, at('2026-11-23T10:00:00Z'));
      // The device clock is set back three days; the technician reads a higher value afterwards.
      const second = saveManualReadings(store, actor, { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1510' }] }, at('2026-11-20T10:00:00Z'));
      expect(second.readings[0]!.warnings).toEqual([]); // no warning that time went backwards
      expect(second.readAt < first.readAt).toBe(true);
      // The register's last read moves back in time with it.
      expect(store.meters.get('UP-1')!.registers[0]).toMatchObject({ lastValue: '1510', lastReadAt: '2026-11-20T10:00:00.000Z' });
      // History is ordered by read time, so it now shows the meter running backwards (1510 then 1500)…
      const history = store.db.prepare('SELECT r.value FROM readings r JOIN reading_sets rs ON rs.id = r.reading_set_id ORDER BY rs.read_at DESC').pluck().all();
      expect(history).toEqual(['1500', '1510']);
      // …and the enterprise receives the same contradiction.
      const sent = store.db.prepare("SELECT json_extract(payload, '$.readings[0].timeStamp') || ' ' || json_extract(payload, '$.readings[0].value') FROM outbox ORDER BY id").pluck().all();
      expect(sent).toEqual(['2026-11-23T10:00:00.000Z 1500', '2026-11-20T10:00:00.000Z 1510']);
      // A value below the last one at a still earlier time is caught, but only by the value check.
      expect(() =>
        saveManualReadings(store, actor, { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1400' }] }, at('2026-11-19T10:00:00Z')),
      ).toThrow(/lower than the last reading 1510/);
    } finally {
      store.close();
    }
  });
});
