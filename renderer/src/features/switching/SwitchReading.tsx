/**
 * The switch reading's fields (issue 9): one input per register, typed or filled from the optical
 * probe (training mode offers the simulated meter), and the reasons the Node side may ask for — a
 * value out of range, or a reading outside the switch window. Used by the read and control forms.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_PORT } from '../../../../shared/contract/methods/optical';
import { parseLocaleDecimal } from '../../../../shared/i18n/number';
import { checkWindow } from '../../../../shared/domain/switching';
import { serialMatches } from '../../../../shared/domain/readingValidation';
import { api } from '../../api/client';
import { formatPattern, formatValue } from '../../lib/format';
import type { SwitchDetail } from './switchingStore';
import { errorText } from '../../lib/errorText';
import { useRegisterName } from '../../lib/registerName';
import { ScanField } from '../scan/ScanField';

export function useSwitchReading(detail: SwitchDetail) {
  const { i18n } = useTranslation();
  const [values, setValues] = useState<Record<number, string>>({});
  const [source, setSource] = useState<'manual' | 'optical'>('manual');
  const [opticalSerial, setOpticalSerial] = useState<string | null>(null);
  // The serial on the plate, scanned or typed: the Node side refuses another meter, as at an exchange.
  const [meterSerial, setMeterSerial] = useState('');
  const [outOfWindowReason, setOutOfWindowReason] = useState('');
  const [confirmReason, setConfirmReason] = useState('');
  const [needsConfirm, setNeedsConfirm] = useState(false);
  const outside = checkWindow(new Date().toISOString(), { start: detail.windowStart, end: detail.windowEnd }) !== 'inWindow';
  const filled = detail.registers.filter((r) => (values[r.id] ?? '').trim() !== '');
  return {
    values,
    source,
    opticalSerial,
    meterSerial,
    setMeterSerial,
    outside,
    outOfWindowReason,
    confirmReason,
    needsConfirm,
    any: filled.length > 0,
    setValue(id: number, v: string) {
      setValues({ ...values, [id]: v });
      setSource('manual');
      // A changed value is checked afresh: the old refusal and the reason it asked for no longer apply (issue 17).
      setNeedsConfirm(false);
      setConfirmReason('');
    },
    setOutOfWindowReason,
    setConfirmReason,
    async readOptical(): Promise<string | null> {
      const ports = await api['optical.ports']({ usagePointId: detail.usagePointId });
      if (!ports.ok) return errorText(ports.error);
      const port = ports.value.lastPort ?? ports.value.ports.find((p) => p.training)?.path ?? ports.value.ports[0]?.path ?? TRAINING_PORT;
      const r = await api['optical.read']({ usagePointId: detail.usagePointId, port });
      if (!r.ok) return errorText(r.error);
      const next: Record<number, string> = { ...values };
      for (const v of r.value.values)
        if (v.registerId !== null && v.registerValue !== null) next[v.registerId] = formatValue(v.registerValue, i18n.language);
      setValues(next);
      setSource('optical');
      setOpticalSerial(r.value.meterSerial);
      return null;
    },
    /** The request's reading part, or the register whose value is not a number. */
    request():
      | {
          values: { registerId: number; value: string; confirmation?: { method: 'reason'; reason: string } }[];
          source: 'manual' | 'optical';
          observedSerial?: string;
          meterSerial?: string;
          outOfWindowReason?: string;
        }
      | { bad: string } {
      const out = [];
      for (const r of filled) {
        const value = parseLocaleDecimal(values[r.id] ?? '', i18n.language);
        if (value === null) return { bad: r.label };
        out.push({
          registerId: r.id,
          value,
          ...(needsConfirm && confirmReason.trim() ? { confirmation: { method: 'reason' as const, reason: confirmReason.trim() } } : {}),
        });
      }
      // The serial the meter sent over the probe is checked against the one expected, as on a route.
      const observed = source === 'optical' && opticalSerial ? { observedSerial: opticalSerial } : {};
      return {
        values: out,
        source,
        ...observed,
        ...(meterSerial.trim() ? { meterSerial: meterSerial.trim() } : {}),
        ...(outside && outOfWindowReason.trim() ? { outOfWindowReason: outOfWindowReason.trim() } : {}),
      };
    },
    /** A NEEDS_CONFIRMATION about a value (not the window, whose reason field is always shown) asks for the confirmation reason. */
    onRefusal(error: { code: string; details?: unknown }) {
      const window = typeof error.details === 'object' && error.details !== null && 'outOfWindow' in error.details;
      if (error.code === 'NEEDS_CONFIRMATION' && !window) setNeedsConfirm(true);
    },
  };
}
export type SwitchReadingState = ReturnType<typeof useSwitchReading>;

export function SwitchReadingFields({
  detail,
  reading,
  required,
}: {
  detail: SwitchDetail;
  reading: SwitchReadingState;
  required: boolean;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useRegisterName();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const wrongMeter = (text: string) =>
    serialMatches(detail.meterSerial, text) ? null : t('workOrders.exchange.wrongMeter', { observed: text, expected: detail.meterSerial });
  return (
    <>
      <ScanField
        label={t('workOrders.exchange.oldSerial', { expected: detail.meterSerial })}
        testId="sw-meter-serial"
        required={required}
        value={reading.meterSerial}
        onChange={reading.setMeterSerial}
        what={t('scan.what.serial')}
        // The same check the Node side makes on saving, said at once.
        afterScan={(text) => setProblem(wrongMeter(text))}
      />
      {detail.registers.map((r, i) => (
        <label key={r.id} className="wo-field">
          {nameOf(r.label, r.readingType)}
          <input
            inputMode="decimal"
            required={required}
            autoFocus={i === 0}
            placeholder={formatPattern(r.dials, r.decimals, i18n.language)}
            data-testid={`sw-value-${r.id}`}
            value={reading.values[r.id] ?? ''}
            onChange={(e) => reading.setValue(r.id, e.target.value)}
          />
        </label>
      ))}
      <div className="wo-actions">
        <button
          type="button"
          className="button"
          data-testid="sw-optical"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setProblem(null);
            void reading.readOptical().then((p) => {
              setProblem(p);
              setBusy(false);
            });
          }}
        >
          {busy ? t('switching.readingOptical') : t('switching.readOptical')}
        </button>
      </div>
      {reading.source === 'optical' && (
        <p className="wo-ok" data-testid="sw-optical-done">
          {t('switching.opticalDone', { serial: reading.opticalSerial ?? detail.meterSerial })}
        </p>
      )}
      {problem && (
        <p role="alert" className="wo-error">
          {problem}
        </p>
      )}
      {reading.needsConfirm && (
        <label className="wo-field">
          {t('switching.confirmReason')}
          <input
            data-testid="sw-confirm-reason"
            required
            value={reading.confirmReason}
            onChange={(e) => reading.setConfirmReason(e.target.value)}
          />
        </label>
      )}
      {reading.outside && (
        <>
          <p role="alert" className="wo-error" data-testid="sw-outside">
            {t('switching.outsideWindow')}
          </p>
          <label className="wo-field">
            {t('switching.outOfWindowReason')}
            <input
              data-testid="sw-window-reason"
              required
              value={reading.outOfWindowReason}
              onChange={(e) => reading.setOutOfWindowReason(e.target.value)}
            />
          </label>
        </>
      )}
    </>
  );
}

/** The end of a switching form: the note, what went wrong, and the one button that submits. */
export function NoteAndSubmit(props: {
  note: string;
  onNote: (note: string) => void;
  problem: string | null;
  busy: boolean;
  testId: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="wo-field">
        {t('switching.note')}
        <input data-testid="sw-note" value={props.note} onChange={(e) => props.onNote(e.target.value)} />
      </label>
      {props.problem && (
        <p role="alert" className="wo-error" data-testid="sw-problem">
          {props.problem}
        </p>
      )}
      <div className="wo-actions">
        <button type="submit" className="button primary" data-testid={props.testId} disabled={props.busy}>
          {props.label}
        </button>
      </div>
    </>
  );
}
