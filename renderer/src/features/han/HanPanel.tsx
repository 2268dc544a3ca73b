/**
 * The meter's HAN/P1 customer port at the stop (issue 22): pick the port and its rate, listen, and
 * see the last push the meter sent — its values in words with units and how long ago it came —
 * decrypted on the Node side with the meter's key. A push that cannot be decrypted, or that is
 * older than one already heard (replay), is said in words with its code and shows no values
 * (HanOutcome.tsx).
 * Save stores the values as the stop's reading with the usual checks.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hanBauds } from '../../../../shared/contract/methods/han';
import { currentCatalog } from '../../i18n/catalog';
import { obisMeaningText } from '../optical/obisText';
import { HanOutcome } from './HanOutcome';
import { useHanStore, type HanBaud } from './hanStore';

interface Props {
  usagePointId: string;
}

const secondsSince = (iso: string) => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));

export function HanPanel({ usagePointId }: Props) {
  const { t } = useTranslation();
  const h = useHanStore();
  const { loadPorts } = h;
  useEffect(() => void loadPorts(), [loadPorts]);
  const here = h.state?.usagePointId === usagePointId ? h.state : null;
  const last = here?.last ?? null;
  const listening = here?.active ?? false;
  return (
    <details className="optical" data-testid="han-panel">
      <summary>{t('han.title')}</summary>
      <div className="optical-controls">
        <label className="field-label">
          {t('han.port')}
          <input
            className="input"
            data-testid="han-port"
            list="han-ports"
            placeholder={t('han.portHint')}
            value={h.port}
            onChange={(e) => h.setPort(e.target.value)}
          />
        </label>
        <datalist id="han-ports">
          {h.ports.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <label className="field-label">
          {t('han.baud')}
          <select className="input" data-testid="han-baud" value={h.baud} onChange={(e) => h.setBaud(Number(e.target.value) as HanBaud)}>
            {hanBauds.map((b) => (
              <option key={b} value={b}>
                {t('han.bauds', { baud: b })}
              </option>
            ))}
          </select>
        </label>
        {listening ? (
          <button type="button" className="button" data-testid="han-stop" onClick={() => void h.stop()}>
            {t('han.stop')}
          </button>
        ) : (
          <button type="button" className="button" data-testid="han-start" disabled={!h.port} onClick={() => void h.start(usagePointId)}>
            {t('han.start')}
          </button>
        )}
      </div>
      {h.error && (
        <p className="inline-error" role="alert" data-testid="han-error">
          {h.error}
        </p>
      )}
      {here?.stoppedBecause === 'unplugged' && <p role="alert">{t('han.unplugged')}</p>}
      {listening && !last && <p data-testid="han-waiting">{t('han.waiting')}</p>}
      {last && (
        <div data-testid="han-last" data-outcome={last.outcome}>
          <p>{t('han.heardAgo', { seconds: secondsSince(last.heardAt), count: here?.heard ?? 0 })}</p>
          <HanOutcome last={last} />
          {(last.meterSerial ?? last.systemTitle) && (
            <p>
              {t('han.meter', { serial: last.meterSerial ?? '—', title: last.systemTitle ?? '—', counter: last.invocationCounter ?? '—' })}
            </p>
          )}
          {last.outcome === 'values' && (
            <>
              <table className="optical-table" data-testid="han-values">
                <tbody>
                  {last.values.map((v) => (
                    <tr key={v.obis} data-obis={v.obis}>
                      <td>
                        {obisMeaningText(v.obis, v.readingType, currentCatalog())} <span className="code">{v.obis}</span>
                      </td>
                      <td>
                        {v.value ?? '—'}
                        {v.unit ? ` ${v.unit}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="optical-controls">
                <label className="field-label">
                  {t('han.confirmReason')}
                  <input
                    className="input"
                    data-testid="han-reason"
                    value={h.confirmReason}
                    onChange={(e) => h.setConfirmReason(e.target.value)}
                  />
                </label>
                <button type="button" className="button primary" data-testid="han-save" onClick={() => void h.save(usagePointId)}>
                  {t('han.save')}
                </button>
              </div>
            </>
          )}
          {h.saved !== null && <p data-testid="han-saved">{t('han.saved', { count: h.saved })}</p>}
        </div>
      )}
    </details>
  );
}
