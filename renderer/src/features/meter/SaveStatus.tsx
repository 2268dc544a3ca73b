/**
 * What just happened on the walk: "Stop 4 saved at 10:02" (or skipped), shown on that stop and on
 * the one the walk opened next — never on a stop opened from the list later, nor on another route.
 */
import { useTranslation } from 'react-i18next';
import type { MeterDetail } from '../../../../shared/contract/entities';
import { formatTime } from '../../lib/format';
import { lastSavedBelongsTo, useMeterStore } from './meterStore';

export function SaveStatus({ detail, locale }: { detail: MeterDetail; locale: string }) {
  const { t } = useTranslation();
  const last = useMeterStore((s) => s.lastSaved);
  if (!last || !lastSavedBelongsTo(last, detail)) return null;
  const time = formatTime(last.readAt, locale);
  const here = last.usagePointId === detail.usagePointId;
  const text =
    last.kind === 'skipped'
      ? t(here ? 'reading.skippedHere' : 'reading.skippedStop', { sequence: last.sequence, time })
      : t(here ? 'reading.savedAt' : 'reading.savedStop', { sequence: last.sequence, time });
  return (
    <p
      className={last.kind === 'skipped' ? 'success skipped' : 'success'}
      role="status"
      data-testid="save-status"
      data-kind={last.kind}
      data-sequence={last.sequence}
    >
      {last.kind === 'skipped' ? '⤼' : '✓'} {text}
    </p>
  );
}
