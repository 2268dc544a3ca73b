import { describe, expect, it } from 'vitest';
import { add, compare, fromScaled, subtract, toScaled } from '../../../shared/domain/decimal';
import { checkReading, serialMatches, type RegisterHistory } from '../../../shared/domain/readingValidation';

const history = (over: Partial<RegisterHistory> = {}): RegisterHistory => ({
  dials: 5,
  kind: 'cumulative',
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
    expect(checkReading('20000', readAt, history({ lastValue: '99850', averageDailyUse: null })).warnings[0]?.kind).toBe('lowerThanPrevious');
  });

  it('has nothing to compare on a first read', () => {
    expect(checkReading('5', readAt, history({ lastValue: null, lastReadAt: null }))).toEqual({ usage: null, warnings: [], needsConfirmation: false });
  });

  it('flags implausible demand', () => {
    const check = checkReading('812.5', readAt, history({ kind: 'demand' }));
    expect(check.warnings).toEqual([{ kind: 'implausibleDemand', value: '812.5', max: 500 }]);
    expect(checkReading('12.5', readAt, history({ kind: 'demand' })).warnings).toEqual([]);
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
