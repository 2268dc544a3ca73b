/** Sync now, its progress and Cancel (issue 7): the run happens on the Node side; this follows its events. */
import { useTranslation } from 'react-i18next';
import { formatWhen } from './SyncBadge';
import { syncStopText } from './stopText';
import { useSyncStore } from './syncStore';

export function SyncControls() {
  const { t, i18n } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const progress = useSyncStore((s) => s.progress);
  const finished = useSyncStore((s) => s.lastFinished);
  const error = useSyncStore((s) => s.error);
  const run = useSyncStore((s) => s.run);
  const cancel = useSyncStore((s) => s.cancel);
  const running = status?.running ?? false;
  const total = progress ? progress.accepted + progress.rejected + progress.pending : 0;
  // A screen opened after a run stopped (background sync, the CLI, an earlier session) says why nothing went out.
  const lastStop = !running && !finished && !error ? (status?.lastStop ?? null) : null;
  const peerText = running ? undefined : (finished?.stopped?.peerText ?? lastStop?.peerText);
  return (
    <section className="sync-card" aria-labelledby="sync-now-title">
      <h2 id="sync-now-title">{t('sync.outbox')}</h2>
      <dl className="sync-counts">
        <div>
          <dt>{t('sync.pendingLabel')}</dt>
          <dd data-testid="sync-pending">{status?.pending ?? 0}</dd>
        </div>
        <div>
          <dt>{t('sync.heldLabel')}</dt>
          <dd data-testid="sync-held">{status?.held ?? 0}</dd>
        </div>
        <div>
          <dt>{t('sync.rejectedLabel')}</dt>
          <dd data-testid="sync-rejected-count">{status?.rejected ?? 0}</dd>
        </div>
        <div>
          <dt>{t('sync.sentLabel')}</dt>
          <dd data-testid="sync-sent">{status?.sent ?? 0}</dd>
        </div>
      </dl>
      <div className="sync-actions">
        <button type="button" className="button primary" data-testid="sync-now" disabled={running} onClick={() => void run('user')}>
          {t('sync.now')}
        </button>
        <button type="button" className="button" data-testid="sync-cancel" disabled={!running} onClick={() => void cancel()}>
          {t('sync.cancel')}
        </button>
      </div>
      {running && (
        <div className="sync-progress" data-testid="sync-progress" role="status">
          <progress max={Math.max(total, 1)} value={progress ? progress.accepted + progress.rejected : 0} />
          <span>{progress ? t('sync.progress', { done: progress.accepted + progress.rejected, total }) : t('sync.starting')}</span>
        </div>
      )}
      <p className="sync-result" data-testid="sync-result" role="status">
        {error ??
          (finished && !running
            ? finished.stopped
              ? finished.stopped.code === 'CANCELLED'
                ? t('sync.stoppedCancelled')
                : t('sync.stopped', { message: syncStopText(finished.stopped) })
              : t('sync.done', { accepted: finished.summary?.accepted ?? 0, rejected: finished.summary?.rejected ?? 0 })
            : '')}
      </p>
      {lastStop && (
        <p className="sync-result" data-testid="sync-last-stop" role="status">
          {lastStop.code === 'CANCELLED'
            ? t('sync.lastStoppedCancelled', { when: formatWhen(status?.lastStopAt ?? null, i18n.language) ?? '' })
            : t('sync.lastStopped', {
                when: formatWhen(status?.lastStopAt ?? null, i18n.language) ?? '',
                message: syncStopText(lastStop),
              })}
        </p>
      )}
      {/* The other side's own words, small and marked as theirs: for whoever must quote them to the office. */}
      {peerText && (
        <p className="sync-peer-words" data-testid="sync-peer-words">
          <small>
            {t('sync.peerSaid')} <q translate="no">{peerText}</q>
          </small>
        </p>
      )}
    </section>
  );
}
