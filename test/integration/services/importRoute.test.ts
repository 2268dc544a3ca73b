import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract/result';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { csv, KWH, KWH_T1, KWH_T2, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;

describe('importing a route', () => {
  const tempDir = useTempDir();
  const open = () => openStore(join(tempDir(), 'fieldmeter.db'));

  it('imports every row in one go, with an audit row', () => {
    const store = open();
    const summary = importRoute(store, actor, {
      fileName: 'r1.csv',
      content: csv(row(), row({ seq: '20', up: 'UP-2', serial: 'E2' })),
      acceptValidRows: false,
    });
    expect(summary).toMatchObject({ routes: ['R1'], usagePoints: 2, registers: 2, skippedRows: [] });
    expect(store.routes.list()).toMatchObject([{ id: 'R1', total: 2, read: 0, trainingMode: false }]);
    expect(store.meters.listForRoute('R1', '').map((m) => m.meterSerial)).toEqual(['E100', 'E2']);
    expect(store.db.prepare('SELECT action, entity_id, role FROM audit_log').all()).toEqual([
      { action: 'route.import', entity_id: 'R1', role: 'technician' },
    ]);
    store.close();
  });

  it('imports nothing when a row is bad, unless the user accepts the valid rows', () => {
    const store = open();
    const content = csv(row(), row({ seq: '20', up: 'UP-2', serial: 'E2', dials: '99' }));
    let rejected: AppError | undefined;
    try {
      importRoute(store, actor, { fileName: 'bad.csv', content, acceptValidRows: false });
    } catch (error) {
      rejected = error as AppError;
    }
    expect(rejected?.code).toBe('IMPORT_REJECTED');
    expect(rejected?.details).toMatchObject({ validRows: 1, totalProblems: 1, problems: [{ line: 3, column: 'dials' }] });
    expect(store.routes.count()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM usage_points').pluck().get()).toBe(0);

    const summary = importRoute(store, actor, { fileName: 'bad.csv', content, acceptValidRows: true });
    expect(summary.usagePoints).toBe(1);
    expect(summary.skippedRows).toMatchObject([{ line: 3 }]);
    store.close();
  });

  it('a usage point whose rows are apart, and on a second route, gets one meter with all its registers and one stop per route', () => {
    const store = open();
    // A meter known from an earlier list at another usage point moves here with this one.
    importRoute(store, actor, {
      fileName: 'old.csv',
      content: csv(row({ route: 'R0', up: 'UP-OLD', serial: 'E300' })),
      acceptValidRows: false,
    });
    const content = csv(
      row({ seq: '10', up: 'UP-1', serial: 'E100', type: KWH_T1 }),
      row({ seq: '20', up: 'UP-2', serial: 'E200' }),
      row({ seq: '30', up: 'UP-1', serial: 'E100', type: KWH_T2 }),
      row({ route: 'R2', seq: '5', up: 'UP-1', serial: 'E100', type: KWH }),
      row({ route: 'R2', seq: '6', up: 'UP-3', serial: 'E300' }),
    );
    const summary = importRoute(store, actor, { fileName: 'apart.csv', content, acceptValidRows: false });
    expect(summary).toMatchObject({ routes: ['R1', 'R2'], usagePoints: 4, registers: 5, skippedRows: [] });
    expect(store.db.prepare("SELECT count(*) FROM end_devices WHERE serial_number = 'E100'").pluck().get()).toBe(1);
    expect(
      store.meters
        .get('UP-1')!
        .registers.map((r) => r.readingType)
        .sort(),
    ).toEqual([KWH, KWH_T1, KWH_T2].sort());
    expect(store.meters.listForRoute('R1', '').map((m) => [m.sequence, m.usagePointId])).toEqual([
      [10, 'UP-1'],
      [20, 'UP-2'],
    ]);
    expect(store.meters.listForRoute('R2', '').map((m) => [m.sequence, m.usagePointId])).toEqual([
      [5, 'UP-1'],
      [6, 'UP-3'],
    ]);
    expect(store.db.prepare("SELECT usage_point_id FROM end_devices WHERE serial_number = 'E300'").pluck().get()).toBe('UP-3');
    store.close();
  });

  it('re-importing keeps a newer local reading and takes the new read sequence', () => {
    const store = open();
    importRoute(store, actor, { fileName: 'r1.csv', content: csv(row({ last: '1000', date: '2026-10-01' })), acceptValidRows: false });
    const meter = store.meters.get('UP-1')!;
    store.meters.setLastValue(meter.registers[0]!.id, '1500', '2026-11-20T10:00:00.000Z');
    importRoute(store, actor, {
      fileName: 'r1.csv',
      content: csv(row({ seq: '99', last: '1100', date: '2026-10-15' })),
      acceptValidRows: false,
    });
    const again = store.meters.get('UP-1')!;
    expect(again.registers[0]).toMatchObject({ lastValue: '1500', lastReadAt: '2026-11-20T10:00:00.000Z' });
    expect(again.sequence).toBe(99);
    store.close();
  });

  it('searches a route by serial, address or usage point id, treating % and _ literally', () => {
    const store = open();
    importRoute(store, actor, {
      fileName: 'r.csv',
      content: csv(
        row({ address: '5 Mill Lane' }),
        row({ seq: '20', up: 'UP-2', serial: 'E2', address: '100% Oak Road' }),
        row({ seq: '30', up: 'UP_3', serial: 'G7', address: 'Station Rd' }),
      ),
      acceptValidRows: false,
    });
    const ids = (q: string) => store.meters.listForRoute('R1', q).map((m) => m.usagePointId);
    expect(ids('mill')).toEqual(['UP-1']);
    expect(ids('G7')).toEqual(['UP_3']);
    expect(ids('%')).toEqual(['UP-2']);
    expect(ids('_')).toEqual(['UP_3']);
    expect(ids('')).toEqual(['UP-1', 'UP-2', 'UP_3']);
    store.close();
  });
});
