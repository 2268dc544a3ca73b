/** Header badge (issue 7): online or offline, how many items wait, when the last sync succeeded. Opens the Sync section. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../../lib/format';
import { useNavStore } from '../../app/navStore';
import { useSyncStore, wireSyncStore } from './syncStore';
import { useBackgroundSync } from './useBackgroundSync';
import '../../styles/sync.css';

export function formatWhen(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? formatTime(iso, locale) : formatDateTime(iso, locale);
}

export function SyncBadge() {
  const { t, i18n } = useTranslation();
  useEffect(wireSyncStore, []);
  const browserOnline = useBackgroundSync();
  const status = useSyncStore((s) => s.status);
  const select = useNavStore((s) => s.selectSection);
  // Offline when the browser says so or the last run could not reach the enterprise.
  const online = browserOnline && status?.online !== false;
  const when = formatWhen(status?.lastSuccessAt ?? null, i18n.language);
  return (
    <button
      type="button"
      className={`sync-badge ${online ? 'online' : 'offline'}`}
      data-testid="sync-badge"
      data-online={online}
      data-pending={status?.pending ?? 0}
      onClick={() => select('sync')}
      title={t('sync.badgeTitle')}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span>{online ? t('sync.online') : t('sync.offline')}</span>
      <span className="sync-badge-count" data-testid="sync-badge-pending">
        {status?.running ? t('sync.syncing') : t('sync.pending', { count: status?.pending ?? 0 })}
      </span>
      {status && status.rejected > 0 && (
        <span className="sync-badge-rejected" data-testid="sync-badge-rejected">
          {t('sync.rejectedShort', { count: status.rejected })}
        </span>
      )}
      <span className="sync-badge-when">{when ? t('sync.lastSuccess', { when }) : t('sync.neverSynced')}</span>
    </button>
  );
}
