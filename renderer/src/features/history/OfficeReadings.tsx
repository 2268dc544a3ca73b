/**
 * The meter's validated history as the office's MDM sent it (inbound MeterReadings, issue 19 §4),
 * one row per value, newest first: when, which register, the value with its unit in words, the
 * MDM's ReadingQuality in words (IEC 61968-9 `system.category.index`, NOTES.md §8) and that the
 * office reported it — kept apart from what was read in the field, as MeterEvents keeps events.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { describeReadingType } from '../../../../shared/cim/readingType';
import { isReadingQualityCode } from '../../../../shared/cim/readingQuality';
import { api } from '../../api/client';
import { formatDateTime, formatValue } from '../../lib/format';
import { useRegisterName } from '../../lib/registerName';
import { useListOnTopics } from '../../lib/useListOnTopics';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';

type OfficeReading = MethodOutput<'enterpriseReadings.list'>[number];
const READINGS = ['readings'] as const;

/** Translation key of a unit symbol ("m³" → "m3"); symbols without a key are shown as they are. */
const unitKey = (symbol: string) => symbol.replace('³', '3');

export function OfficeReadings({ usagePointId, locale }: { usagePointId: string; locale: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = useRegisterName();
  // An import from the enterprise (or a sync that asked for the history) stores them: refetch on its topic.
  const readings: OfficeReading[] = useListOnTopics(
    useCallback(() => api['enterpriseReadings.list']({ usagePointId }), [usagePointId]),
    READINGS,
  );

  // Looked up in the catalog of the language shown (as registerName.ts does): the keys come from the codes.
  const words = (i18n.language === 'de' ? de : en).history.office;
  const units: Readonly<Record<string, string>> = words.unit;
  const unitWords = (symbol: string) => units[unitKey(symbol)] ?? symbol;
  /** "estimated (MDM)": the index where the catalog names it, else the category; the system that set it. */
  const qualityWords = (code: string) => {
    if (!isReadingQualityCode(code)) return code;
    const [system, category, index] = code.split('.');
    const indexes: Readonly<Record<string, string>> = words.quality.index;
    const categories: Readonly<Record<string, string>> = words.quality.category;
    const systems: Readonly<Record<string, string>> = words.quality.system;
    const what = indexes[`c${category}_${index}`] ?? categories[`c${category}`] ?? code;
    const by = systems[`s${system}`];
    return by ? t('history.office.quality.words', { what, system: by }) : what;
  };

  if (readings.length === 0) return null;
  return (
    <section className="meter-history" aria-labelledby="office-readings-title" data-testid="office-readings">
      <h3 id="office-readings-title" className="section-title">
        {t('history.office.title')}
      </h3>
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">{t('history.office.when')}</th>
            <th scope="col">{t('history.office.register')}</th>
            <th scope="col">{t('history.office.value')}</th>
            <th scope="col">{t('history.office.quality.title')}</th>
            <th scope="col">{t('history.office.source')}</th>
          </tr>
        </thead>
        <tbody>
          {readings.map((r) => {
            const unit = describeReadingType(r.readingType)?.unit ?? '';
            return (
              <tr key={r.id} data-testid="office-reading" data-reading-type={r.readingType}>
                <td>{formatDateTime(r.readAt, locale)}</td>
                <td>{nameOf(r.label, r.readingType)}</td>
                <td className="num">
                  <span data-testid="office-reading-value">{formatValue(r.value, locale, r.value.split('.')[1]?.length ?? 0)}</span>{' '}
                  <span data-testid="office-reading-unit">{unitWords(unit)}</span>
                </td>
                <td data-testid="office-reading-quality">
                  {r.qualities.length === 0 ? t('history.office.quality.none') : r.qualities.map(qualityWords).join(', ')}{' '}
                  {r.qualities.length > 0 && <small className="muted">{r.qualities.join(' ')}</small>}
                </td>
                <td>{t('history.events.fromOffice')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
