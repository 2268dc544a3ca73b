/**
 * The meter's events in its history (issue 19 §4): those read at the meter and those the
 * enterprise reported, in words — the code named through the integration profile's code table on
 * the Node side — with the EndDeviceEventType code small beside, newest first.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { useListOnTopics } from '../../lib/useListOnTopics';

type MeterEvent = MethodOutput<'meterEvents.list'>[number];
const READINGS = ['readings'] as const;

export function MeterEvents({ usagePointId, locale }: { usagePointId: string; locale: string }) {
  const { t } = useTranslation();
  // An import from the enterprise or a probe read at this meter stores events: refetch on their topic.
  const events: MeterEvent[] = useListOnTopics(
    useCallback(() => api['meterEvents.list']({ usagePointId }), [usagePointId]),
    READINGS,
  );

  if (events.length === 0) return null;
  return (
    <section className="meter-history" aria-labelledby="meter-events-title" data-testid="meter-events">
      <h3 id="meter-events-title" className="section-title">
        {t('history.events.title')}
      </h3>
      <ul className="profile-list">
        {events.map((e) => (
          <li key={e.id} data-testid="meter-event" data-event-type={e.eventType}>
            {formatDateTime(e.createdAt, locale)} ·{' '}
            <span data-testid="meter-event-words">
              {e.name
                ? t(`history.events.name.${e.name}`)
                : e.alarm
                  ? t(`history.events.mbusAlarm.${e.alarm}`)
                  : t('history.events.unknown')}
            </span>{' '}
            <small className="muted" data-testid="meter-event-code">
              {e.eventType}
            </small>
            {e.fromEnterprise && <> · {t('history.events.fromOffice')}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
