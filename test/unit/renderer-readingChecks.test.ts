/** The live check of one register: history warnings with numbers, and what confirms an out-of-range value. */
import { describe, expect, it } from 'vitest';
import type { Register } from '../../shared/contract/entities';
import { assessRegister, emptyEntry, reasonFor, type RegisterEntry } from '../../renderer/src/features/meter/readingChecks';

const register = (over: Partial<Register> = {}): Register => ({
  id: 1,
  readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0',
  label: 'Energy',
  unit: 'kWh',
  dials: 6,
  decimals: 0,
  multiplier: 1,
  kind: 'cumulative',
  lastValue: '13000',
  lastReadAt: '2026-10-01T08:00:00Z',
  averageDailyUse: 10,
  ...over,
});
const now = '2026-10-31T08:00:00Z'; // 30 days later: expected 150–600 kWh
const label = (code: string) => `label:${code}`;
const entry = (over: Partial<RegisterEntry>): RegisterEntry => ({ ...emptyEntry, ...over });

describe('assessRegister', () => {
  it('passes a value inside the expected range with its use', () => {
    const a = assessRegister(register(), entry({ text: '13300' }), 'en', now, label);
    expect(a).toMatchObject({ value: '13300', usage: '300', warnings: [], needsConfirmation: false, confirmation: null });
  });

  it('warns of high use with the numbers and needs a confirmation', () => {
    const a = assessRegister(register(), entry({ text: '13900' }), 'en', now, label);
    expect(a.warnings).toEqual([{ kind: 'highUsage', usage: '900', days: 30, expectedLow: 150, expectedHigh: 600 }]);
    expect(a.needsConfirmation).toBe(true);
    expect(a.confirmation).toBeNull();
  });

  it('is confirmed by typing the same value again, in any spelling of the locale', () => {
    expect(assessRegister(register(), entry({ text: '13900', again: '13,900' }), 'en', now, label)).toMatchObject({
      again: 'match',
      confirmation: { method: 'reentered' },
    });
    expect(assessRegister(register(), entry({ text: '13900', again: '13990' }), 'en', now, label)).toMatchObject({
      again: 'mismatch',
      confirmation: null,
    });
    expect(assessRegister(register(), entry({ text: '13900', again: '13x' }), 'en', now, label)).toMatchObject({
      again: 'invalid',
      confirmation: null,
    });
  });

  it('is confirmed with a reason: a chosen one, with or without own words; "other" needs words', () => {
    expect(assessRegister(register(), entry({ text: '13900', reasonCode: 'seasonal' }), 'en', now, label).confirmation).toEqual({
      method: 'reason',
      reason: 'label:seasonal',
    });
    expect(reasonFor(entry({ reasonCode: 'seasonal', reasonText: 'pool heater' }), label)).toBe('label:seasonal: pool heater');
    expect(reasonFor(entry({ reasonCode: 'other', reasonText: 'ok' }), label)).toBeNull();
    expect(reasonFor(entry({ reasonCode: 'other', reasonText: 'sauna built' }), label)).toBe('sauna built');
  });

  it('takes a rollover as a note that needs nothing', () => {
    const a = assessRegister(register({ dials: 5, lastValue: '99850' }), entry({ text: '120' }), 'en', now, label);
    expect(a.warnings).toEqual([{ kind: 'rollover', previous: '99850', current: '120', usage: '270', dials: 5 }]);
    expect(a.needsConfirmation).toBe(false);
  });

  it('refuses a negative value or letters at the field', () => {
    expect(assessRegister(register(), entry({ text: '-5' }), 'en', now, label).problem).toEqual({ kind: 'negative' });
    expect(assessRegister(register(), entry({ text: '12a' }), 'en', now, label).problem).toEqual({ kind: 'notANumber' });
  });

  it('follows the server when it answered NEEDS_CONFIRMATION for a value the local check passed', () => {
    const server = [{ kind: 'highUsage' as const, usage: '300', days: 30, expectedLow: 100, expectedHigh: 200 }];
    const a = assessRegister(register(), entry({ text: '13300' }), 'en', now, label, server);
    expect(a.warnings).toEqual(server);
    expect(a.needsConfirmation).toBe(true);
  });
});
