/** The Review section (issue 10): profile, review queue, export of the filter, audit trail. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewStatuses } from '../../../../shared/contract/supervisorEntities';
import { AuditTrail } from './AuditTrail';
import { ExportPanel } from './ExportPanel';
import { ProfileBar } from './ProfileBar';
import { ReviewCard } from './ReviewCard';
import { useReviewStore, wireReviewStore } from './reviewStore';
import '../../styles/review.css';

export function ReviewPanel() {
  const { t } = useTranslation();
  const items = useReviewStore((s) => s.items);
  const status = useReviewStore((s) => s.status);
  const setStatus = useReviewStore((s) => s.setStatus);
  const error = useReviewStore((s) => s.error);
  useEffect(() => {
    wireReviewStore();
    void useReviewStore.getState().load();
  }, []);
  return (
    <main className="review-panel" data-testid="review-panel">
      <div className="review-column">
        <ProfileBar />
        <section className="review-card" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('review.queueTitle')}</h2>
          <div className="review-actions" role="group" aria-label={t('review.statusFilter')}>
            {(['all', ...reviewStatuses] as const).map((s) => (
              <button key={s} type="button" className="button" aria-pressed={status === s} data-testid={`review-filter-${s}`} onClick={() => setStatus(s)}>
                {s === 'all' ? t('review.any') : t(`review.status.${s}`)}
              </button>
            ))}
          </div>
          {error && (
            <p className="review-error" role="alert" data-testid="review-error">
              {error}
            </p>
          )}
          {items.length === 0 ? (
            <p data-testid="review-empty">{t('review.empty')}</p>
          ) : (
            <ul className="review-list">
              {items.map((item) => (
                <ReviewCard key={`${item.kind}:${item.id}`} item={item} />
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="review-column">
        <ExportPanel />
        <AuditTrail />
      </div>
    </main>
  );
}
