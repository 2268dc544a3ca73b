/** Before the reading form: hazards and access notes, large, and the last skip if there was one. */
import { useTranslation } from 'react-i18next';
import type { MeterDetail } from '../../../../shared/contract/entities';
import { skipCodeLabel } from '../../i18n/catalog';
import { formatDateTime } from '../../lib/format';
import { HazardIcon } from '../meters/HazardIcon';

export function MeterBanner({ detail, locale }: { detail: MeterDetail; locale: string }) {
  const { t } = useTranslation();
  const { hazards, accessNotes, lastSkip } = detail;
  return (
    <>
      {(hazards.length > 0 || accessNotes.trim()) && (
        <div className={`access-banner${hazards.length ? ' danger' : ''}`} role="note" data-testid="access-banner">
          {hazards.length > 0 && (
            <ul className="hazard-list" aria-label={t('hazards.title')}>
              {hazards.map((h) => (
                <li key={h} className="hazard" data-testid="hazard" data-hazard={h}>
                  <HazardIcon hazard={h} size={26} />
                  <span>{t(`hazards.${h}`)}</span>
                </li>
              ))}
            </ul>
          )}
          {accessNotes.trim() && (
            <p className="access-notes" data-testid="access-notes">
              <strong>{t('hazards.accessNotes')}:</strong> {accessNotes}
            </p>
          )}
        </div>
      )}
      {detail.readRequestedAt && (
        <p className="last-skip read-request-banner" role="note" data-testid="read-request-banner">
          {t('sync.readRequestBanner', { date: formatDateTime(detail.readRequestedAt, locale) })}
        </p>
      )}
      {(detail.controlsRequested?.length ?? 0) > 0 && (
        <p className="last-skip read-request-banner" role="note" data-testid="control-request-banner">
          {t('sync.controlRequestBanner', { controls: detail.controlsRequested!.map((c) => t(`optical.program.${c}`)).join(', ') })}
        </p>
      )}
      {lastSkip && (
        <p className="last-skip" data-testid="last-skip">
          ⤼ {t('skip.lastSkip', { reason: skipCodeLabel(lastSkip.code, lastSkip.code), date: formatDateTime(lastSkip.skippedAt, locale) })}
          {lastSkip.note && <> — {lastSkip.note}</>}
        </p>
      )}
    </>
  );
}
