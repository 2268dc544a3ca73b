import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { csv, KWH_T1, KWH_T2, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;

function seed(store: Store) {
  importRoute(store, actor, {
    fileName: 'r.csv',
    content: csv(row({ type: KWH_T1, decimals: '1' }), row({ type: KWH_T2, decimals: '1' })),
    acceptValidRows: false,
  });
  return store.meters.get('UP-1')!;
}

const count = (store: Store, table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('saving manual readings', () => {
  const tempDir = useTempDir();

  it('writes coincident readings, last values, an audit row and one outbox message together', () => {
    const path = join(tempDir(), 'fieldmeter.db');
    const store = openStore(path);
    const meter = seed(store);
    const [t1, t2] = meter.registers;
    const saved = saveManualReadings(
      store,
      actor,
      { usagePointId: 'UP-1', values: [{ registerId: t1!.id, value: '01234.50' }, { registerId: t2!.id, value: '777' }] },
      new Date('2026-11-23T09:15:00Z'),
    );
    expect(saved.readings.map((r) => [r.value, r.readAt, r.qualities])).toEqual([
      ['1234.5', '2026-11-23T09:15:00.000Z', [readingQuality.manuallyEntered]],
      ['777', '2026-11-23T09:15:00.000Z', [readingQuality.manuallyEntered]],
    ]);
    expect(new Set(saved.readings.map((r) => r.readingSetId)).size).toBe(1);
    expect(store.meters.get('UP-1')!.registers.map((r) => r.lastValue)).toEqual(['1234.5', '777']);
    expect(store.routes.list()[0]).toMatchObject({ total: 1, read: 1 });
    expect(store.meters.listForRoute('R1', '')[0]).toMatchObject({ readToday: true, lastReadAt: '2026-11-23T09:15:00.000Z' });
    expect(count(store, 'audit_log')).toBe(2); // import + save
    const outbox = store.db.prepare('SELECT noun, verb, usage_point_id, payload, status FROM outbox').all() as { payload: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ noun: 'MeterReadings', verb: 'created', usage_point_id: 'UP-1', status: 'pending' });
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ meter: 'E100', readings: [{ readingType: KWH_T1, value: '1234.5' }, { readingType: KWH_T2, value: '777' }] });
    store.close();

    // after a restart the reading is still there
    const reopened = openStore(path);
    expect(reopened.readings.list({ usagePointId: 'UP-1', limit: 10 }).map((r) => r.value).sort()).toEqual(['1234.5', '777']);
    reopened.close();
  });

  it('leaves nothing behind when any part of the transaction fails', () => {
    const store = openStore(join(tempDir(), 'fieldmeter.db'));
    const meter = seed(store);
    const auditBefore = count(store, 'audit_log');
    // the outbox write is the last step: make it fail as a full disk or a crash would
    store.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    expect(() => saveManualReadings(store, actor, { usagePointId: 'UP-1', values: [{ registerId: meter.registers[0]!.id, value: '5' }] })).toThrow(/disk I\/O/);
    expect(count(store, 'reading_sets')).toBe(0);
    expect(count(store, 'readings')).toBe(0);
    expect(count(store, 'audit_log')).toBe(auditBefore);
    expect(store.meters.get('UP-1')!.registers[0]!.lastValue).toBe('1000');
    store.close();
  });

  it('refuses values that do not fit the register, registers of another meter, and the same register twice', () => {
    const store = openStore(join(tempDir(), 'fieldmeter.db'));
    const meter = seed(store);
    const id = meter.registers[0]!.id;
    const save = (values: { registerId: number; value: string }[], usagePointId = 'UP-1') => () => saveManualReadings(store, actor, { usagePointId, values });
    expect(save([{ registerId: id, value: '1234567' }])).toThrow('has 7 digits before the decimal point, but the register has 6 dials');
    expect(save([{ registerId: id, value: '1.25' }])).toThrow('has 2 decimals, but the register shows 1');
    expect(save([{ registerId: 9999, value: '1' }])).toThrow('does not belong to meter E100');
    expect(save([{ registerId: id, value: '1' }, { registerId: id, value: '2' }])).toThrow('given twice');
    expect(save([{ registerId: id, value: '1' }], 'UP-404')).toThrow('not on any route');
    expect(count(store, 'readings')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
    store.close();
  });
});
