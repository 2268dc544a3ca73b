/**
 * The meter job wizard (issue 8) for an install, a removal or an exchange, keyboard first: each
 * step has one form, Enter moves on, the first field takes the focus (a barcode scanner types the
 * serial and presses Enter). The meter on site can be read through the optical probe (its values
 * fill the final reading), and so can the new meter from stock (its initial reading); the new
 * meter's clock can be set and its demand reset in an optional step — programming changes the
 * meter, so each attempt is recorded at once (audit, EndDeviceControls, a step of the job) and
 * the check step lists them from the work order. Photos are uploaded as they are taken. Nothing else is saved until
 * Finish: the whole job is one transaction on the Node side.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { formatDecimal } from '../../../../shared/i18n/number';
import { api } from '../../api/client';
import { useLocale } from '../../app/appStore';
import { OpticalPanel } from '../optical/OpticalPanel';
import { PhotoInput } from '../photos/PhotoInput';
import type { PhotoDraft } from '../photos/photoUpload';
import { ProgrammingList } from './ProgrammingList';
import { ScanField } from '../scan/ScanField';
import { useWorkOrderStore, type WorkOrderDetail } from './workOrderStore';
import { errorText } from '../../lib/errorText';
import { emptyEntry } from '../meter/readingChecks';
import { JobReadings, jobValues, useJobAssessments, type Entries } from './JobReadings';

export type MeterJobKind = 'install' | 'remove' | 'exchange';
type Step = 'old' | 'final' | 'new' | 'initial' | 'program' | 'confirm';
type Registers = MethodOutput<'workOrders.stockMeter'>['registers'];
type Values = Record<number, string>;
const textsOf = (entries: Entries): Values => Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, e.text]));

const stepsOf: Readonly<Record<MeterJobKind, readonly Step[]>> = {
  exchange: ['old', 'final', 'new', 'initial', 'program', 'confirm'],
  remove: ['old', 'final', 'confirm'],
  install: ['new', 'initial', 'program', 'confirm'],
};
const splitSeals = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const sameSerial = (a: string, b: string) => a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();
/** 'optical' while every register still holds the value the probe put in; a retyped value makes the set a manual read. */
const sourceOf = (registers: Registers, values: Values, probe: Values | null) =>
  probe && registers.every((g) => probe[g.id] !== undefined && probe[g.id] === values[g.id]) ? ('optical' as const) : ('manual' as const);

export function MeterJobWizard({ detail, kind }: { detail: WorkOrderDetail; kind: MeterJobKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const steps = stepsOf[kind];
  const [step, setStep] = useState<Step>(steps[0] ?? 'confirm');
  const [observed, setObserved] = useState('');
  const [finals, setFinals] = useState<Entries>({});
  /** The values the optical read put in; a final reading is 'optical' only while none was retyped. */
  const [fromProbe, setFromProbe] = useState<Values | null>(null);
  const [sealsRemoved, setSealsRemoved] = useState('');
  const [disposition, setDisposition] = useState<'returned' | 'scrapped'>('returned');
  const [photosOut, setPhotosOut] = useState<PhotoDraft[]>([]);
  const [newSerial, setNewSerial] = useState('');
  const [stock, setStock] = useState<Registers>([]);
  const [initials, setInitials] = useState<Entries>({});
  const [attempted, setAttempted] = useState(false);
  const [initialsFromProbe, setInitialsFromProbe] = useState<Values | null>(null);
  const [sealsApplied, setSealsApplied] = useState('');
  const [photosIn, setPhotosIn] = useState<PhotoDraft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  /** After the last reading, the step's seal field (a ScanField, which owns its input). */
  const focusField = (testId: string) => formRef.current?.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
  const current = detail.currentMeter;
  const up = detail.usagePointId;

  useEffect(() => {
    // The first field, or Next / Finish on the optional and the check step (never Back: Enter must move forward).
    formRef.current
      ?.querySelector<HTMLElement>(step === 'confirm' || step === 'program' ? 'button[type=submit]' : 'input, select')
      ?.focus();
  }, [step]);
  const finalChecks = useJobAssessments(current?.registers ?? [], finals, locale);
  const initialChecks = useJobAssessments(stock, initials, locale);

  if (kind !== 'install' && !current)
    return (
      <p role="alert" className="wo-error">
        {t('workOrders.exchange.noMeter')}
      </p>
    );

  const move = (by: 1 | -1) => setStep(steps[steps.indexOf(step) + by] ?? step);

  const finish = async () => {
    const oldValues = current && kind !== 'install' ? jobValues(current.registers, finalChecks) : null;
    const newValues = kind !== 'remove' ? jobValues(stock, initialChecks) : null;
    const finalSource = sourceOf(current?.registers ?? [], textsOf(finals), fromProbe);
    const oldMeter =
      current && oldValues && 'values' in oldValues
        ? {
            observedSerial: observed,
            finalReadings: oldValues.values,
            finalSource,
            sealsRemoved: splitSeals(sealsRemoved),
            disposition,
            photoIds: photosOut.map((p) => p.photoId),
          }
        : null;
    const newMeter =
      newValues && 'values' in newValues
        ? {
            serial: newSerial,
            initialReadings: newValues.values,
            initialSource: sourceOf(stock, textsOf(initials), initialsFromProbe),
            sealsApplied: splitSeals(sealsApplied),
            photoIds: photosIn.map((p) => p.photoId),
          }
        : null;
    const base = { workOrderId: detail.id, note: '' };
    if (kind === 'exchange' && oldMeter && newMeter) return api['workOrders.completeExchange']({ ...base, oldMeter, newMeter });
    if (kind === 'remove' && oldMeter) return api['workOrders.completeRemoval']({ ...base, oldMeter });
    if (kind === 'install' && newMeter) return api['workOrders.completeInstall']({ ...base, newMeter });
    return null;
  };

  /** A register still empty, wrong or out of range without its confirmation: say which, the field says why. */
  const unsettled = (label: string) => {
    setAttempted(true);
    setProblem(t('workOrders.job.unsettled', { register: label }));
  };

  const next = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (step === 'old' && current) {
      if (!sameSerial(observed, current.serial))
        return setProblem(t('workOrders.exchange.wrongMeter', { observed, expected: current.serial }));
    }
    if (step === 'final' && current) {
      const checked = jobValues(current.registers, finalChecks);
      if ('unsettled' in checked) return unsettled(checked.unsettled);
    }
    if (step === 'new') {
      const r = await api['workOrders.stockMeter']({ workOrderId: detail.id, serial: newSerial });
      if (!r.ok) return setProblem(errorText(r.error));
      setStock(r.value.registers);
    }
    if (step === 'initial') {
      const checked = jobValues(stock, initialChecks);
      if ('unsettled' in checked) return unsettled(checked.unsettled);
    }
    setAttempted(false);
    if (step !== 'confirm') return move(1);
    setBusy(true);
    const r = await finish();
    setBusy(false);
    if (r && !r.ok) return setProblem(errorText(r.error));
    void useWorkOrderStore.getState().refresh();
  };

  const useOptical = (values: { registerId: number; text: string }[], meterSerial: string | null) => {
    const read: Values = Object.fromEntries(values.map((v) => [v.registerId, v.text]));
    setFinals({ ...finals, ...Object.fromEntries(values.map((v) => [v.registerId, { ...emptyEntry, text: v.text }])) });
    setFromProbe(read);
    if (meterSerial && !observed) setObserved(meterSerial);
  };

  const useOpticalInitial = (values: { registerId: number; text: string }[]) => {
    const read: Values = Object.fromEntries(values.map((v) => [v.registerId, v.text]));
    setInitials({ ...initials, ...Object.fromEntries(values.map((v) => [v.registerId, { ...emptyEntry, text: v.text }])) });
    setInitialsFromProbe(read);
  };
  const newMeterJob = { workOrderId: detail.id, meterSerial: newSerial };

  const summary = {
    old: current?.serial ?? '—',
    fresh: newSerial,
    removed: splitSeals(sealsRemoved).join(', ') || '—',
    applied: splitSeals(sealsApplied).join(', ') || '—',
    photos: photosOut.length + photosIn.length,
  };
  return (
    <form ref={formRef} className="wo-wizard" data-testid={`job-step-${step}`} onSubmit={(e) => void next(e)}>
      <h3>
        {steps.indexOf(step) + 1} · {t(`workOrders.exchange.steps.${step}`)}
      </h3>
      {step === 'old' && current && (
        <ScanField
          label={t('workOrders.exchange.oldSerial', { expected: current.serial })}
          testId="old-serial"
          required
          value={observed}
          onChange={setObserved}
          what={t('scan.what.serial')}
          // The same check as Next makes on a typed serial, said at once.
          afterScan={(text) =>
            setProblem(
              sameSerial(text, current.serial) ? null : t('workOrders.exchange.wrongMeter', { observed: text, expected: current.serial }),
            )
          }
        />
      )}
      {step === 'final' && current && (
        <>
          <JobReadings
            registers={current.registers}
            entries={finals}
            assessments={finalChecks}
            locale={locale}
            attempted={attempted}
            onChange={(id, patch) => setFinals((all) => ({ ...all, [id]: { ...(all[id] ?? emptyEntry), ...patch } }))}
            onPastLast={() => focusField('seals-removed')}
          />
          <OpticalPanel detail={{ usagePointId: up, meterSerial: current.serial }} locale={locale} onUse={useOptical} />
          <ScanField
            label={t('workOrders.exchange.sealsRemoved')}
            testId="seals-removed"
            value={sealsRemoved}
            onChange={setSealsRemoved}
            what={t('scan.what.seal')}
            appendScans
          />
          <label className="wo-field">
            {t('workOrders.exchange.disposition')}
            <select
              data-testid="disposition"
              value={disposition}
              onChange={(e) => setDisposition(e.target.value === 'scrapped' ? 'scrapped' : 'returned')}
            >
              <option value="returned">{t('workOrders.exchange.returned')}</option>
              <option value="scrapped">{t('workOrders.exchange.scrapped')}</option>
            </select>
          </label>
          <PhotoInput usagePointId={up} photos={photosOut} onAdded={(p) => setPhotosOut((list) => [...list, p])} testId="old-photo" />
        </>
      )}
      {step === 'new' && (
        <ScanField
          label={t('workOrders.exchange.newSerial')}
          testId="new-serial"
          required
          value={newSerial}
          onChange={setNewSerial}
          what={t('scan.what.newSerial')}
        />
      )}
      {step === 'initial' && (
        <>
          <JobReadings
            registers={stock}
            entries={initials}
            assessments={initialChecks}
            locale={locale}
            attempted={attempted}
            onChange={(id, patch) => setInitials((all) => ({ ...all, [id]: { ...(all[id] ?? emptyEntry), ...patch } }))}
            onPastLast={() => focusField('seals-applied')}
          />
          <ScanField
            label={t('workOrders.exchange.sealsApplied')}
            testId="seals-applied"
            value={sealsApplied}
            onChange={setSealsApplied}
            what={t('scan.what.seal')}
            appendScans
          />
          <PhotoInput usagePointId={up} photos={photosIn} onAdded={(p) => setPhotosIn((list) => [...list, p])} testId="new-photo" />
        </>
      )}
      {step === 'program' && <p className="muted">{t('workOrders.job.programHint')}</p>}
      {(step === 'initial' || step === 'program') && (
        // One panel for both steps: a read in the first tells the second what the meter's model allows.
        <OpticalPanel
          detail={{ usagePointId: up, meterSerial: newSerial }}
          job={newMeterJob}
          locale={locale}
          onUse={useOpticalInitial}
          open={step === 'program'}
          program={step === 'program'}
        />
      )}
      {step === 'confirm' && (
        <>
          <p data-testid="job-summary">{t(`workOrders.job.summary.${kind}`, summary)}</p>
          {/* Recorded with the work order when it was done (the meter changed then), read back from it. */}
          {kind !== 'remove' && <ProgrammingList programming={detail.programming} />}
          {current && kind !== 'install' && (
            <ul className="wo-values" data-testid="job-final-values">
              {current.registers.map((g) => (
                <li key={g.id}>
                  {g.label}: {formatDecimal(finalChecks.get(g.id)?.value ?? '0', locale)} {g.unit}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {problem && (
        <p role="alert" className="wo-error" data-testid="job-problem">
          {problem}
        </p>
      )}
      <div className="wo-actions">
        {step !== steps[0] && (
          <button type="button" className="button" onClick={() => move(-1)}>
            {t('workOrders.back')}
          </button>
        )}
        <button type="submit" className="button primary" data-testid="job-next" disabled={busy}>
          {step === 'confirm' ? t(`workOrders.job.finish.${kind}`) : t('workOrders.next')}
        </button>
      </div>
    </form>
  );
}
