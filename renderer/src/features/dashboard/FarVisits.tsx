/**
 * Readings saved farther from their stop than the map settings allow (issue 24 §4: a read typed
 * from the curb), for supervisors; refreshed with the dashboard whenever readings change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FarVisit } from '../../../../shared/contract/methods/map';
import { api, onTopics } from '../../api/client';
import { useProfile } from '../../app/appStore';
import { formatDateTime } from '../../lib/format';

export function FarVisits() {
  const { t, i18n } = useTranslation();
  const supervisor = useProfile()?.role === 'supervisor';
  const [visits, setVisits] = useState<FarVisit[] | null>(null);
  const [distance, setDistance] = useState<number | null>(null);

  useEffect(() => {
    if (!supervisor) return;
    const load = () => {
      void api['map.farVisits']({}).then((r) => r.ok && setVisits(r.value));
      void api['map.settings.get']({}).then((r) => r.ok && setDistance(r.value.farDistanceM));
    };
    load();
    return onTopics(['readings', 'stops', 'settings'], load);
  }, [supervisor]);

  if (!supervisor || !visits) return null;
  return (
    <section className="review-card" data-testid="far-visits" aria-labelledby="far-visits-title">
      <h3 id="far-visits-title">{t('map.farTitle')}</h3>
      {visits.length === 0 ? (
        <p className="muted">{t('map.farNone', { distance: distance ?? '' })}</p>
      ) : (
        <ul>
          {visits.map((v) => (
            <li key={v.readingSetId} data-testid="far-visit" data-usage-point={v.usagePointId}>
              {t('map.farRow', {
                sequence: v.sequence ?? '—',
                address: v.address,
                distance: v.distanceM,
                when: formatDateTime(v.readAt, i18n.language),
              })}
              {v.accuracyM !== null && ` ${t('map.farAccuracy', { accuracy: Math.round(v.accuracyM) })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
