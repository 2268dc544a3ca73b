/**
 * The meter clock's time basis (per model: UTC, local standard time, local time with DST) around
 * the Europe/Berlin changes of 2026 (EU Directive 2000/84/EC: last Sunday of March and of October at
 * 01:00 UTC): 29 March 02:00 CET → 03:00 CEST, 25 October 03:00 CEST → 02:00 CET.
 */
import { describe, expect, it } from 'vitest';
import { meterClockEpoch, meterClockFields } from '../../../shared/iec62056';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const hms = (f: { hour: number; minute: number; second: number }) =>
  [f.hour, f.minute, f.second].map((n) => String(n).padStart(2, '0')).join(':');

describe('meter clock time basis', () => {
  it('spring forward: a DST meter goes from 01:59:59 to 03:00:00; a standard-time meter to 02:00:00; UTC stays UTC', () => {
    expect(hms(meterClockFields(at('2026-03-29T00:59:59Z'), 'localDst', BERLIN))).toBe('01:59:59');
    expect(hms(meterClockFields(at('2026-03-29T01:00:00Z'), 'localDst', BERLIN))).toBe('03:00:00');
    expect(hms(meterClockFields(at('2026-03-29T01:00:00Z'), 'localStandard', BERLIN))).toBe('02:00:00');
    expect(hms(meterClockFields(at('2026-03-29T01:00:00Z'), 'utc', BERLIN))).toBe('01:00:00');
  });

  it('summer: local standard time stays one hour behind local time', () => {
    expect(hms(meterClockFields(at('2026-07-01T12:00:00Z'), 'localStandard', BERLIN))).toBe('13:00:00');
    expect(hms(meterClockFields(at('2026-07-01T12:00:00Z'), 'localDst', BERLIN))).toBe('14:00:00');
  });

  it('fall back: 02:30 shown twice by a DST meter is read as the instant nearer the read', () => {
    const shown = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 };
    expect(new Date(meterClockEpoch(shown, 'localDst', BERLIN, at('2026-10-25T00:31:00Z'))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(meterClockEpoch(shown, 'localDst', BERLIN, at('2026-10-25T01:29:00Z'))).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(new Date(meterClockEpoch(shown, 'localStandard', BERLIN, at('2026-10-25T00:31:00Z'))).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('round trip across both changes, every 10 minutes, for each basis', () => {
    for (const start of ['2026-03-28T22:00:00Z', '2026-10-24T22:00:00Z']) {
      for (let t = at(start); t < at(start) + 6 * 3_600_000; t += 600_000) {
        for (const basis of ['utc', 'localStandard', 'localDst'] as const) {
          expect(
            meterClockEpoch(meterClockFields(t, basis, BERLIN), basis, BERLIN, t + 60_000),
            `${basis} ${new Date(t).toISOString()}`,
          ).toBe(t);
        }
      }
    }
  });
});
