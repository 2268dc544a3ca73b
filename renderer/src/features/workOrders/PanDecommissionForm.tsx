/**
 * PAN decommissioning (issue 8 §4): choose the device at this usage point (type or scan the EUI-64
 * from its label, or pick it), confirm; the device leaves service in one transaction.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useWorkOrderStore, type WorkOrderDetail } from './workOrderStore';
import { errorText } from '../../lib/errorText';

export function PanDecommissionForm({ detail }: { detail: WorkOrderDetail }) {
  const { t } = useTranslation();
  const [eui64, setEui64] = useState(detail.panDevices[0]?.eui64 ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setBusy(true);
    const r = await api['workOrders.decommissionPan']({ workOrderId: detail.id, eui64 });
    setBusy(false);
    if (!r.ok) return setProblem(errorText(r.error));
    void useWorkOrderStore.getState().refresh();
  };

  return (
    <form className="wo-wizard" data-testid="pan-decommission-form" onSubmit={(e) => void submit(e)}>
      <label className="wo-field">
        {t('workOrders.panOff.device')}
        <input
          data-testid="pan-off-eui64"
          list="pan-off-devices"
          required
          autoFocus
          spellCheck={false}
          value={eui64}
          onChange={(e) => setEui64(e.target.value)}
        />
        <datalist id="pan-off-devices">
          {detail.panDevices.map((p) => (
            <option key={p.eui64} value={p.eui64}>
              {t(`workOrders.pan.types.${p.deviceType}`, { defaultValue: p.deviceType })}
            </option>
          ))}
        </datalist>
      </label>
      <p>{t('workOrders.panOff.explain')}</p>
      {problem && (
        <p role="alert" className="wo-error" data-testid="pan-off-problem">
          {problem}
        </p>
      )}
      <div className="wo-actions">
        <button type="submit" className="button primary" data-testid="pan-decommission" disabled={busy}>
          {t('workOrders.panOff.submit')}
        </button>
      </div>
    </form>
  );
}
