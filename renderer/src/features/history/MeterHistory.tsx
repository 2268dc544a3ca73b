/**
 * The meter's last visits: a table (date in the device's time zone, value per register, use
 * since the previous visit, warning and confirmation marks) and a chart of use per visit.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterDetail, Reading } from '../../../../shared/contract/entities';
import { api } from '../../api/client';
import { formatDateTime, formatTime, formatValue } from '../../lib/format';
import { warningNeedsConfirmation } from '../meter/readingChecks';
import { useWarningText } from '../meter/useWarningText';
import { historyRows, usePoints, type HistoryCell } from './history';
import { useRegisterName } from '../../lib/registerName';
import { MeterEvents } from './MeterEvents';
import { OfficeReadings } from './OfficeReadings';
import { ProbeTranscripts } from './ProbeTranscripts';

/** The chart library (uPlot) loads with the first history shown, not with the app. */
const ConsumptionChart = lazy(() => import('./ConsumptionChart').then((m) => ({ default: m.ConsumptionChart })));

const LIMIT = 50;
const SHOWN_ROWS = 10;

export function MeterHistory({ detail, locale }: { detail: MeterDetail; locale: string }) {
  const { t } = useTranslation();
  const nameOf = useRegisterName();
  const warningText = useWarningText(locale);
  const [readings, setReadings] = useState<Reading[] | null>(null);

  // `detail` is a new object after every save or skip of this meter: the history refetches.
  useEffect(() => {
    let live = true;
    void api['readings.list']({ usagePointId: detail.usagePointId, limit: LIMIT }).then((r) => live && setReadings(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [detail]);

  const rows = useMemo(() => historyRows(readings ?? [], detail.registers), [readings, detail.registers]);
  if (readings === null) return null;

  // Visits on one day are told apart by their time.
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(iso));
  const sameDay = new Set(rows.map((r) => day(r.readAt))).size < rows.length;
  const shortDate = (iso: string) => (sameDay ? `${day(iso)} ${formatTime(iso, locale)}` : day(iso));
  const mark = (cell: HistoryCell, unit: string) => {
    const titles = cell.warnings.map((w) => warningText(w, unit));
    if (cell.reason) titles.push(t('history.reason', { reason: cell.reason }));
    if (cell.confirmed === 'reentered') titles.push(t('history.reentered'));
    const strong = cell.warnings.some(warningNeedsConfirmation);
    if (!titles.length) return null;
    return (
      <span
        className={`history-mark ${strong ? 'strong' : 'note'}`}
        title={titles.join('\n')}
        data-testid="history-mark"
        data-kinds={cell.warnings.map((w) => w.kind).join(' ')}
      >
        {strong ? '!' : 'i'}
      </span>
    );
  };

  return (
    <>
      <section className="meter-history" aria-labelledby="history-title" data-testid="meter-history" data-count={rows.length}>
        <h3 id="history-title" className="section-title">
          {t('history.title')}
        </h3>
        {rows.length === 0 ? (
          <p className="muted" data-testid="history-empty">
            {t('history.none')}
          </p>
        ) : (
          <>
            {usePoints(rows, detail.registers) > 0 ? (
              <>
                <p className="chart-caption">
                  {t('history.chartCaption', { unit: detail.registers.find((r) => r.kind === 'cumulative')?.unit ?? '' })}
                </p>
                <Suspense fallback={null}>
                  <ConsumptionChart
                    rows={rows}
                    registers={detail.registers}
                    locale={locale}
                    label={t('history.chartLabel')}
                    shortDate={shortDate}
                  />
                </Suspense>
              </>
            ) : (
              // One visit has no use yet: say what there is, rather than an empty chart.
              <p className="chart-caption" data-testid="history-no-use">
                {t('history.noUseYet', { count: rows.length, date: formatDateTime(rows[0]!.readAt, locale) })}
              </p>
            )}
            <table className="history-table" data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('history.date')}</th>
                  {detail.registers.map((r) => (
                    <th key={r.id} scope="col">
                      {nameOf(r.label, r.readingType)}
                      <span className="th-sub">{t('history.valueAndUse', { unit: r.unit })}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, SHOWN_ROWS).map((row) => (
                  <tr key={row.readingSetId} data-testid="history-row">
                    <td>{formatDateTime(row.readAt, locale)}</td>
                    {detail.registers.map((r) => {
                      const cell = row.cells[r.id];
                      return (
                        <td key={r.id} className="num">
                          {cell ? (
                            <>
                              {formatValue(cell.value, locale, r.decimals)} {mark(cell, r.unit)}
                              <span className="history-use" data-testid="history-use">
                                {cell.usage !== null ? `+${formatValue(cell.usage, locale)}` : '—'}
                              </span>
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <OfficeReadings usagePointId={detail.usagePointId} locale={locale} />
      <MeterEvents usagePointId={detail.usagePointId} locale={locale} />
      <ProbeTranscripts usagePointId={detail.usagePointId} locale={locale} />
    </>
  );
}
