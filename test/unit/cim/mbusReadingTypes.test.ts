/**
 * The ReadingType of each M-Bus record kind (shared/cim/codes/mbusReadingTypes.ts), and the meter's
 * values besides its registers as readings of their own (electron/services/mbus/meterRecords.ts).
 * Telegrams: libmbus test/test-frames/EFE_Engelmann-WaterStar.hex (flow now and its maximum, days
 * on) and jmbus "Decode negative temperature" (a Landis+Gyr heat meter: energy, flow and return
 * temperature), both in test/unit/mbus/published.ts.
 */
import { describe, expect, it } from 'vitest';
import { meterReadingOf } from '../../../electron/services/mbus/meterRecords';
import { commodityOfDeviceType, recordReadingType } from '../../../shared/cim/codes/mbusReadingTypes';
import { parseReadingType } from '../../../shared/cim/readingType';
import { decodeTelegram, hexBytes, type DataRecord, type Telegram } from '../../../shared/mbus';
import { published } from '../mbus/published';

const record = (over: Partial<DataRecord>): DataRecord => ({
  value: '1',
  unit: null,
  storage: 0,
  tariff: 0,
  subunit: 0,
  function: 'instantaneous',
  quantity: 'volume',
  date: null,
  ...over,
});

const typeOf = (over: Partial<DataRecord>, commodity = 12) => {
  const t = recordReadingType(record(over), commodity);
  return 'readingType' in t ? parseReadingType(t.readingType) : t;
};

function telegram(hex: string): Telegram {
  const result = decodeTelegram(hexBytes(hex));
  if (!result.ok) throw new Error(result.reason);
  return result.telegram;
}

const WATER = { id: 7, readingType: '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0', decimals: 3 };

describe('the ReadingType of an M-Bus record', () => {
  it('gives energy in its own unit with the multiplier of its prefix: kWh, MWh as Wh (72) ×10³/×10⁶, GJ as J (31) ×10⁹', () => {
    expect(typeOf({ quantity: 'energy', unit: 'kWh' })).toMatchObject({ measurementKind: 12, unit: 72, multiplier: 3, accumulation: 1 });
    expect(typeOf({ quantity: 'energy', unit: 'MWh' })).toMatchObject({ unit: 72, multiplier: 6 });
    expect(typeOf({ quantity: 'energy', unit: 'GJ' })).toMatchObject({ measurementKind: 12, unit: 31, multiplier: 9, commodity: 12 });
  });

  it('gives flow (m³/h 125), power (W 38) and the temperatures (°C 23, difference in K 6), flow and return apart', () => {
    expect(typeOf({ quantity: 'volumeFlow', unit: 'm3/h' })).toMatchObject({ measurementKind: 155, unit: 125, accumulation: 12 });
    expect(typeOf({ quantity: 'power', unit: 'W' })).toMatchObject({ measurementKind: 37, unit: 38, multiplier: 0 });
    expect(typeOf({ quantity: 'power', unit: 'MW' })).toMatchObject({ unit: 38, multiplier: 6 });
    expect(typeOf({ quantity: 'flowTemperature', unit: '°C' })).toMatchObject({ measurementKind: 46, unit: 23, flowDirection: 1 });
    expect(typeOf({ quantity: 'returnTemperature', unit: '°C' })).toMatchObject({ measurementKind: 46, unit: 23, flowDirection: 19 });
    expect(typeOf({ quantity: 'temperatureDifference', unit: 'K' })).toMatchObject({ measurementKind: 46, unit: 6, flowDirection: 0 });
  });

  it('says a maximum or minimum in the aggregate (8, 9) as an indicating value, and a tariff in the TOU field', () => {
    expect(typeOf({ quantity: 'volumeFlow', unit: 'm3/h', function: 'maximum' })).toMatchObject({ aggregate: 8, accumulation: 6 });
    expect(typeOf({ quantity: 'flowTemperature', unit: '°C', function: 'minimum' })).toMatchObject({ aggregate: 9, accumulation: 6 });
    expect(typeOf({ quantity: 'energy', unit: 'kWh', tariff: 2 })).toMatchObject({ tou: 2 });
  });

  it('gives none to a value in error state, a subunit, a unit CIM has no code for, or manufacturer data', () => {
    expect(typeOf({ quantity: 'volumeFlow', unit: 'm3/h', function: 'error' })).toEqual({ unsent: 'errorState' });
    expect(typeOf({ quantity: 'energy', unit: 'kWh', subunit: 1 })).toEqual({ unsent: 'subunit' });
    expect(typeOf({ quantity: 'volumeFlow', unit: 'm3/min' })).toEqual({ unsent: 'noReadingType' });
    expect(typeOf({ quantity: 'power', unit: 'J/h' })).toEqual({ unsent: 'noReadingType' });
    expect(typeOf({ quantity: 'onTime', unit: 'd' })).toEqual({ unsent: 'noReadingType' });
    expect(typeOf({ quantity: 'manufacturerSpecific', value: '0000', manufacturerVif: 'FF20' })).toEqual({ unsent: 'notNumeric' });
  });

  it('names the commodity by device type: water 9, heat 12, gas 7, none for a sensor', () => {
    expect(['coldWater', 'heat', 'gas', 'roomSensor'].map((t) => commodityOfDeviceType(t as never))).toEqual([9, 12, 7, 0]);
  });
});

describe('a meter’s values besides its registers', () => {
  it('sends the WaterStar’s flow and maximum flow as readings, and keeps its days on with the reason', () => {
    const t = telegram(published.libmbusWaterStar.hex);
    const reading = meterReadingOf(t.records, t.status, [WATER], t.deviceType);
    expect(reading.values).toEqual([{ registerId: 7, value: '0.332' }]);
    expect(reading.measured).toEqual([
      { readingType: '0.0.0.12.1.9.155.0.0.0.0.0.0.0.0.0.125.0', value: '0.000', storage: 0, at: null },
      { readingType: '0.8.0.6.1.9.155.0.0.0.0.0.0.0.0.0.125.0', value: '2.070', storage: 0, at: null },
    ]);
    expect(reading.unsent).toEqual([
      { quantity: 'onTime', value: '1191', unit: 'd', storage: 0, function: 'instantaneous', reason: 'noReadingType' },
    ]);
  });

  it('sends a heat meter’s energy (no register counts it) and both temperatures, the return one below zero', () => {
    const t = telegram(published.jmbusNegativeTemperature.hex);
    const reading = meterReadingOf(t.records, t.status, [WATER], t.deviceType);
    expect(reading.measured.map((m) => [m.readingType, m.value])).toEqual([
      ['0.0.0.1.1.12.12.0.0.0.0.0.0.0.0.3.72.0', '0'],
      ['0.0.0.12.1.12.46.0.0.0.0.0.0.0.0.0.23.0', '24.1'],
      ['0.0.0.12.19.12.46.0.0.0.0.0.0.0.0.0.23.0', '-4.0'],
    ]);
  });

  it('dates a stored value by its storage number’s date and never sends one without it', () => {
    const records = [
      record({ quantity: 'volumeFlow', unit: 'm3/h', function: 'maximum', value: '1.2', storage: 1 }),
      record({ quantity: 'timePoint', value: null, storage: 1, date: '2024-12-31' }),
      record({ quantity: 'volumeFlow', unit: 'm3/h', function: 'maximum', value: '0.9', storage: 2 }),
    ];
    const reading = meterReadingOf(records, null, [WATER], 'water');
    expect(reading.measured).toEqual([
      { readingType: '0.8.0.6.1.9.155.0.0.0.0.0.0.0.0.0.125.0', value: '1.2', storage: 1, at: '2024-12-31T00:00:00.000Z' },
    ]);
    expect(reading.unsent).toEqual([expect.objectContaining({ value: '0.9', storage: 2, reason: 'noDueDay' })]);
  });
});
