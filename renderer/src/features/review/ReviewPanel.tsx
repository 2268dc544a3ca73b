/** The Review section (issue 10): profiles, review queue, export of the filter, audit trail; or the dashboard (all anyone but a supervisor sees). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewStatuses } from '../../../../shared/contract/supervisorEntities';
import { useProfile } from '../../app/appStore';
import { DashboardPanel } from '../dashboard/DashboardPanel';
import { ProfileManager } from '../session/ProfileManager';
import { MeterKeys } from '../settings/MeterKeys';
import { MeterModels } from '../settings/MeterModels';
import { AuditTrail } from './AuditTrail';
import { ExportPanel } from './ExportPanel';
import { ReviewCard } from './ReviewCard';
import { useReviewStore, wireReviewStore } from './reviewStore';
import '../../styles/review.css';

export function ReviewPanel() {
  const { t } = useTranslation();
  const supervisor = useProfile()?.role === 'supervisor';
  const [chosen, setView] = useState<'queue' | 'dashboard'>('queue');
  // Anyone sees the progress of the work; the queue, the audit and profiles are a supervisor's.
  const view = supervisor ? chosen : 'dashboard';
  useEffect(() => {
    wireReviewStore();
    void useReviewStore.getState().load();
  }, []);
  return (
    <main className="review-panel" data-testid="review-panel">
      <div className="review-views review-actions" role="group" aria-label={t('nav.review')}>
        {!supervisor && <p data-testid="review-only-supervisor">{t('session.reviewOnly')}</p>}
        {(supervisor ? (['queue', 'dashboard'] as const) : []).map((v) => (
          <button
            key={v}
            type="button"
            className="button"
            aria-pressed={view === v}
            data-testid={`review-view-${v}`}
            onClick={() => setView(v)}
          >
            {t(`dashboard.view.${v}`)}
          </button>
        ))}
      </div>
      {view === 'dashboard' ? <DashboardPanel /> : <ReviewColumns />}
    </main>
  );
}

/** The review queue with the profile, beside the export, the audit trail and the meter models. */
function ReviewColumns() {
  const { t } = useTranslation();
  const items = useReviewStore((s) => s.items);
  const status = useReviewStore((s) => s.status);
  const setStatus = useReviewStore((s) => s.setStatus);
  const error = useReviewStore((s) => s.error);
  return (
    <>
      <div className="review-column">
        <ProfileManager />
        <section className="review-card" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('review.queueTitle')}</h2>
          <div className="review-actions" role="group" aria-label={t('review.statusFilter')}>
            {(['all', ...reviewStatuses] as const).map((s) => (
              <button
                key={s}
                type="button"
                className="button"
                aria-pressed={status === s}
                data-testid={`review-filter-${s}`}
                onClick={() => setStatus(s)}
              >
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
        {/* A device setting, visited rarely: after the day's review and export. */}
        <MeterModels />
        <MeterKeys />
      </div>
    </>
  );
}
