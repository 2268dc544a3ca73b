import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { exportColumns } from '../../../electron/services/exports/columns';
import { endKeptWorkers, keptWorkers, prepareExportWorker } from '../../../electron/services/exports/exportInWorker';
import { runExport } from '../../../electron/services/exports/runExport';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { signInAs } from '../../support/profiles';

const tech = { name: 'Tina', role: 'technician' } as const;
const boss = { name: 'Sam', role: 'supervisor' } as const;
/** What `npm run build` (electron-vite) emits for the desktop app; `npm test` builds before the tests. */
const builtWorker = resolve(import.meta.dirname, '..', '..', '..', 'out', 'main', 'exportWorker.cjs');

/**
 * Two routes; R1 with three stops (one read twice, one with a serial warning), R2 re-imported
 * without UP-4 so its reading belongs to no stop (sorts first), and an unread stop.
 */
function seed(dir: string): Store {
  const store = openStore(join(dir, 'fieldmeter.db'));
  const r1 = [
    row({ route: 'R1', seq: '10', up: 'UP-1', serial: 'E1' }),
    row({ route: 'R1', seq: '20', up: 'UP-2', serial: 'E2' }),
    row({ route: 'R1', seq: '30', up: 'UP-3', serial: 'E3' }),
  ];
  importRoute(store, tech, {
    fileName: 'r.csv',
    content: csv(...r1, row({ route: 'R2', seq: '10', up: 'UP-4', serial: 'E4' })),
    acceptValidRows: false,
  });
  const read = (up: string, value: string, at: string, observedSerial?: string) =>
    saveManualReadings(
      store,
      tech,
      {
        usagePointId: up,
        values: [{ registerId: store.meters.get(up)!.registers[0]!.id, value }],
        ...(observedSerial ? { observedSerial, note: 'swapped' } : {}),
      },
      { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date(at) },
    );
  read('UP-4', '1100', '2026-11-19T08:00:00Z');
  read('UP-3', '1100', '2026-11-20T08:00:00Z');
  read('UP-1', '1100', '2026-11-20T09:00:00Z', 'X9');
  read('UP-1', '1102', '2026-11-21T09:00:00Z');
  importRoute(store, tech, {
    fileName: 'r2.csv',
    content: csv(row({ route: 'R2', seq: '10', up: 'UP-6', serial: 'E6' })),
    acceptValidRows: false,
  });
  return store;
}

describe('export worker', () => {
  const tempDir = useTempDir();

  it('the two halves of the query, in order, are exactly the whole, for every filter', () => {
    const store = seed(tempDir());
    for (const filter of [
      {},
      { route: 'R1' },
      { status: 'read' as const },
      { type: 'read' as const },
      { from: '2026-11-20', to: '2026-11-20' },
    ]) {
      const whole = store.exportRows.csvRecords(filter);
      const at = store.exportRows.middle(filter)!;
      const halves = [
        ...store.exportRows.csvRecords(filter, { second: false, at }),
        ...store.exportRows.csvRecords(filter, { second: true, at }),
      ];
      expect(halves).toEqual(whole);
      // The worker's stream of the same query: the same records, and a total that counts exactly them.
      for (const half of [undefined, { second: false, at }, { second: true, at }]) {
        const streamed = store.exportRows.streamCsvRecords(filter, half);
        const records = [...streamed.records];
        expect(records).toEqual(store.exportRows.csvRecords(filter, half));
        expect(streamed.total).toBe(records.length);
      }
    }
    expect(store.exportRows.csvRecords({}).map((r) => r[2])).toEqual(['UP-4', 'UP-1', 'UP-1', 'UP-3']);
    expect(store.exportRows.middle({ route: 'R1' })).toEqual({ route: 'R1', sequence: 20 });
    store.close();
  });

  it('writes the same bytes on this thread, on one worker and split over two workers', async () => {
    const dir = tempDir();
    const store = seed(dir);
    const here = await runExport(store, boss, 'csv', {}, join(dir, 'here.csv'), { workerFrom: Infinity });
    const progress: [number, number][] = [];
    const split = await runExport(store, boss, 'csv', {}, join(dir, 'split.csv'), {
      workerFrom: 0,
      splitFrom: 0,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const one = await runExport(store, boss, 'csv', {}, join(dir, 'one.csv'), { workerFrom: 0, splitFrom: Infinity });
    expect([here.rows, split.rows, one.rows]).toEqual([4, 4, 4]);
    const bytes = readFileSync(here.path, 'utf8');
    expect(readFileSync(split.path, 'utf8')).toBe(bytes);
    expect(readFileSync(one.path, 'utf8')).toBe(bytes);
    expect(progress).toContainEqual([0, 4]);
    expect(readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([]);

    const records = parse(bytes, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...exportColumns]);
    expect(records.map((r) => [r.route, r.sequence, r.usage_point, r.value, r.warnings, r.qualities, r.stop_status])).toEqual([
      ['', '', 'UP-4', '1100', '', '2.4.131', ''],
      ['R1', '10', 'UP-1', '1100', 'serialMismatch', '2.4.131', 'read'],
      ['R1', '10', 'UP-1', '1102', '', '2.4.131', 'read'],
      ['R1', '30', 'UP-3', '1100', '', '2.4.131', 'read'],
    ]);
    store.close();
  }, 60_000);

  it('the desktop build has the worker as its own file, and an export runs through it', async () => {
    expect(existsSync(builtWorker), `${builtWorker} is missing: run npm run build (electron-vite) first`).toBe(true);
    const dir = tempDir();
    const store = seed(dir);
    const here = await runExport(store, boss, 'csv', { route: 'R1' }, join(dir, 'here.csv'), { workerFrom: Infinity });
    const built = await runExport(store, boss, 'csv', { route: 'R1' }, join(dir, 'built.csv'), {
      workerFrom: 0,
      splitFrom: 0,
      builtWorker,
    });
    expect(built.rows).toBe(3);
    expect(readFileSync(built.path, 'utf8')).toBe(readFileSync(here.path, 'utf8'));
    // A finished worker waits for the next export and writes that one's filter, not its first job's.
    expect(keptWorkers()).toBeGreaterThan(0);
    const again = await runExport(store, boss, 'csv', { from: '2026-11-20', to: '2026-11-20' }, join(dir, 'again.csv'), {
      workerFrom: 0,
      splitFrom: Infinity,
      builtWorker,
    });
    const againHere = await runExport(store, boss, 'csv', { from: '2026-11-20', to: '2026-11-20' }, join(dir, 'again-here.csv'), {
      workerFrom: Infinity,
    });
    expect(readFileSync(again.path, 'utf8')).toBe(readFileSync(againHere.path, 'utf8'));
    expect(again.rows).toBe(2);
    const pdf = await runExport(store, boss, 'pdf', {}, join(dir, 'built.pdf'), { workerFrom: 0, builtWorker });
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
    store.close();
  }, 60_000);

  it('a worker prepared while the filter is set waits for the export, which then writes the same bytes', async () => {
    const dir = tempDir();
    const store = seed(dir);
    await endKeptWorkers();
    expect(keptWorkers()).toBe(0);
    // Exports this small are written on the calling thread: nothing to prepare.
    expect(await prepareExportWorker({ databasePath: store.path, expected: store.exportRows.upperBound() }, { builtWorker })).toBe(false);
    expect(keptWorkers()).toBe(0);
    const location = { builtWorker, workerFrom: 0 };
    const [first, second] = await Promise.all([0, 1].map(() => prepareExportWorker({ databasePath: store.path, expected: 4 }, location)));
    expect([first, second]).toEqual([true, true]);
    expect(keptWorkers()).toBe(1); // both asked while it was being prepared: one worker
    expect(await prepareExportWorker({ databasePath: store.path, expected: 4 }, location)).toBe(true);
    expect(keptWorkers()).toBe(1);
    // Its rows went to the null device: no file besides the database's own.
    expect(readdirSync(dir).filter((f) => !f.startsWith('fieldmeter.db') && f !== 'photos')).toEqual([]);
    const built = await runExport(store, boss, 'csv', {}, join(dir, 'built.csv'), { ...location, splitFrom: Infinity });
    const here = await runExport(store, boss, 'csv', {}, join(dir, 'here.csv'), { workerFrom: Infinity });
    expect(built.rows).toBe(4);
    expect(readFileSync(built.path, 'utf8')).toBe(readFileSync(here.path, 'utf8'));
    expect(keptWorkers()).toBe(1); // the prepared worker wrote it and waits again
    await endKeptWorkers();
    store.close();
  }, 60_000);

  it("only a supervisor's Export panel prepares a worker", async () => {
    const dir = tempDir();
    seed(dir).close();
    const app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      expect(await dispatch(app.handlers, 'export.prepare', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { right: 'supervise' } },
      });
      await signInAs(app, 'supervisor');
      // Four readings are written on the calling thread: nothing to prepare, and no error either.
      expect(await dispatch(app.handlers, 'export.prepare', {})).toEqual({ ok: true, value: { ready: false } });
    } finally {
      app.close();
    }
  });
});
