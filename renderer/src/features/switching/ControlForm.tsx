/** Disconnect or reconnect (issue 9 §3): outcome, how it was switched, the meter switch's result, seal and reading. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  controlResults,
  switchActions,
  switchOutcomes,
  type ControlResult,
  type SwitchAction,
  type SwitchOutcome,
} from '../../../../shared/domain/switching';
import { api } from '../../api/client';
import { NoteAndSubmit, SwitchReadingFields, useSwitchReading } from './SwitchReading';
import { useSwitchingStore, type SwitchDetail } from './switchingStore';
import { errorText } from '../../lib/errorText';
import { ScanField } from '../scan/ScanField';

export function ControlForm({ detail }: { detail: SwitchDetail }) {
  const { t } = useTranslation();
  const reading = useSwitchReading(detail);
  const [outcome, setOutcome] = useState<SwitchOutcome>('done');
  const [action, setAction] = useState<SwitchAction>('localSwitch');
  const [controlResult, setControlResult] = useState<ControlResult>('succeeded');
  const [seal, setSeal] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = outcome === 'done';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const part = reading.request();
    if ('bad' in part) return setProblem(part.bad);
    setBusy(true);
    const r = await api['switching.control']({
      switchOrderId: detail.id,
      outcome,
      action: done ? action : 'none',
      ...(done && action === 'meterSwitch' ? { controlResult } : {}),
      ...(done && seal.trim() ? { sealNumber: seal.trim() } : {}),
      ...(part.values.length > 0 ? { values: part.values } : {}),
      source: part.source,
      ...(part.observedSerial ? { observedSerial: part.observedSerial } : {}),
      ...(part.meterSerial ? { meterSerial: part.meterSerial } : {}),
      ...(part.outOfWindowReason ? { outOfWindowReason: part.outOfWindowReason } : {}),
      note,
    });
    setBusy(false);
    if (!r.ok) {
      reading.onRefusal(r.error);
      return setProblem(errorText(r.error));
    }
    void useSwitchingStore.getState().refresh();
  };

  if (!detail.mayControl)
    return (
      <p className="muted" data-testid="sw-role-hint">
        {t('switching.roleHint')}
      </p>
    );
  return (
    <form className="wo-wizard" data-testid="sw-control-form" onSubmit={(e) => void submit(e)}>
      <label className="wo-field">
        {t('switching.outcomeTitle')}
        <select
          data-testid="sw-outcome"
          value={outcome}
          onChange={(e) => setOutcome(switchOutcomes.find((o) => o === e.target.value) ?? 'done')}
        >
          {switchOutcomes.map((o) => (
            <option key={o} value={o}>
              {t(`switching.outcome.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {done && (
        <>
          <label className="wo-field">
            {t('switching.action')}
            <select
              data-testid="sw-action"
              value={action}
              onChange={(e) => setAction(switchActions.find((a) => a === e.target.value) ?? 'localSwitch')}
            >
              {switchActions
                .filter((a) => a !== 'none')
                .map((a) => (
                  <option key={a} value={a}>
                    {t(`switching.actions.${a}`)}
                  </option>
                ))}
            </select>
          </label>
          {action === 'meterSwitch' && (
            <label className="wo-field">
              {t('switching.controlResult')}
              <select
                data-testid="sw-control-result"
                value={controlResult}
                onChange={(e) => setControlResult(controlResults.find((c) => c === e.target.value) ?? 'succeeded')}
              >
                {controlResults.map((c) => (
                  <option key={c} value={c}>
                    {t(`switching.controlResults.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ScanField
            label={detail.kind === 'disconnect' ? t('switching.seal') : t('switching.sealReconnect')}
            testId="sw-seal"
            value={seal}
            onChange={setSeal}
            what={t('scan.what.seal')}
          />
          <h3>{t('switching.readingOptional')}</h3>
          <SwitchReadingFields detail={detail} reading={reading} required={false} />
        </>
      )}
      <NoteAndSubmit note={note} onNote={setNote} problem={problem} busy={busy} testId="sw-record" label={t('switching.record')} />
    </form>
  );
}
