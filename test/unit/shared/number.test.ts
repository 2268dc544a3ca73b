import { describe, expect, it } from 'vitest';
import { formatDecimal, parseLocaleDecimal, separatorsFor } from '../../../shared/i18n/number';

describe('locale-correct number input', () => {
  it('knows the separators of English and German', () => {
    expect(separatorsFor('en')).toEqual({ group: ',', decimal: '.' });
    expect(separatorsFor('de')).toEqual({ group: '.', decimal: ',' });
  });

  it.each([
    ['de', '1.234,5', '1234.5'],
    ['de', '1234,5', '1234.5'],
    ['de', '12.345.678', '12345678'],
    ['de', '0,50', '0.5'],
    ['en', '1,234.5', '1234.5'],
    ['en', '1234.5', '1234.5'],
    ['en', '00120', '120'],
  ])('%s: %s → %s', (locale, input, expected) => expect(parseLocaleDecimal(input, locale)).toBe(expected));

  it.each([
    ['de', '1,234.5'], // English grouping typed into a German form is ambiguous: refuse
    ['de', '1.23,4'], // groups must be three digits
    ['en', '1.234,5'],
    ['en', '12,34'],
    ['en', ''],
    ['en', '-5'],
  ])('%s: refuses %j', (locale, input) => expect(parseLocaleDecimal(input, locale)).toBeNull());

  it('formats canonical decimals in the locale without losing digits', () => {
    expect(formatDecimal('1234567.125', 'de')).toBe('1.234.567,125');
    expect(formatDecimal('1234.5', 'en', 2)).toBe('1,234.50');
    expect(formatDecimal('12', 'de')).toBe('12');
    // more digits than a double holds exactly
    expect(formatDecimal('123456789012345.123456', 'en')).toBe('123,456,789,012,345.123456');
  });
});
