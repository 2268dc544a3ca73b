/**
 * Issue 11, faults the store must survive, across real processes:
 * - the database locked by another process (the in-process case is in store/database.test.ts);
 * - a read-only data folder (the app says so and loses nothing);
 * - the clock jumping backwards between two visits (asks for confirmation; docs/RELIABILITY.md, finding F2).
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
import { scaled } from '../../support/timeouts';

const actor = { name: 'tester', role: 'technician' } as const;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hostMain = join(repoRoot, 'electron', 'host', 'web', 'main.ts');

/** A database with one route and one saved visit, closed cleanly (no -wal left behind). */
function seeded(dir: string): string {
  const path = join(dir, 'fm.db');
  const store = openStore(path);
  importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ type: KWH, average: '10' })), acceptValidRows: false });
  const reg = store.meters.get('UP-1')!.registers[0]!;
  saveManualReadings(
    store,
    actor,
    { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1500' }] },
    { settings: defaultValidationSettings, photoDir: join(dir, 'photos') },
  );
  store.close();
  return path;
}

describe('faults', () => {
  const tempDir = useTempDir();

  it(
    'refuses a database another process holds locked, from the CLI and the web host, and leaves it untouched',
    async () => {
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
        const host = spawnSync(
          process.execPath,
          ['--import', 'tsx', hostMain, '--db', path, '--renderer', join(repoRoot, 'out', 'renderer')],
          { cwd: repoRoot, encoding: 'utf8', timeout: scaled(30_000) },
        );
        expect(host.status).toBe(1);
        expect(host.stderr).toMatch(/could not start: .*in use by another program/);
        expect(sha(path)).toBe(before);
      } finally {
        holder.stdin.end('release\n');
        await exited;
      }
      // Once the other program lets go, everything is still there.
      expect(JSON.parse((await fieldmeter(['readings', 'history', '--db', path, '--json'])).stdout)).toHaveLength(1);
    },
    scaled(60_000),
  );

  it(
    'says clearly that a read-only data folder cannot be used, and loses nothing',
    async () => {
      const dir = tempDir();
      const path = seeded(dir);
      const before = sha(path);
      // As root, permission bits do not stop writes: run the app as "nobody" on a root-owned folder.
      const asRoot = process.getuid?.() === 0;
      chmodSync(dir, asRoot ? 0o755 : 0o555);
      if (!asRoot) chmodSync(path, 0o444);
      const user = asRoot ? { uid: 65534, gid: 65534 } : {};
      try {
        // --verbose: which file and what to check are the developer message (the words say the folder cannot be written).
        const cli = spawnSync(process.execPath, [fieldmeterBin, 'readings', 'list', '--db', path, '--verbose'], {
          cwd: repoRoot,
          encoding: 'utf8',
          timeout: scaled(30_000),
          ...user,
        });
        expect(cli.status).toBe(1);
        expect(cli.stderr).toMatch(
          /cannot write to its data folder\. Check that the disk is not write-protected .*fm\.db\)\. The file was not changed\./,
        );
        const host = spawnSync(
          process.execPath,
          ['--import', 'tsx', hostMain, '--db', path, '--renderer', join(repoRoot, 'out', 'renderer')],
          { cwd: repoRoot, encoding: 'utf8', timeout: scaled(30_000), ...user },
        );
        expect(host.status).toBe(1);
        expect(host.stderr).toMatch(/could not start: Fieldmeter cannot write to its data folder/);
        expect(sha(path)).toBe(before);
      } finally {
        chmodSync(dir, 0o755);
        chmodSync(path, 0o644);
      }
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT count(*) FROM readings').pluck().get()).toBe(1);
      db.close();
    },
    scaled(60_000),
  );

  it('clock jumping backwards: a visit timed before the last read needs confirmation, and nothing is saved without it (finding F2, fixed)', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fm.db'));
    try {
      importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ type: KWH, average: '10' })), acceptValidRows: false });
      const reg = store.meters.get('UP-1')!.registers[0]!;
      const at = (iso: string) => ({ settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date(iso) });
      saveManualReadings(
        store,
        actor,
        { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1500' }] },
        at('2026-11-23T10:00:00Z'),
      );
      const outboxBefore = store.db.prepare('SELECT count(*) FROM outbox').pluck().get();
      // The device clock is set back three days; the technician reads a higher value afterwards.
      let refused: unknown;
      try {
        saveManualReadings(
          store,
          actor,
          { usagePointId: 'UP-1', values: [{ registerId: reg.id, value: '1510' }] },
          at('2026-11-20T10:00:00Z'),
        );
      } catch (error) {
        refused = error;
      }
      expect(refused).toMatchObject({
        code: 'NEEDS_CONFIRMATION',
        message: expect.stringContaining('before the last reading at 2026-11-23T10:00:00.000Z'),
      });
      expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
      expect(store.meters.get('UP-1')!.registers[0]).toMatchObject({ lastValue: '1500', lastReadAt: '2026-11-23T10:00:00.000Z' });
      // Confirmed with a reason, it is saved with the warning and the quality that says it was out of range.
      const confirmed = saveManualReadings(
        store,
        actor,
        {
          usagePointId: 'UP-1',
          values: [{ registerId: reg.id, value: '1510', confirmation: { method: 'reason', reason: 'device clock was wrong, read today' } }],
        },
        at('2026-11-20T10:00:00Z'),
      );
      expect(confirmed.readings[0]).toMatchObject({ warnings: [{ kind: 'readBeforeLastRead' }], qualities: ['2.4.131', '2.5.256'] });
    } finally {
      store.close();
    }
  });
});
