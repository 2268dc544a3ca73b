/**
 * A reading warning in the UI language, with its numbers in the locale's format. The shapes
 * are the ones shared/domain/readingValidation produces and the server saves; the English
 * text of shared/domain/readingWarnings is for logs and error messages, this is for people.
 */
import { useTranslation } from 'react-i18next';
import type { ReadingWarningShape } from '../../../../shared/contract/entities';
import { formatDecimal } from '../../../../shared/i18n/number';
import { formatDateTime } from '../../lib/format';

/** Whole numbers from 10 up (an expected 153.25 kWh reads as 153), one decimal below. */
export function formatAmount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(n) >= 10 ? 0 : 1 }).format(n);
}

export function useWarningText(locale: string) {
  const { t } = useTranslation();
  const dec = (text: string) => formatDecimal(text, locale);
  const days = (d: number) => ({ count: Math.max(1, Math.round(d)) });
  return (w: ReadingWarningShape, unit: string): string => {
    switch (w.kind) {
      case 'highUsage':
      case 'lowUsage':
        return t(`warnings.${w.kind}`, {
          usage: dec(w.usage),
          unit,
          ...days(w.days),
          low: formatAmount(w.expectedLow, locale),
          high: formatAmount(w.expectedHigh, locale),
        });
      case 'zeroUsage':
        return t('warnings.zeroUsage', { previous: dec(w.previous), ...days(w.days) });
      case 'rollover':
        return t('warnings.rollover', { previous: dec(w.previous), current: dec(w.current), usage: dec(w.usage), unit, dials: w.dials });
      case 'lowerThanPrevious':
        return t('warnings.lowerThanPrevious', { previous: dec(w.previous), current: dec(w.current) });
      case 'implausibleDemand':
        return t('warnings.implausibleDemand', { value: dec(w.value), unit, max: formatAmount(w.max, locale) });
      case 'serialMismatch':
        return t('warnings.serialMismatch', { expected: w.expected, observed: w.observed });
      case 'readBeforeLastRead':
        return t('warnings.readBeforeLastRead', { last: formatDateTime(w.lastReadAt, locale), now: formatDateTime(w.readAt, locale) });
    }
  };
}
