import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { saveManualReadings } from '../../electron/services/readings/saveReadings';
import { importRoute } from '../../electron/services/routes/importRoute';
import { openStore } from '../../electron/services/store';
import { defaultValidationSettings } from '../../shared/domain/readingValidation';
import { csv, KWH_T1, KWH_T2, row } from '../support/routeCsv';
import { latestVersion } from '../../electron/services/store/migrations';
import { useTempDir } from '../support/tempDir';
import { fieldmeter } from '../support/cli';

describe('fieldmeter CLI', () => {
  const tempDir = useTempDir();

  it('prints help and exits 0', async () => {
    const { code, stdout } = await fieldmeter(['--help']);
    expect(code).toBe(0);
    for (const command of ['db', 'demo', 'import', 'readings']) expect(stdout).toContain(command);
  });

  it('exits 2 on bad usage', async () => {
    expect((await fieldmeter(['readings', 'lst'])).code).toBe(2);
    expect((await fieldmeter(['import', 'route'])).code).toBe(2);
    expect((await fieldmeter(['readings', 'history', '--limit', 'many', '--db', join(tempDir(), 'x.db')])).code).toBe(2);
    expect((await fieldmeter(['readings', 'list', '--status', 'lost', '--db', join(tempDir(), 'x.db')])).code).toBe(2);
  });

  it('migrates, seeds the demo route and lists readings as JSON', async () => {
    const db = join(tempDir(), 'cli.db');
    const migrated = await fieldmeter(['db', 'migrate', '--db', db, '--json']);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toMatchObject({ path: db, schemaVersion: latestVersion });
    const seeded = await fieldmeter(['demo', 'seed', '--json'], { FIELDMETER_DB: db });
    expect(JSON.parse(seeded.stdout)).toMatchObject({ routes: ['DEMO-01'], usagePoints: 50 });
    const history = await fieldmeter(['readings', 'history', '--db', db, '--json']);
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout)).toEqual([]);
  });

  it('lists one item per register to read, with status and, once read, the value', async () => {
    const dir = tempDir();
    const db = join(dir, 'cli.db');
    const store = openStore(db);
    importRoute(
      store,
      { name: 't', role: 'technician' },
      {
        fileName: 'r.csv',
        content: csv(row({ type: KWH_T1 }), row({ type: KWH_T2 }), row({ seq: '20', up: 'UP-2', serial: 'E2' })),
        acceptValidRows: false,
      },
    );
    const meter = store.meters.get('UP-1')!;
    saveManualReadings(
      store,
      { name: 't', role: 'technician' },
      { usagePointId: 'UP-1', values: meter.registers.map((r) => ({ registerId: r.id, value: '1001' })) },
      { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date('2026-11-23T08:00:00Z') },
    );
    store.close();

    const all = JSON.parse((await fieldmeter(['readings', 'list', '--db', db, '--json'])).stdout);
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({
      route: 'R1',
      sequence: 10,
      usagePoint: 'UP-1',
      meter: 'E100',
      readingType: KWH_T1,
      status: 'read',
      value: '1001',
      timestamp: '2026-11-23T08:00:00.000Z',
    });
    expect(all[2]).toMatchObject({ usagePoint: 'UP-2', status: 'unread', value: null, timestamp: null });
    const unread = JSON.parse((await fieldmeter(['readings', 'list', '--db', db, '--route', 'R1', '--status', 'unread', '--json'])).stdout);
    expect(unread.map((i: { meter: string }) => i.meter)).toEqual(['E2']);
  });

  it('imports a route file and reports bad rows with line numbers, exit 1, nothing imported', async () => {
    const dir = tempDir();
    const db = join(dir, 'cli.db');
    const file = join(dir, 'route.csv');
    writeFileSync(file, csv(row(), row({ seq: '20', up: 'UP-2', serial: 'E2', type: 'kWh' })));
    const rejected = await fieldmeter(['import', 'route', file, '--db', db]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('line 3: reading_type: “kWh” is not an 18-part IEC 61968-9 ReadingType code.');
    const count = () => {
      const raw = new Database(db, { readonly: true });
      const n = raw.prepare('SELECT count(*) FROM usage_points').pluck().get();
      raw.close();
      return n;
    };
    expect(count()).toBe(0);
    // `import FILE` alone: not XML, so a route CSV.
    const accepted = await fieldmeter(['import', file, '--db', db, '--accept-valid-rows', '--json']);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ usagePoints: 1, skippedRows: [{ line: 3 }] });
    expect(count()).toBe(1);
  });

  it('exits 1 with a clear message for a database from a newer version', async () => {
    const db = join(tempDir(), 'future.db');
    const raw = new Database(db);
    raw.pragma('user_version = 99');
    raw.close();
    const { code, stderr } = await fieldmeter(['readings', 'history', '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toContain('newer Fieldmeter');
  });

  it('exits 1 when the file to import cannot be read', async () => {
    const { code, stderr } = await fieldmeter(['import', 'route', '/no/such/file.csv', '--db', join(tempDir(), 'x.db')]);
    expect(code).toBe(1);
    // The catalog's words only; the developer message (with ENOENT) comes with --verbose (issue 16 §3).
    expect(stderr.trim()).toBe('error: /no/such/file.csv cannot be read.');
  });
});
