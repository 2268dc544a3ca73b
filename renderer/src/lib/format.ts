/** Locale-correct display of meter values, dates and times (values stay exact decimal text). */
import { formatDecimal, separatorsFor } from '../../../shared/i18n/number';

export function formatValue(value: string, locale: string, decimals = 0): string {
  return formatDecimal(value, locale, decimals);
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "000000.0" in the locale: a hint of how many dials and decimals the register has. */
export function formatPattern(dials: number, decimals: number, locale: string): string {
  const whole = '0'.repeat(dials);
  return decimals ? `${whole}${separatorsFor(locale).decimal}${'0'.repeat(decimals)}` : whole;
}
