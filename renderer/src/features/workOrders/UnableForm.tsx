/** Unable to complete (issue 8 §1): the reason is required and goes to the office with the next sync. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useWorkOrderStore } from './workOrderStore';
import { errorText } from '../../lib/errorText';

export function UnableForm({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" className="button" data-testid="wo-unable-open" onClick={() => setOpen(true)}>
        {t('workOrders.unable.open')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const r = await api['workOrders.unable']({ workOrderId, reason });
    if (!r.ok) return setProblem(errorText(r.error));
    void useWorkOrderStore.getState().refresh();
  };
  return (
    <form className="wo-wizard" data-testid="wo-unable-form" onSubmit={(e) => void submit(e)}>
      <label className="wo-field">
        {t('workOrders.unable.reason')}
        <input
          data-testid="wo-unable-reason"
          required
          autoFocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {problem && (
        <p role="alert" className="wo-error">
          {problem}
        </p>
      )}
      <div className="wo-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('workOrders.back')}
        </button>
        <button type="submit" className="button primary" data-testid="wo-unable-submit">
          {t('workOrders.unable.submit')}
        </button>
      </div>
    </form>
  );
}
