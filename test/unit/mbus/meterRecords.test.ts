/**
 * What an M-Bus meter's records give its stop (electron/services/mbus/meterRecords.ts): current
 * values, due-day values dated by the meter's own date of the same storage number, and the status
 * byte as ReadingQualities (EN 13757-3:2018 Table 5: bits 0–1 application, 2 power low, 3 permanent,
 * 4 temporary error).
 */
import { describe, expect, it } from 'vitest';
import { currentValues, dueDayValues, statusQualities } from '../../../electron/services/mbus/meterRecords';
import type { DataRecord } from '../../../shared/mbus';

const WATER = { id: 7, readingType: '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0', decimals: 3 };
const record = (over: Partial<DataRecord>): DataRecord => ({
  value: null,
  unit: null,
  storage: 0,
  tariff: 0,
  subunit: 0,
  function: 'instantaneous',
  quantity: 'volume',
  date: null,
  ...over,
});

describe('an M-Bus meter’s records for its stop', () => {
  const records = [
    record({ value: '0.332', unit: 'm3' }),
    record({ value: '0.331', unit: 'm3', storage: 1 }),
    record({ value: '0.300', unit: 'm3', storage: 2 }), // no date for storage 2: not used
    record({ quantity: 'timePoint', storage: 1, date: '2013-12-31' }),
    record({ value: '2.070', unit: 'm3/h', quantity: 'volumeFlow', function: 'maximum' }),
  ];

  it('takes the current value for the register and each dated due-day value as historical', () => {
    expect(currentValues(records, [WATER])).toEqual([{ registerId: 7, value: '0.332' }]);
    expect(dueDayValues(records, [WATER])).toEqual([{ registerId: 7, value: '0.331', storage: 1, at: '2013-12-31T00:00:00.000Z' }]);
  });

  it('says the status byte as qualities: battery low, and a diagnostics flag for errors and alarms', () => {
    expect(statusQualities(null)).toEqual([]);
    expect(statusQualities(0x00)).toEqual([]);
    expect(statusQualities(0x01)).toEqual([]); // application busy is no fault
    expect(statusQualities(0x04)).toEqual(['1.1.1']);
    expect(statusQualities(0x27)).toEqual(['1.1.1', '1.1.0']); // libmbus EFE WaterStar: alarm and power low
    expect(statusQualities(0x08)).toEqual(['1.1.0']);
    expect(statusQualities(0x10)).toEqual(['1.1.0']);
    expect(statusQualities(0xe0)).toEqual([]); // manufacturer bits alone
  });
});
