/**
 * Installers only: set the meter clock (drift before and after) or reset its maximum demand
 * through the probe on the port chosen above, with the command being sent and Cancel. A
 * technician does not see it; the Node side refuses them too.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TRAINING_PASSWORD,
  type JobMeter,
  type OpticalProgramResult,
  type ProgramOperation,
} from '../../../../shared/contract/methods/optical';
import { useFormat } from '../../lib/format';
import { useOpticalStore } from './opticalStore';
import { useProgramStore } from './programStore';
import { useDlmsStore } from './dlmsStore';

const valuesText = (values: { value: string; unit: string | null }[]) =>
  values.map((v) => `${v.value}${v.unit ? ` ${v.unit}` : ''}`).join(' · ') || '—';

function Outcome({ result }: { result: OpticalProgramResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const confirmed = result.serialMismatchConfirmed && (
    <p className="muted" data-testid="program-mismatch-confirmed">
      {t('optical.program.mismatchConfirmed', { read: result.meterSerialRead ?? '—' })}
    </p>
  );
  const seconds = (s: number) => t('optical.program.seconds', { seconds: s > 0 ? `+${s}` : String(s) });
  if (result.timeSync) {
    const { before, after } = result.timeSync;
    return (
      <>
        <p role="status" data-testid="program-result">
          {t('optical.program.clockDone', {
            before: format.meterClock(before.meterTime),
            driftBefore: seconds(before.driftS),
            after: format.meterClock(after.meterTime),
            driftAfter: seconds(after.driftS),
          })}
        </p>
        {confirmed}
      </>
    );
  }
  const reset = result.demandReset;
  return (
    <>
      <p role="status" data-testid="program-result">
        {t('optical.program.demandDone', { before: valuesText(reset?.demandBefore ?? []), after: valuesText(reset?.demandAfter ?? []) })}
        {reset?.resetCounterBefore !== null &&
          reset?.resetCounterBefore !== undefined &&
          ` ${t('optical.program.counter', { before: reset.resetCounterBefore, after: reset.resetCounterAfter ?? '?' })}`}
      </p>
      {confirmed}
    </>
  );
}

export function ProgramPanel({ usagePointId, job }: { usagePointId: string; job?: JobMeter | undefined }) {
  const { t } = useTranslation();
  const p = useProgramStore();
  const { port, ports, reading, result: readResult } = useOpticalStore();
  // A DLMS meter was read here: its clock is set through DLMS (no password typed; its secrets are the device's).
  const dlms = useDlmsStore((s) => s.result !== null) && !job;
  const [password, setPassword] = useState('');
  const { loadRole, clear } = p;
  useEffect(() => {
    clear();
    void loadRole();
  }, [usagePointId, loadRole, clear]);

  if (p.role === null || p.role === 'technician') return null;
  const training = ports.find((x) => x.path === port)?.training ?? false;
  const busy = reading || p.running !== null;
  // Known after a read: the meter's model has no demand reset from the optical port.
  // Readout only when no model is assigned to the meter's type (never guessed from the manufacturer).
  const unavailable = readResult?.programmingUnavailable ?? null;
  // A DLMS meter: the Node side resets by the ACTION its model names, or says why it cannot.
  const noDemandReset = !dlms && readResult?.demandResetSupported === false && unavailable === null;
  const run = (operation: ProgramOperation) =>
    void p.run({ usagePointId, port, operation, password, ...(job ? { job } : {}), ...(dlms ? { protocol: 'dlms' as const } : {}) });

  return (
    <fieldset className="optical-program" data-testid="program-panel">
      <legend>{t('optical.program.title')}</legend>
      <div className="optical-controls">
        <label className="field-label" htmlFor="program-password">
          {t('optical.program.password')}
        </label>
        <input
          id="program-password"
          className="input"
          type="password"
          autoComplete="off"
          data-testid="program-password"
          value={password}
          disabled={busy}
          onChange={(e) => setPassword(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        />
        <button
          type="button"
          className="button"
          data-testid="program-time-sync"
          disabled={busy || !port || unavailable !== null}
          onClick={() => run('timeSync')}
        >
          {t('optical.program.timeSync')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="program-demand-reset"
          disabled={busy || !port || noDemandReset || unavailable !== null}
          onClick={() => run('demandReset')}
        >
          {t('optical.program.demandReset')}
        </button>
      </div>
      {training && <p className="muted">{t('optical.program.trainingPassword', { password: TRAINING_PASSWORD })}</p>}
      {unavailable && (
        <p className="muted" data-testid="program-unavailable">
          {t(unavailable === 'meterModelUnknown' ? 'optical.program.modelUnknown' : 'optical.program.notConfigured')}
        </p>
      )}
      {noDemandReset && <p className="muted">{t('optical.program.noDemandReset', { model: readResult?.model })}</p>}
      {p.running && (
        <p className="optical-progress" role="status" data-testid="program-progress">
          {t(`optical.program.running.${p.running}`)}
          {p.step ? ` · ${p.step}` : ''}
        </p>
      )}
      {p.error && (
        <p className="inline-error" role="alert" data-testid="program-error">
          {p.error}
        </p>
      )}
      {p.mismatch && (
        // The password is the one typed now: it is never kept in the store.
        <button
          type="button"
          className="button"
          data-testid="program-anyway"
          disabled={busy}
          onClick={() => p.mismatch && void p.run({ ...p.mismatch, password, confirmSerialMismatch: true })}
        >
          {t('optical.program.programAnyway')}
        </button>
      )}
      {p.result && <Outcome result={p.result} />}
    </fieldset>
  );
}
