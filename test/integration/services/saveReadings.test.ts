import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingQuality } from '../../../shared/cim/readingQuality';
import type { AppError } from '../../../shared/contract/result';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { saveManualReadings, type SaveReadingsRequest } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { csv, KWH_T1, KWH_T2, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;
const NOW = new Date('2026-11-23T09:15:00Z'); // 53 days after the last read of 2026-10-01

function seed(store: Store, over: Parameters<typeof row>[0] = {}) {
  importRoute(store, actor, {
    fileName: 'r.csv',
    content: csv(row({ type: KWH_T1, decimals: '1', ...over }), row({ type: KWH_T2, decimals: '1', ...over })),
    acceptValidRows: false,
  });
  return store.meters.get('UP-1')!;
}

const count = (store: Store, table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

function saveError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the save to be refused');
}

describe('saving manual readings', () => {
  const tempDir = useTempDir();
  const context = (dir: string) => ({ settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: NOW });
  const save = (store: Store, dir: string, request: SaveReadingsRequest) => saveManualReadings(store, actor, request, context(dir));

  it('writes coincident readings, last values, stop status, an audit row and one outbox message together', () => {
    const dir = tempDir();
    const path = join(dir, 'fieldmeter.db');
    const store = openStore(path);
    const [t1, t2] = seed(store).registers;
    const saved = save(store, dir, {
      usagePointId: 'UP-1',
      values: [
        { registerId: t1!.id, value: '01234.50' },
        { registerId: t2!.id, value: '1777' },
      ],
    });
    expect(saved.readings.map((r) => [r.value, r.readAt, r.qualities, r.warnings])).toEqual([
      ['1234.5', '2026-11-23T09:15:00.000Z', [readingQuality.manuallyEntered], []],
      ['1777', '2026-11-23T09:15:00.000Z', [readingQuality.manuallyEntered], []],
    ]);
    expect(new Set(saved.readings.map((r) => r.readingSetId)).size).toBe(1);
    expect(store.meters.get('UP-1')!.registers.map((r) => r.lastValue)).toEqual(['1234.5', '1777']);
    expect(store.routes.list()[0]).toMatchObject({ total: 1, read: 1, skipped: 0, withWarnings: 0 });
    expect(store.meters.listForRoute('R1', '')[0]).toMatchObject({
      readToday: true,
      status: 'read',
      lastReadAt: '2026-11-23T09:15:00.000Z',
    });
    expect(count(store, 'audit_log')).toBe(2); // import + save
    const outbox = store.db.prepare('SELECT noun, verb, usage_point_id, payload, status FROM outbox').all() as { payload: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ noun: 'MeterReadings', verb: 'created', usage_point_id: 'UP-1', status: 'pending' });
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
      meter: 'E100',
      readings: [
        { readingType: KWH_T1, value: '1234.5' },
        { readingType: KWH_T2, value: '1777' },
      ],
    });
    store.close();

    // after a restart the reading is still there
    const reopened = openStore(path);
    expect(
      reopened.readings
        .list({ usagePointId: 'UP-1', limit: 10 })
        .map((r) => r.value)
        .sort(),
    ).toEqual(['1234.5', '1777']);
    reopened.close();
  });

  it('leaves nothing behind when any part of the transaction fails', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const meter = seed(store);
    const auditBefore = count(store, 'audit_log');
    // the outbox write is the last step: make it fail as a full disk or a crash would
    store.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const values = meter.registers.map((r) => ({ registerId: r.id, value: '1500' }));
    expect(() => save(store, dir, { usagePointId: 'UP-1', values })).toThrow(/disk I\/O/);
    expect(count(store, 'reading_sets')).toBe(0);
    expect(count(store, 'readings')).toBe(0);
    expect(count(store, 'audit_log')).toBe(auditBefore);
    expect(store.meters.get('UP-1')!.registers[0]!.lastValue).toBe('1000');
    expect(store.meters.get('UP-1')!.status).toBe('unread');
    store.close();
  });

  it('refuses values that do not fit the register, registers of another meter, and the same register twice', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const id = seed(store).registers[0]!.id;
    const attempt =
      (values: { registerId: number; value: string }[], usagePointId = 'UP-1') =>
      () =>
        save(store, dir, { usagePointId, values });
    expect(attempt([{ registerId: id, value: '1234567' }])).toThrow('has 7 digits before the decimal point, but the register has 6 dials');
    expect(attempt([{ registerId: id, value: '1.25' }])).toThrow('has 2 decimals, but the register shows 1');
    expect(attempt([{ registerId: 9999, value: '1' }])).toThrow('does not belong to meter E100');
    expect(
      attempt([
        { registerId: id, value: '1001' },
        { registerId: id, value: '1002' },
      ]),
    ).toThrow('given twice');
    expect(attempt([{ registerId: id, value: '1001' }], 'UP-404')).toThrow('not on any route');
    expect(count(store, 'readings')).toBe(0);
    expect(count(store, 'outbox')).toBe(0);
    store.close();
  });

  it('asks to confirm an out-of-range value, with the numbers, and records how it was confirmed', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const [t1, t2] = seed(store, { average: '10' }).registers;
    // 53 days × 10 kWh/day = 530 expected: 265–1060 with the default factors 0.5 and 2
    const high = { registerId: t1!.id, value: '5000' };
    const normal = { registerId: t2!.id, value: '1500' };
    const error = saveError(() => save(store, dir, { usagePointId: 'UP-1', values: [high, normal] }));
    expect(error.code).toBe('NEEDS_CONFIRMATION');
    expect(error.message).toContain(
      'energy delivered kWh T1: Use of 4000 over 53.39 days is above the expected 266.93–1067.71. Type the value again',
    );
    expect(error.details).toMatchObject({ registers: [{ registerId: t1!.id, warnings: [{ kind: 'highUsage', usage: '4000' }] }] });
    expect(count(store, 'readings')).toBe(0);

    const saved = save(store, dir, {
      usagePointId: 'UP-1',
      values: [{ ...high, confirmation: { method: 'reason', reason: 'new heat pump installed' } }, normal],
    });
    expect(saved.readings[0]).toMatchObject({
      qualities: [readingQuality.manuallyEntered, readingQuality.outsideExpectedRange],
      warnings: [{ kind: 'highUsage' }],
      confirmation: { method: 'reason', reason: 'new heat pump installed' },
    });
    expect(saved.readings[1]).toMatchObject({ qualities: [readingQuality.manuallyEntered], warnings: [], confirmation: null });
    expect(store.meters.get('UP-1')!.status).toBe('warning');
    expect(store.routes.list()[0]).toMatchObject({ read: 1, withWarnings: 1 });
    const payload = JSON.parse(store.db.prepare('SELECT payload FROM outbox').pluck().get() as string);
    expect(payload.readings[0]).toMatchObject({ qualities: ['2.4.131', '2.5.256'], comment: 'new heat pump installed' });
    store.close();
  });

  it('counts a lower reading as a rollover when the dials allow it, without asking', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const meter = seed(store, { dials: '5', last: '99850', decimals: '0' });
    const saved = save(store, dir, { usagePointId: 'UP-1', values: meter.registers.map((r) => ({ registerId: r.id, value: '120' })) });
    expect(saved.readings[0]!.warnings).toEqual([{ kind: 'rollover', previous: '99850', current: '120', usage: '270', dials: 5 }]);
    expect(saved.readings[0]!.confirmation).toBeNull();
    store.close();
  });

  it('needs a note when the serial on the meter is not the expected one', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const meter = seed(store);
    const values = meter.registers.map((r) => ({ registerId: r.id, value: '1500' }));
    const error = saveError(() => save(store, dir, { usagePointId: 'UP-1', values, observedSerial: 'E999' }));
    expect(error.code).toBe('NEEDS_CONFIRMATION');
    expect(error.message).toContain("The meter's serial E999 is not the expected E100");
    expect(save(store, dir, { usagePointId: 'UP-1', values, observedSerial: 'e100' }).readings[0]!.warnings).toEqual([]);
    const saved = save(store, dir, { usagePointId: 'UP-1', values, observedSerial: 'E999', note: 'serial plate replaced, see photo' });
    expect(saved.readings[0]!.warnings).toEqual([{ kind: 'serialMismatch', expected: 'E100', observed: 'E999' }]);
    expect(store.db.prepare('SELECT note, observed_serial FROM reading_sets ORDER BY rowid DESC LIMIT 1').get()).toEqual({
      note: 'serial plate replaced, see photo',
      observed_serial: 'E999',
    });
    store.close();
  });

  it('learns the average daily use from the first interval when the read list had none', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fieldmeter.db'));
    const meter = seed(store, { date: '2026-11-13' }); // 10.4 days before NOW
    save(store, dir, { usagePointId: 'UP-1', values: meter.registers.map((r) => ({ registerId: r.id, value: '1104' })) });
    const average = store.meters.get('UP-1')!.registers[0]!.averageDailyUse!;
    expect(average).toBeCloseTo(104 / 10.3854, 2);
    store.close();
  });
});
