/** Locale-correct display of meter values, dates and times (values stay exact decimal text). */
import { useTranslation } from 'react-i18next';
import { formatDecimal, separatorsFor } from '../../../shared/i18n/number';

export function formatValue(value: string, locale: string, decimals = 0): string {
  return formatDecimal(value, locale, decimals);
}

/** German `06.12.2026`, English `Dec 6, 2026`. */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** German `06.12.2026, 22:34`, English `Dec 6, 2026, 10:34 PM`. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar day (`2026-12-06`, as a date input holds it) in the locale, without shifting it by the time zone. */
export function formatDay(day: string, locale: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
    : day;
}

/**
 * The meter's own clock as it reported it, `YY-MM-DD hh:mm:ss` (IEC 62056-21 registers 0.9.2
 * date and 0.9.1 time, read in the meter's local time with no zone), in the locale. The fields
 * are shown as the meter has them, never shifted to this device's zone; text that is not such a
 * clock is shown as it came.
 */
export function formatMeterClock(text: string, locale: string): string {
  const m = /^(\d{2}|\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return text;
  const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const at = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (Number.isNaN(at.getTime()) || at.getUTCDate() !== Number(m[3])) return text;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** The formatters in the UI language: the one place screens take dates and times from. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    date: (iso: string) => formatDate(iso, locale),
    time: (iso: string) => formatTime(iso, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    day: (day: string) => formatDay(day, locale),
    meterClock: (text: string) => formatMeterClock(text, locale),
  };
}

/** "000000.0" in the locale: a hint of how many dials and decimals the register has. */
export function formatPattern(dials: number, decimals: number, locale: string): string {
  const whole = '0'.repeat(dials);
  return decimals ? `${whole}${separatorsFor(locale).decimal}${'0'.repeat(decimals)}` : whole;
}
