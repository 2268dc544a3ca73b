/** A work order made on the device (issue 8 §1), by an installer or supervisor: kind, usage point, what to do. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrderKinds, type WorkOrderKind } from '../../../../shared/domain/workOrder';
import { api } from '../../api/client';
import { useWorkOrderStore } from './workOrderStore';
import { errorText } from '../../lib/errorText';

export function NewWorkOrderForm() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<WorkOrderKind>('exchange');
  const [usagePointId, setUsagePointId] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" className="button" data-testid="wo-new-open" onClick={() => setOpen(true)}>
        {t('workOrders.create.open')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const r = await api['workOrders.create']({ kind, usagePointId, description });
    if (!r.ok) return setProblem(errorText(r.error));
    setOpen(false);
    setUsagePointId('');
    setDescription('');
    await useWorkOrderStore.getState().refresh();
    void useWorkOrderStore.getState().open(r.value.id);
  };
  return (
    <form className="wo-wizard" data-testid="wo-new-form" onSubmit={(e) => void submit(e)}>
      <label className="wo-field">
        {t('workOrders.create.kind')}
        <select
          data-testid="wo-new-kind"
          value={kind}
          onChange={(e) => setKind(workOrderKinds.find((k) => k === e.target.value) ?? 'exchange')}
        >
          {workOrderKinds.map((k) => (
            <option key={k} value={k}>
              {t(`workOrders.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="wo-field">
        {t('workOrders.create.usagePoint')}
        <input data-testid="wo-new-usage-point" required autoFocus value={usagePointId} onChange={(e) => setUsagePointId(e.target.value)} />
      </label>
      <label className="wo-field">
        {t('workOrders.create.description')}
        <input data-testid="wo-new-description" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {problem && (
        <p role="alert" className="wo-error" data-testid="wo-new-problem">
          {problem}
        </p>
      )}
      <div className="wo-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('workOrders.back')}
        </button>
        <button type="submit" className="button primary" data-testid="wo-new-submit">
          {t('workOrders.create.submit')}
        </button>
      </div>
    </form>
  );
}
