/** Switch orders in the Work orders section's list (issue 9): open ones first, customer as initials only. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onTopics } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useSwitchingStore } from './switchingStore';

export function SwitchOrderList({ onOpen, selectable }: { onOpen(): void; selectable: boolean }) {
  const { t, i18n } = useTranslation();
  const s = useSwitchingStore();
  useEffect(() => {
    void useSwitchingStore.getState().refresh();
    return onTopics(['switching', 'routes', 'readings'], () => void useSwitchingStore.getState().refresh());
  }, []);
  return (
    <section aria-labelledby="sw-list-title" data-testid="switch-orders">
      <h2 id="sw-list-title">{t('switching.title')}</h2>
      {s.listError && (
        <p role="alert" className="wo-error">
          {s.listError}
        </p>
      )}
      {s.list.length === 0 && <p data-testid="sw-empty">{t('switching.empty')}</p>}
      <ul>
        {s.list.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              className={`wo-item${selectable && o.id === s.openId ? ' selected' : ''}`}
              data-testid={`sw-${o.id}`}
              onClick={() => {
                onOpen();
                void s.open(o.id);
              }}
            >
              <strong>
                {t(`switching.kind.${o.kind}`)} · {formatDate(o.dueAt, i18n.language)}
              </strong>
              <span>{o.address}</span>
              <span>{[o.customer, o.supplier].filter(Boolean).join(' · ')}</span>
              <span className={`wo-status ${o.status}`}>
                {t(`switching.status.${o.status}`)}
                {o.enterpriseChange && !o.enterpriseChangeSeen ? ' ⚠' : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
