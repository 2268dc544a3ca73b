/** What the enterprise refused (issue 7): its error code and text, Retry with the same MessageID, and Edit of readings. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayDo } from '../../../../shared/contract/rights';
import { methods } from '../../../../shared/contract/api';
import { useProfile } from '../../app/appStore';
import { knownText } from '../../i18n/catalog';
import { useFormat } from '../../lib/format';
import { EditRejected } from './EditRejected';
import { useSyncStore } from './syncStore';

export function RejectedList() {
  const { t } = useTranslation();
  const rejected = useSyncStore((s) => s.rejected);
  const retry = useSyncStore((s) => s.retry);
  const running = useSyncStore((s) => s.status?.running ?? false);
  const load = useSyncStore((s) => s.load);
  const [editing, setEditing] = useState<string | null>(null);
  const format = useFormat();
  const nounText = (noun: string) => knownText(`sync.noun.${noun}`) ?? noun;
  // Shown only to whom the Node side allows them (it checks again): Retry an installer's, Edit a supervisor's.
  const role = useProfile()?.role ?? null;
  const mayRetry = mayDo(role, methods['sync.rejected.retry'].right);
  const mayEdit = mayDo(role, methods['sync.rejected.edit'].right);
  return (
    <section className="sync-card" aria-labelledby="sync-rejected-title">
      <h2 id="sync-rejected-title">{t('sync.rejectedTitle')}</h2>
      {rejected.length === 0 ? (
        <p className="sync-muted" data-testid="sync-rejected-none">
          {t('sync.rejectedNone')}
        </p>
      ) : (
        <ul className="sync-rejected" data-testid="sync-rejected-list">
          {rejected.map((r) => (
            <li key={r.messageId} data-testid="sync-rejected-item" data-message-id={r.messageId}>
              <div className="sync-rejected-what">
                <strong data-testid="sync-rejected-what">
                  {r.usagePointId
                    ? t('sync.rejectedWhat', { what: nounText(r.noun), place: r.usagePointId, when: format.dateTime(r.createdAt) })
                    : t('sync.rejectedWhatNoPlace', { what: nounText(r.noun), when: format.dateTime(r.createdAt) })}
                </strong>{' '}
                <small className="code">{r.noun}</small>
                {r.errorCode && (
                  <span className="sync-code" data-testid="sync-rejected-code">
                    {r.errorCode}
                  </span>
                )}
              </div>
              {/* The office's own words: Fieldmeter cannot translate them, so they are shown as sent. */}
              <p className="sync-rejected-text" data-testid="sync-rejected-text">
                <small>
                  {t('sync.rejectedWhy')}: {r.errorText ? <q translate="no">{r.errorText}</q> : t('sync.noErrorText')}
                </small>
              </p>
              <div className="sync-rejected-actions">
                {mayRetry && (
                  <button
                    type="button"
                    className="button"
                    data-testid="sync-retry"
                    disabled={running}
                    onClick={() => void retry(r.messageId)}
                  >
                    {t('sync.retry')}
                  </button>
                )}
                {mayEdit && (r.readings ?? []).some((x) => x.value !== null) && (
                  <button
                    type="button"
                    className="button"
                    data-testid="sync-edit"
                    disabled={running || editing === r.messageId}
                    onClick={() => setEditing(r.messageId)}
                  >
                    {t('sync.edit')}
                  </button>
                )}
              </div>
              {editing === r.messageId && (
                <EditRejected
                  item={r}
                  onDone={() => {
                    setEditing(null);
                    void load();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
