import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { seedWorkedDay } from '../../../electron/services/demo/workedDay';
import { loadDemoRoute, startFieldmeter } from '../../../electron/services/fieldmeter';
import { openStore } from '../../../electron/services/store';
import { completeExchange } from '../../../electron/services/workOrders/exchange';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { signInAs } from '../../support/profiles';
import { scaled } from '../../support/timeouts';

const installer = { name: 'Ines Installer', role: 'installer' } as const;

/** The demo route with a worked day of route reads, and the demo exchange at UP-1001 done. */
function seed(db: string, dir: string) {
  const store = openStore(db);
  loadDemoRoute(store, installer);
  const worked = seedWorkedDay(store, join(dir, 'photos'));
  const old = store.workOrders.meterAt('UP-1001')!;
  const fresh = store.workOrders.deviceBySerial('E9100001')!;
  completeExchange(store, installer, {
    workOrderId: 'WO-DEMO-EX1',
    oldMeter: {
      observedSerial: old.serialNumber,
      finalReadings: store.workOrders.registersOf(old.id).map((r) => ({
        registerId: r.id,
        value: '99999',
        confirmation: { method: 'reason' as const, reason: 'far off the usual use: the test needs a known value' },
      })),
      finalSource: 'manual',
      sealsRemoved: [],
      disposition: 'returned',
      photoIds: [],
    },
    newMeter: {
      serial: 'E9100001',
      initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '0' })),
      sealsApplied: [],
      photoIds: [],
    },
    note: '',
  });
  store.close();
  return worked;
}

describe('export by work type', () => {
  const tempDir = useTempDir();

  it(
    '--type keeps the readings of that work; the CLI writes the same bytes as the app',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'f.db');
      const worked = seed(db, dir);
      const csvOf = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

      expect(
        (await fieldmeterInProcess(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'ex.csv'), '--type', 'exchange'])).code,
      ).toBe(0);
      const exchange = csvOf(join(dir, 'ex.csv'));
      expect(new Set(exchange.map((r) => r.usage_point))).toEqual(new Set(['UP-1001']));
      expect(new Set(exchange.map((r) => r.meter_serial)).size).toBe(2); // the old meter's final and the new meter's initial readings
      expect(exchange.map((r) => r.value).sort()).toEqual(exchange.map((r) => (r.meter_serial === 'E9100001' ? '0' : '99999')).sort());

      expect(
        (await fieldmeterInProcess(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'read.csv'), '--type', 'read'])).code,
      ).toBe(0);
      const reads = csvOf(join(dir, 'read.csv'));
      expect(reads).toHaveLength(worked.readings);
      expect(reads.some((r) => r.value === '99999' || r.meter_serial === 'E9100001')).toBe(false);
      expect(
        (
          await fieldmeterInProcess([
            'export',
            '--db',
            db,
            '--format',
            'csv',
            '--out',
            join(dir, 'pan.csv'),
            '--type',
            'panCommission',
            '--json',
          ])
        ).stdout,
      ).toMatch(/"rows": 0/);

      const app = startFieldmeter({ databasePath: db, host: 'web' });
      await signInAs(app, 'supervisor');
      try {
        const fromApp = await dispatch(app.handlers, 'export.run', { format: 'csv', filter: { type: 'exchange' } });
        expect(fromApp.ok).toBe(true);
        expect(readFileSync((fromApp as { value: { path: string } }).value.path, 'utf8')).toBe(readFileSync(join(dir, 'ex.csv'), 'utf8'));
        const bad = await dispatch(app.handlers, 'export.run', { format: 'csv', filter: { type: 'survey' } });
        expect(bad.ok ? null : bad.error.code).toBe('BAD_REQUEST');
      } finally {
        app.close();
      }
      const usage = await fieldmeterInProcess(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'x.csv'), '--type', 'survey']);
      expect(usage.code).toBe(2);
    },
    scaled(120_000),
  );
});
