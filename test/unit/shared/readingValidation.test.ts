import { describe, expect, it } from 'vitest';
import { add, compare, fromScaled, subtract, toScaled } from '../../../shared/domain/decimal';
import { checkReading, serialMatches, type RegisterHistory } from '../../../shared/domain/readingValidation';
import { registerKindOf } from '../../../shared/cim/readingType';

// ReadingTypes as shared/cim/codes/obis.ts builds them (IEC 61968-9 Annex C field order).
const kW = '8.8.2.6.1.1.8.0.0.0.0.0.0.0.0.3.38.0'; // billing-period maximum 15-min demand, indicating, kW
const W = '8.8.2.6.1.1.8.0.0.0.0.0.0.0.0.0.38.0'; // the same in W
const powerKw = '0.0.0.12.1.1.37.0.0.0.0.0.0.0.0.3.38.0'; // instantaneous active power
const voltageAN = '0.0.0.12.0.1.54.0.0.0.0.0.0.0.129.0.29.0'; // instantaneous voltage phase A–N

const history = (over: Partial<RegisterHistory> = {}): RegisterHistory => ({
  dials: 5,
  kind: 'cumulative',
  readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', // kWh, bulk quantity
  multiplier: 1,
  lastValue: '1000',
  lastReadAt: '2026-10-24T00:00:00.000Z',
  averageDailyUse: 10,
  ...over,
});
const readAt = '2026-11-23T00:00:00.000Z'; // 30 days after the last read

describe('exact decimals', () => {
  it('subtracts and adds without float error', () => {
    expect(subtract('0.3', '0.1')).toBe('0.2');
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(subtract('100', '99.95')).toBe('0.05');
    expect(subtract('5', '7.5')).toBe('-2.5');
    expect(compare('10.0', '10')).toBe(0);
    expect(fromScaled(toScaled('12.5', 3))).toBe('12.5');
  });
});

describe('checking a reading against history', () => {
  it('accepts use inside the expected range', () => {
    expect(checkReading('1300', readAt, history())).toEqual({ usage: '300', warnings: [], needsConfirmation: false });
  });

  it('warns of high use with the numbers and asks for confirmation', () => {
    const check = checkReading('1900', readAt, history());
    expect(check.warnings).toEqual([{ kind: 'highUsage', usage: '900', days: 30, expectedLow: 150, expectedHigh: 600 }]);
    expect(check.needsConfirmation).toBe(true);
  });

  it('warns of low (but not zero) use', () => {
    const check = checkReading('1100', readAt, history());
    expect(check.warnings).toEqual([{ kind: 'lowUsage', usage: '100', days: 30, expectedLow: 150, expectedHigh: 600 }]);
    expect(check.needsConfirmation).toBe(true);
  });

  it('does not judge use against a daily average within the first day', () => {
    expect(checkReading('1001', '2026-10-24T01:00:00.000Z', history()).warnings).toEqual([]);
  });

  it('honours configured factors', () => {
    expect(checkReading('1900', readAt, history(), { lowFactor: 0.1, highFactor: 4, maxDemand: 500 }).warnings).toEqual([]);
  });

  it('flags zero use over a day or more', () => {
    expect(checkReading('1000', readAt, history()).warnings).toEqual([{ kind: 'zeroUsage', previous: '1000', days: 30 }]);
    expect(checkReading('1000', '2026-10-24T06:00:00.000Z', history()).warnings).toEqual([]);
  });

  it('explains a lower reading as a rollover when the dial count allows it (5 dials: 99850 → 00120 is 270)', () => {
    const check = checkReading('120', readAt, history({ lastValue: '99850' }));
    expect(check.usage).toBe('270');
    expect(check.warnings).toEqual([{ kind: 'rollover', previous: '99850', current: '120', usage: '270', dials: 5 }]);
    expect(check.needsConfirmation).toBe(false);
  });

  it('keeps decimals exact across a rollover', () => {
    expect(checkReading('0.4', readAt, history({ lastValue: '99999.7', averageDailyUse: null })).usage).toBe('0.7');
  });

  it('refuses to call a large drop a rollover', () => {
    const check = checkReading('500', readAt, history({ lastValue: '1000' }));
    expect(check.warnings).toEqual([{ kind: 'lowerThanPrevious', previous: '1000', current: '500' }]);
    expect(check.needsConfirmation).toBe(true);
    expect(check.usage).toBeNull();
  });

  it('without history, accepts a rollover only under a tenth of the register span', () => {
    expect(checkReading('120', readAt, history({ lastValue: '99850', averageDailyUse: null })).warnings[0]?.kind).toBe('rollover');
    expect(checkReading('20000', readAt, history({ lastValue: '99850', averageDailyUse: null })).warnings[0]?.kind).toBe(
      'lowerThanPrevious',
    );
  });

  it('has nothing to compare on a first read', () => {
    expect(checkReading('5', readAt, history({ lastValue: null, lastReadAt: null }))).toEqual({
      usage: null,
      warnings: [],
      needsConfirmation: false,
    });
  });

  it('flags implausible demand', () => {
    const check = checkReading('812.5', readAt, history({ kind: 'demand', readingType: kW }));
    expect(check.warnings).toEqual([{ kind: 'implausibleDemand', value: '812.5', max: 500 }]);
    expect(checkReading('12.5', readAt, history({ kind: 'demand', readingType: kW })).warnings).toEqual([]);
  });
});

describe('serial numbers', () => {
  it('match regardless of case, spaces and leading zeros', () => {
    expect(serialMatches('E3100004', ' e3100004 ')).toBe(true);
    expect(serialMatches('0012345', '12345')).toBe(true);
    expect(serialMatches('E3100004', 'E3100005')).toBe(false);
  });
});

describe('a read time before the last read', () => {
  it('asks for confirmation instead of computing a negative period', () => {
    const check = checkReading('1300', '2026-10-20T00:00:00.000Z', history());
    expect(check).toEqual({
      usage: null,
      warnings: [{ kind: 'readBeforeLastRead', lastReadAt: '2026-10-24T00:00:00.000Z', readAt: '2026-10-20T00:00:00.000Z' }],
      needsConfirmation: true,
    });
  });
});

describe('reads are reads everywhere (issue 20 §2)', () => {
  it('applies the register multiplier to the use before the range check', () => {
    // A CT meter (ratio 40): 10 dial kWh are 400 kWh, inside 30 days × 10 kWh/day × 0.5–2 = 150–600.
    const check = checkReading('1010', readAt, history({ multiplier: 40 }));
    expect(check).toEqual({ usage: '400', warnings: [], needsConfirmation: false });
    expect(checkReading('1100', readAt, history({ multiplier: 40 })).warnings[0]?.kind).toBe('highUsage');
  });

  it('applies the multiplier across a rollover, and a multiplier below one exactly', () => {
    const check = checkReading('120', readAt, history({ lastValue: '99850', multiplier: 0.5, averageDailyUse: 5 }));
    expect(check.warnings).toEqual([{ kind: 'rollover', previous: '99850', current: '120', usage: '135', dials: 5 }]);
  });

  it('scales the demand limit (kW) by the register unit and its multiplier', () => {
    expect(checkReading('2000', readAt, history({ kind: 'demand', readingType: W })).warnings).toEqual([]);
    expect(checkReading('600000', readAt, history({ kind: 'demand', readingType: W })).warnings).toEqual([
      { kind: 'implausibleDemand', value: '600000', max: 500000 },
    ]);
    expect(checkReading('20', readAt, history({ kind: 'demand', readingType: kW, multiplier: 40 })).warnings).toEqual([
      { kind: 'implausibleDemand', value: '800', max: 500 },
    ]);
    expect(checkReading('12', readAt, history({ kind: 'demand', readingType: kW, multiplier: 40 })).warnings).toEqual([]);
  });

  it('derives the kind from the ReadingType accumulation: power and voltage never roll over', () => {
    expect(registerKindOf('0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0')).toBe('cumulative');
    expect(registerKindOf(kW)).toBe('demand');
    expect(registerKindOf(powerKw)).toBe('instantaneous');
    expect(registerKindOf(voltageAN)).toBe('instantaneous');
    const lowerVoltage = checkReading(
      '229',
      readAt,
      history({ kind: registerKindOf(voltageAN), readingType: voltageAN, lastValue: '231', dials: 3 }),
    );
    expect(lowerVoltage).toEqual({ usage: null, warnings: [], needsConfirmation: false });
  });
});
