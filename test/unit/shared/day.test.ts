/** Days typed in the user's own format (German TT.MM.JJJJ), stored as ISO 8601. */
import { describe, expect, it } from 'vitest';
import { dayPattern, formatDay, parseDay } from '../../../shared/i18n/day';

describe('days in the user’s format', () => {
  it('takes order and separator from the locale', () => {
    expect(dayPattern('de-DE')).toEqual({ order: ['day', 'month', 'year'], separator: '.' });
    expect(dayPattern('en-US').order).toEqual(['month', 'day', 'year']);
    expect(formatDay('2026-12-07', 'de-DE')).toBe('07.12.2026');
    expect(formatDay('2026-12-07', 'en-GB')).toBe('07/12/2026');
  });

  it('reads German days, with short parts and other separators, into ISO', () => {
    expect(parseDay('07.12.2026', 'de-DE')).toBe('2026-12-07');
    expect(parseDay('7.12.2026', 'de-DE')).toBe('2026-12-07');
    expect(parseDay(' 7 12 2026 ', 'de-DE')).toBe('2026-12-07');
    expect(parseDay('12/07/2026', 'en-US')).toBe('2026-12-07');
  });

  it('refuses what is no day: 31 February, a two-digit year, the wrong order, words', () => {
    expect(parseDay('31.02.2026', 'de-DE')).toBeNull();
    expect(parseDay('07.12.26', 'de-DE')).toBeNull();
    expect(parseDay('2026.12.07', 'de-DE')).toBeNull();
    expect(parseDay('heute', 'de-DE')).toBeNull();
    expect(parseDay('13/25/2026', 'en-US')).toBeNull();
  });
});
