/** The Work orders section (issue 8): assigned jobs first, then the open one's wizard or form. */
import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderKind } from '../../../../shared/domain/workOrder';
import { onTopics } from '../../api/client';
import { PaneBack } from '../../app/PaneBack';
import { MeterJobWizard } from './MeterJobWizard';
import { VisitEvidence } from '../evidence/VisitEvidence';
import { JobRecordView } from './JobRecordView';
import { ProgrammingList } from './ProgrammingList';
import { NewWorkOrderForm } from './NewWorkOrderForm';
import { PanDecommissionForm } from './PanDecommissionForm';
import { PanForm } from './PanForm';
import { SwitchOrderList } from '../switching/SwitchOrderList';
import { SwitchOrderPanel } from '../switching/SwitchOrderPanel';
import { useSwitchingStore } from '../switching/switchingStore';
import { UnableForm } from './UnableForm';
import { useWorkOrderStore, type WorkOrderDetail } from './workOrderStore';
import '../../styles/workOrders.css';

/** The steps that finish a meter job on site: each visit gets a signature and a receipt (electron/services/evidence/visits.ts). */
const meterJobSteps: ReadonlySet<string> = new Set(['exchanged', 'installed', 'removed']);

type JobForm = ComponentType<{ detail: WorkOrderDetail }>;

/** The form that carries out an open work order, by kind: a new kind adds one line here. */
export const jobForms: Partial<Record<WorkOrderKind, JobForm>> = {
  install: ({ detail }) => <MeterJobWizard key={detail.id} detail={detail} kind="install" />,
  remove: ({ detail }) => <MeterJobWizard key={detail.id} detail={detail} kind="remove" />,
  exchange: ({ detail }) => <MeterJobWizard key={detail.id} detail={detail} kind="exchange" />,
  panCommission: PanForm,
  panDecommission: PanDecommissionForm,
};

export function WorkOrdersPanel() {
  const { t } = useTranslation();
  const s = useWorkOrderStore();
  useEffect(() => {
    // Subscribe once; the store is read through getState() so the effect needs no dependencies.
    void useWorkOrderStore.getState().refresh();
    return onTopics(['workOrders', 'devices', 'routes', 'settings', 'profiles'], () => void useWorkOrderStore.getState().refresh());
  }, []);

  const switchOrderOpen = useSwitchingStore((sw) => sw.openId !== null);
  const d = s.detail;
  // One pane at a time on narrow screens (styles/layout.css): the list, or the order opened from it.
  const pane = s.openId !== null || switchOrderOpen ? 'detail' : 'list';
  const backToList = () => {
    void s.open(null);
    void useSwitchingStore.getState().open(null);
  };
  const final = d !== null && ['completed', 'unableToComplete', 'cancelled'].includes(d.status);
  // Cancelled while the crew was on it: the work done on site may still be recorded, once.
  const recordAfterCancel = d !== null && d.status === 'cancelled' && d.cancelledWhileActive && !d.cancelledAfterWork;
  const JobForm = d ? jobForms[d.kind] : undefined;
  return (
    <main className="work-orders" data-testid="work-orders" data-pane={pane}>
      <section className="wo-list" aria-labelledby="wo-list-title">
        <h2 id="wo-list-title">{t('workOrders.title')}</h2>
        {s.listError && (
          <p role="alert" className="wo-error">
            {s.listError}
          </p>
        )}
        {s.mayWork ? (
          <NewWorkOrderForm />
        ) : (
          <p className="muted" data-testid="wo-role-hint">
            {t('workOrders.roleHint')}
          </p>
        )}
        {s.list.length === 0 && <p data-testid="wo-empty">{t('workOrders.empty')}</p>}
        <ul>
          {s.list.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className={`wo-item${o.id === s.openId ? ' selected' : ''}`}
                data-testid={`wo-${o.id}`}
                onClick={() => void s.open(o.id)}
              >
                <strong>{t(`workOrders.kind.${o.kind}`, { defaultValue: o.kind })}</strong> <span>{o.address}</span>
                <span className={`wo-status ${o.status}`}>
                  {t(`workOrders.status.${o.status}`)}
                  {o.cancelledAfterWork ? ` · ${t('workOrders.cancelledAfterWorkShort')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <SwitchOrderList onOpen={() => void s.open(null)} selectable={d === null} />
      </section>
      <section className="wo-detail" aria-live="polite">
        <PaneBack label={t('panes.backToOrders')} testId="back-to-orders" onBack={backToList} />
        {d === null && <SwitchOrderPanel />}
        {s.error && (
          <p role="alert" className="wo-error" data-testid="wo-error">
            {s.error}
          </p>
        )}
        {d && (
          <>
            <h2 data-testid="wo-title">
              {t(`workOrders.kind.${d.kind}`, { defaultValue: d.kind })} · {d.usagePointId} · {d.address}
            </h2>
            {d.description && <p>{d.description}</p>}
            <p data-testid="wo-status">
              {t(`workOrders.status.${d.status}`)}
              {d.reason ? ` — ${d.reason}` : ''}
            </p>
            {d.status === 'cancelled' && !d.cancelledAfterWork && (
              <p role="alert" className="wo-error" data-testid="wo-cancelled">
                {t(recordAfterCancel ? 'workOrders.cancelledWhileActiveHint' : 'workOrders.cancelledHint')}
              </p>
            )}
            {d.cancelledAfterWork && (
              <p role="alert" className="wo-error" data-testid="wo-cancelled-after-work">
                {t('workOrders.cancelledAfterWork')}
              </p>
            )}
            {(!final || recordAfterCancel) && s.mayWork && JobForm && <JobForm key={`job-${d.id}`} detail={d} />}
            {!final && s.mayWork && <UnableForm key={`unable-${d.id}`} workOrderId={d.id} />}
            {final && <JobRecordView of={{ kind: 'workOrder', id: d.id }} version={`${d.status}@${d.updatedAt}`} />}
            {final && d.programming.length > 0 && <ProgrammingList programming={d.programming} />}
            {/* A finished meter job (exchange, install, removal) takes a signature and gives a receipt. */}
            {d.steps.some((step) => meterJobSteps.has(step.step)) && (
              <VisitEvidence key={`evidence-${d.id}`} visit={{ kind: 'workOrder', id: d.id }} />
            )}
            {d.panDevices.length > 0 && (
              <ul data-testid="wo-pan-devices">
                {d.panDevices.map((p) => (
                  <li key={p.eui64}>
                    {p.eui64} · {t(`workOrders.pan.types.${p.deviceType}`, { defaultValue: p.deviceType })} · {t('workOrders.pan.join')}:{' '}
                    <span data-testid={`pan-join-${p.eui64}`}>
                      {t(`workOrders.pan.joinStatus.${p.joinStatus}`, { defaultValue: p.joinStatus })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </main>
  );
}
