/**
 * Meter exchange wizard (issue 8 §2), keyboard first: each step has one form, Enter moves on,
 * the first field takes the focus (a barcode scanner types the serial and presses Enter).
 * Nothing is saved until Finish: the whole exchange is one transaction on the Node side.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { useWorkOrderStore, type WorkOrderDetail } from './workOrderStore';

type Step = 'old' | 'final' | 'new' | 'initial' | 'confirm';
type Registers = MethodOutput<'workOrders.stockMeter'>['registers'];
const splitSeals = (text: string) => text.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
const sameSerial = (a: string, b: string) => a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();

function RegisterInputs({ registers, values, onChange, prefix }: { registers: Registers; values: Record<number, string>; onChange(id: number, v: string): void; prefix: string }) {
  return (
    <>
      {registers.map((r, i) => (
        <label key={r.id} className="wo-field">
          {r.label}
          <input inputMode="decimal" required autoFocus={i === 0} data-testid={`${prefix}-${r.id}`} value={values[r.id] ?? ''} onChange={(e) => onChange(r.id, e.target.value)} />
        </label>
      ))}
    </>
  );
}

export function ExchangeWizard({ detail }: { detail: WorkOrderDetail }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('old');
  const [observed, setObserved] = useState('');
  const [finals, setFinals] = useState<Record<number, string>>({});
  const [sealsRemoved, setSealsRemoved] = useState('');
  const [disposition, setDisposition] = useState<'returned' | 'scrapped'>('returned');
  const [newSerial, setNewSerial] = useState('');
  const [stock, setStock] = useState<Registers>([]);
  const [initials, setInitials] = useState<Record<number, string>>({});
  const [sealsApplied, setSealsApplied] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const current = detail.currentMeter;

  useEffect(() => {
    // The first field, or Finish on the check step (never Back: Enter must move forward).
    formRef.current?.querySelector<HTMLElement>(step === 'confirm' ? 'button[type=submit]' : 'input, select')?.focus();
  }, [step]);

  if (!current) return <p role="alert" className="wo-error">{t('workOrders.exchange.noMeter')}</p>;

  const next = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (step === 'old') {
      if (!sameSerial(observed, current.serial)) return setProblem(t('workOrders.exchange.wrongMeter', { observed, expected: current.serial }));
      return setStep('final');
    }
    if (step === 'final') return setStep('new');
    if (step === 'new') {
      const r = await api['workOrders.stockMeter']({ workOrderId: detail.id, serial: newSerial });
      if (!r.ok) return setProblem(r.error.message);
      setStock(r.value.registers);
      return setStep('initial');
    }
    if (step === 'initial') return setStep('confirm');
    setBusy(true);
    const r = await api['workOrders.completeExchange']({
      workOrderId: detail.id,
      oldMeter: { observedSerial: observed, finalReadings: current.registers.map((g) => ({ registerId: g.id, value: finals[g.id] ?? '' })), sealsRemoved: splitSeals(sealsRemoved), disposition, photoIds: [] },
      newMeter: { serial: newSerial, initialReadings: stock.map((g) => ({ registerId: g.id, value: initials[g.id] ?? '' })), sealsApplied: splitSeals(sealsApplied), photoIds: [] },
      note: '',
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    void useWorkOrderStore.getState().refresh();
  };

  return (
    <form ref={formRef} className="wo-wizard" data-testid={`exchange-step-${step}`} onSubmit={(e) => void next(e)}>
      <h3>{t(`workOrders.exchange.steps.${step}`)}</h3>
      {step === 'old' && (
        <label className="wo-field">
          {t('workOrders.exchange.oldSerial', { expected: current.serial })}
          <input data-testid="old-serial" required value={observed} onChange={(e) => setObserved(e.target.value)} />
        </label>
      )}
      {step === 'final' && (
        <>
          <RegisterInputs registers={current.registers} values={finals} prefix="final" onChange={(id, v) => setFinals({ ...finals, [id]: v })} />
          <label className="wo-field">
            {t('workOrders.exchange.sealsRemoved')}
            <input data-testid="seals-removed" value={sealsRemoved} onChange={(e) => setSealsRemoved(e.target.value)} />
          </label>
          <label className="wo-field">
            {t('workOrders.exchange.disposition')}
            <select data-testid="disposition" value={disposition} onChange={(e) => setDisposition(e.target.value === 'scrapped' ? 'scrapped' : 'returned')}>
              <option value="returned">{t('workOrders.exchange.returned')}</option>
              <option value="scrapped">{t('workOrders.exchange.scrapped')}</option>
            </select>
          </label>
        </>
      )}
      {step === 'new' && (
        <label className="wo-field">
          {t('workOrders.exchange.newSerial')}
          <input data-testid="new-serial" required value={newSerial} onChange={(e) => setNewSerial(e.target.value)} />
        </label>
      )}
      {step === 'initial' && (
        <>
          <RegisterInputs registers={stock} values={initials} prefix="initial" onChange={(id, v) => setInitials({ ...initials, [id]: v })} />
          <label className="wo-field">
            {t('workOrders.exchange.sealsApplied')}
            <input data-testid="seals-applied" value={sealsApplied} onChange={(e) => setSealsApplied(e.target.value)} />
          </label>
        </>
      )}
      {step === 'confirm' && (
        <p data-testid="exchange-summary">{t('workOrders.exchange.summary', { old: current.serial, fresh: newSerial, removed: splitSeals(sealsRemoved).join(', ') || '—', applied: splitSeals(sealsApplied).join(', ') || '—' })}</p>
      )}
      {problem && <p role="alert" className="wo-error" data-testid="exchange-problem">{problem}</p>}
      <div className="wo-actions">
        {step !== 'old' && (
          <button type="button" className="button" onClick={() => setStep(step === 'final' ? 'old' : step === 'new' ? 'final' : step === 'initial' ? 'new' : 'initial')}>
            {t('workOrders.back')}
          </button>
        )}
        <button type="submit" className="button primary" data-testid="exchange-next" disabled={busy}>
          {step === 'confirm' ? t('workOrders.exchange.finish') : t('workOrders.next')}
        </button>
      </div>
    </form>
  );
}
