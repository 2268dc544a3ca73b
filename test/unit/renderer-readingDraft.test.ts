/** What a person types into a register, checked in their language before anything is sent. */
import { describe, expect, it } from 'vitest';
import type { Register } from '../../shared/contract/entities';
import { checkDraft, checkDraftValue } from '../../renderer/src/features/meter/readingDraft';
import { formatPattern, formatTime } from '../../renderer/src/lib/format';

const register = (id: number, dials: number, decimals: number): Register => ({
  id,
  readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0',
  label: `R${id}`,
  unit: 'kWh',
  dials,
  decimals,
  multiplier: 1,
  lastValue: null,
  lastReadAt: null,
  kind: 'cumulative',
  averageDailyUse: null,
});

describe('checkDraftValue', () => {
  it('reads German and English input into canonical decimal text', () => {
    expect(checkDraftValue('1.234,5', register(1, 5, 3), 'de')).toEqual({ value: '1234.5' });
    expect(checkDraftValue('1,234.5', register(1, 5, 3), 'en')).toEqual({ value: '1234.5' });
    expect(checkDraftValue(' 007 ', register(1, 6, 0), 'en')).toEqual({ value: '7' });
  });

  it('names the problem with its numbers', () => {
    expect(checkDraftValue('', register(1, 6, 0), 'en')).toEqual({ problem: { kind: 'empty' } });
    expect(checkDraftValue('12a', register(1, 6, 0), 'en')).toEqual({ problem: { kind: 'notANumber' } });
    expect(checkDraftValue('1234.5', register(1, 6, 1), 'de')).toEqual({ problem: { kind: 'notANumber' } });
    expect(checkDraftValue('12345678', register(1, 6, 0), 'en')).toEqual({ problem: { kind: 'tooManyDials', digits: 8, dials: 6 } });
    expect(checkDraftValue('1,25', register(1, 6, 1), 'de')).toEqual({ problem: { kind: 'tooManyDecimals', digits: 2, decimals: 1 } });
  });
});

describe('checkDraft', () => {
  it('needs a value for every register of the visit', () => {
    const registers = [register(1, 6, 1), register(2, 6, 1)];
    expect(checkDraft(registers, { 1: '12,5', 2: '3' }, 'de')).toEqual({
      ok: true,
      values: [
        { registerId: 1, value: '12.5' },
        { registerId: 2, value: '3' },
      ],
    });
    const missing = checkDraft(registers, { 1: '12.5' }, 'en');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect([...missing.problems]).toEqual([[2, { kind: 'empty' }]]);
  });
});

describe('formatPattern', () => {
  it('shows the dials and decimals in the locale', () => {
    expect(formatPattern(6, 1, 'en')).toBe('000000.0');
    expect(formatPattern(5, 3, 'de')).toBe('00000,000');
    expect(formatPattern(6, 0, 'de')).toBe('000000');
  });
});

describe('formatTime', () => {
  it('writes a time after midnight as the locale does: 00:14 in German, 12:14 AM in American English', () => {
    // A local time, as the screen shows it (the test's time zone is the machine's).
    const justAfterMidnight = new Date(2026, 11, 2, 0, 14).toISOString();
    expect(formatTime(justAfterMidnight, 'de')).toBe('00:14');
    expect(formatTime(justAfterMidnight, 'en-US')).toMatch(/^12:14\sAM$/);
  });
});
