/**
 * The supervisor's dashboard (issue 10): progress per route, per technician and per day, readings
 * with warnings and the outbox backlog, as uPlot charts with the numbers in tables beside them.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../lib/format';
import { formatAmount } from '../meter/useWarningText';
import { followDashboard, useDashboardStore } from './dashboardStore';
import { StackedBars } from './StackedBars';
import { FarVisits } from './FarVisits';
import '../../styles/dashboard.css';

// High-contrast colours that stay apart for the common colour-vision deficiencies.
const COLOR = { done: '#0b6b2c', skipped: '#b35c00', toDo: '#8a94a3', pending: '#0a3d8f' } as const;

export function DashboardPanel() {
  const { t, i18n } = useTranslation();
  const board = useDashboardStore((s) => s.board);
  const error = useDashboardStore((s) => s.error);
  useEffect(() => followDashboard(), []);
  if (!board) return <p role="status">{error ?? t('dashboard.loading')}</p>;
  const format = (n: number) => formatAmount(n, i18n.language);
  const seg = (key: 'done' | 'skipped' | 'toDo', values: readonly number[]) => ({
    key,
    label: t(`dashboard.${key}`),
    color: COLOR[key],
    values,
  });
  const tile = (id: string, label: string, value: number) => (
    <div className="dashboard-tile">
      <span className="dashboard-number" data-testid={`dashboard-${id}`}>
        {format(value)}
      </span>
      <span>{label}</span>
    </div>
  );
  const { totals, routes, technicians, days, warnings, outbox } = board;
  const outboxKeys = ['pending', 'rejected', 'sent'] as const;
  return (
    <div className="dashboard" data-testid="dashboard">
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <section className="review-card dashboard-tiles" aria-label={t('dashboard.summary')}>
        {tile('done', t('dashboard.done'), totals.done)}
        {tile('skipped', t('dashboard.skipped'), totals.skipped)}
        {tile('to-do', t('dashboard.toDo'), totals.toDo)}
        {tile('warning-readings', t('dashboard.warningReadings'), warnings.readings)}
        {tile('to-review', t('dashboard.toReview'), warnings.toReview)}
        {tile('outbox-pending', t('dashboard.outboxPending'), outbox.pending)}
        {tile('outbox-rejected', t('dashboard.outboxRejected'), outbox.rejected)}
      </section>
      <div className="dashboard-grid">
        <StackedBars
          id="routes"
          title={t('dashboard.perRoute')}
          categoryHeader={t('dashboard.route')}
          empty={t('dashboard.none')}
          categories={routes.map((r) => r.route)}
          segments={[
            seg(
              'done',
              routes.map((r) => r.done),
            ),
            seg(
              'skipped',
              routes.map((r) => r.skipped),
            ),
            seg(
              'toDo',
              routes.map((r) => r.toDo),
            ),
          ]}
          tableOnly={[{ key: 'warnings', label: t('dashboard.withWarnings'), values: routes.map((r) => r.warnings) }]}
          format={format}
        />
        <StackedBars
          id="technicians"
          title={t('dashboard.perTechnician')}
          categoryHeader={t('dashboard.technician')}
          empty={t('dashboard.none')}
          categories={technicians.map((r) => r.technician)}
          segments={[
            seg(
              'done',
              technicians.map((r) => r.done),
            ),
            seg(
              'skipped',
              technicians.map((r) => r.skipped),
            ),
          ]}
          tableOnly={[{ key: 'warnings', label: t('dashboard.withWarnings'), values: technicians.map((r) => r.warnings) }]}
          format={format}
        />
        <StackedBars
          id="days"
          title={t('dashboard.perDay')}
          categoryHeader={t('dashboard.day')}
          empty={t('dashboard.none')}
          categories={days.map((d) => formatDay(d.day, i18n.language))}
          segments={[
            seg(
              'done',
              days.map((d) => d.done),
            ),
            seg(
              'skipped',
              days.map((d) => d.skipped),
            ),
          ]}
          tableOnly={[
            { key: 'warnings', label: t('dashboard.withWarnings'), values: days.map((d) => d.warnings) },
            { key: 'toDo', label: t('dashboard.leftToDo'), values: days.map((d) => d.toDo) },
          ]}
          format={format}
        />
        <StackedBars
          id="outbox"
          title={t('dashboard.outbox')}
          categoryHeader={t('dashboard.status')}
          empty={t('dashboard.none')}
          categories={outboxKeys.map((k) => t(`dashboard.outboxStatus.${k}`))}
          segments={[{ key: 'messages', label: t('dashboard.messages'), color: COLOR.pending, values: outboxKeys.map((k) => outbox[k]) }]}
          format={format}
        />
      </div>
      <FarVisits />
    </div>
  );
}
