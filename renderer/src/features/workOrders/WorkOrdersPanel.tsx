/** The Work orders section (issue 8): assigned jobs first, then the open one's wizard or form. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onDataChanged } from '../../api/client';
import { ExchangeWizard } from './ExchangeWizard';
import { PanForm } from './PanForm';
import { SwitchOrderList } from '../switching/SwitchOrderList';
import { SwitchOrderPanel } from '../switching/SwitchOrderPanel';
import { useWorkOrderStore } from './workOrderStore';
import '../../styles/workOrders.css';

export function WorkOrdersPanel() {
  const { t } = useTranslation();
  const s = useWorkOrderStore();
  useEffect(() => {
    // Subscribe once; the store is read through getState() so the effect needs no dependencies.
    void useWorkOrderStore.getState().refresh();
    return onDataChanged((tables) => {
      if (tables.includes('work_orders') || tables.includes('routes')) void useWorkOrderStore.getState().refresh();
    });
  }, []);

  const d = s.detail;
  const final = d !== null && ['completed', 'unableToComplete', 'cancelled'].includes(d.status);
  return (
    <div className="work-orders" data-testid="work-orders">
      <section className="wo-list" aria-labelledby="wo-list-title">
        <h2 id="wo-list-title">{t('workOrders.title')}</h2>
        {s.listError && <p role="alert" className="wo-error">{s.listError}</p>}
        {s.list.length === 0 && <p data-testid="wo-empty">{t('workOrders.empty')}</p>}
        <ul>
          {s.list.map((o) => (
            <li key={o.id}>
              <button type="button" className={`wo-item${o.id === s.openId ? ' selected' : ''}`} data-testid={`wo-${o.id}`} onClick={() => void s.open(o.id)}>
                <strong>{t(`workOrders.kind.${o.kind}`)}</strong> <span>{o.address}</span>
                <span className={`wo-status ${o.status}`}>{t(`workOrders.status.${o.status}`)}</span>
              </button>
            </li>
          ))}
        </ul>
        <SwitchOrderList onOpen={() => void s.open(null)} selectable={d === null} />
      </section>
      <section className="wo-detail" aria-live="polite">
        {d === null && <SwitchOrderPanel />}
        {s.error && <p role="alert" className="wo-error" data-testid="wo-error">{s.error}</p>}
        {d && (
          <>
            <h2 data-testid="wo-title">
              {t(`workOrders.kind.${d.kind}`)} · {d.usagePointId} · {d.address}
            </h2>
            <p data-testid="wo-status">{t(`workOrders.status.${d.status}`)}{d.reason ? ` — ${d.reason}` : ''}</p>
            {d.status === 'cancelled' && <p role="alert" className="wo-error">{t('workOrders.cancelledHint')}</p>}
            {!final && d.kind === 'exchange' && <ExchangeWizard key={d.id} detail={d} />}
            {!final && d.kind === 'panCommission' && <PanForm key={d.id} detail={d} />}
            {d.panDevices.length > 0 && (
              <ul data-testid="wo-pan-devices">
                {d.panDevices.map((p) => (
                  <li key={p.eui64}>
                    {p.eui64} · {t(`workOrders.pan.types.${p.deviceType}`, { defaultValue: p.deviceType })} · {t('workOrders.pan.join')}: {p.joinStatus}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </div>
  );
}
