/** The audit trail (issue 10): who, in which role, did what and when, with before/after; searchable. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { AuditDetails, useAuditText } from './auditText';
import { useReviewStore } from './reviewStore';

export function AuditTrail() {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useAuditText();
  const audit = useReviewStore((s) => s.audit);
  const search = useReviewStore((s) => s.search);
  const setSearch = useReviewStore((s) => s.setSearch);
  return (
    <section className="review-card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('review.auditTitle')}</h2>
      <label>
        {t('review.auditSearch')}
        <input
          type="search"
          className="review-input"
          data-testid="audit-search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {/* A region that scrolls must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1). */}
      <div className="review-table-wrap" role="group" aria-labelledby="audit-title" tabIndex={0}>
        <table className="review-table" data-testid="audit-table">
          <colgroup>
            <col className="col-when" />
            <col className="col-who" />
            <col className="col-role" />
            <col className="col-action" />
            <col className="col-record" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('review.auditWhen')}</th>
              <th>{t('review.auditWho')}</th>
              <th>{t('review.auditRole')}</th>
              <th>{t('review.auditAction')}</th>
              <th>{t('review.auditWhat')}</th>
              <th>{t('review.auditDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.id} data-testid="audit-row">
                <td>{format.dateTime(a.at)}</td>
                <td>{a.actor}</td>
                <td>{text.role(a.role)}</td>
                <td data-testid="audit-action" data-action={a.action}>
                  {text.action(a.action)}
                </td>
                <td className="review-wrap">{text.record(a.entity, a.entityId)}</td>
                <td className="review-wrap review-details">
                  <AuditDetails json={a.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
