/**
 * Read the meter through the optical probe: pick the port (remembered), Read, watch the
 * progress with Cancel, see every value with its meaning, and put the register values into
 * the form — the save then runs the same checks as typed values.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterDetail } from '../../../../shared/contract/entities';
import type { JobMeter } from '../../../../shared/contract/methods/optical';
import { currentCatalog } from '../../i18n/catalog';
import { obisMeaningText, obisValueText } from './obisText';
import { formatDecimal } from '../../../../shared/i18n/number';
import { formatDateTime } from '../../lib/format';
import { useMeterStore } from '../meter/meterStore';
import { useOpticalStore } from './opticalStore';
import { ProgramPanel } from './ProgramPanel';
import { DlmsReadPanel } from './DlmsReadPanel';
import { useProgramStore } from './programStore';
import { useDlmsStore } from './dlmsStore';

interface Props {
  detail: Pick<MeterDetail, 'usagePointId' | 'meterSerial'>;
  locale: string;
  /** Where the values go; by default the meter screen's reading form (a work-order wizard passes its own). */
  onUse?: (values: { registerId: number; text: string }[], meterSerial: string | null) => void;
  /** The new meter of an install or exchange (from stock) instead of the one installed. */
  job?: JobMeter | undefined;
  /** Shown opened, and whether programming is offered (default: yes). */
  open?: boolean;
  program?: boolean;
}

export function OpticalPanel({ detail, locale, onUse, job, open, program = true }: Props) {
  const { t, i18n } = useTranslation();
  const o = useOpticalStore();
  const applyOptical = useMeterStore((s) => s.applyOptical);
  const programming = useProgramStore((s) => s.running !== null);
  const dlmsRunning = useDlmsStore((s) => s.running !== null);
  const busy = o.reading || programming || dlmsRunning;
  const [typedPort, setTypedPort] = useState('');
  const { loadPorts, clear } = o;
  useEffect(() => {
    clear();
    void loadPorts(detail.usagePointId);
  }, [detail.usagePointId, loadPorts, clear]);

  const use = () => {
    if (!o.result) return;
    const values = o.result.values.flatMap((v) =>
      v.registerId !== null && v.registerValue !== null
        ? [
            {
              registerId: v.registerId,
              text: formatDecimal(v.registerValue, locale),
              ...(v.capturedAt ? { capturedAt: v.capturedAt } : {}),
            },
          ]
        : [],
    );
    (onUse ?? applyOptical)(values, o.result.meterSerial);
  };
  const phase = o.progress ? t(`optical.phase.${o.progress.phase}`) : t('optical.phase.signOn');
  const left = o.progress?.estimatedMsLeft;
  const seconds = left === null || left === undefined ? null : Math.ceil(left / 1000);

  return (
    <details className="optical" data-testid="optical-panel" open={open}>
      <summary>{t('optical.title')}</summary>
      <div className="optical-controls">
        <label className="field-label" htmlFor="optical-port">
          {t('optical.port')}
        </label>
        <select
          id="optical-port"
          className="input"
          data-testid="optical-port"
          value={o.port}
          disabled={busy}
          onChange={(e) => o.setPort(e.target.value)}
        >
          {o.ports.length === 0 && <option value="">{t('optical.noPorts')}</option>}
          {o.ports.map((p) => (
            <option key={p.path} value={p.path}>
              {p.training ? t('optical.training') : `${p.path}${p.label ? ` · ${p.label}` : ''}`}
            </option>
          ))}
        </select>
        {o.reading || programming ? (
          <button type="button" className="button" data-testid="optical-cancel" onClick={() => void o.cancel()}>
            {t('optical.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="optical-read"
            disabled={!o.port || dlmsRunning}
            onClick={() => void o.read(detail.usagePointId, job)}
          >
            {t('optical.read')}
          </button>
        )}
      </div>
      <div className="optical-controls">
        <label className="field-label" htmlFor="optical-port-path">
          {t('optical.portPath')}
        </label>
        <input
          id="optical-port-path"
          className="input"
          data-testid="optical-port-path"
          placeholder={t('optical.portPathHint')}
          maxLength={260}
          value={typedPort}
          disabled={busy}
          onChange={(e) => setTypedPort(e.target.value)}
          onKeyDown={(e) => {
            // Enter here chooses the port; it must not submit the reading form around it.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            o.usePort(typedPort);
          }}
        />
        <button
          type="button"
          className="button"
          data-testid="optical-port-use"
          disabled={busy || !typedPort.trim()}
          onClick={() => o.usePort(typedPort)}
        >
          {t('optical.usePort')}
        </button>
      </div>
      {o.ports.length === 0 && o.portsReason && <p className="muted">{o.portsReason}</p>}
      {o.reading && (
        <p className="optical-progress" role="status" data-testid="optical-progress">
          {phase}
          {o.progress ? ` · ${t('optical.bytes', { count: o.progress.bytes })} · ${o.progress.baud} Bd` : ''}
          {seconds !== null ? ` · ${t('optical.left', { seconds })}` : ''}
        </p>
      )}
      {o.error && (
        <p className="inline-error" role="alert" data-testid="optical-error">
          {o.error}
        </p>
      )}
      {o.result && (
        <div data-testid="optical-result">
          {o.result.serialMatches === false && (
            <p className="inline-error" role="alert" data-testid="optical-serial-mismatch">
              {t('optical.serialMismatch', { read: o.result.meterSerial, expected: detail.meterSerial })}
            </p>
          )}
          {o.result.status?.errorRegisterSet && (
            <p className="inline-error" role="alert" data-testid="optical-error-register">
              {t('optical.errorRegister', { value: o.result.status.errorRegister })}
            </p>
          )}
          <table className="optical-table">
            <thead>
              <tr>
                <th>{t('optical.obis')}</th>
                <th>{t('optical.meaning')}</th>
                <th>{t('optical.value')}</th>
                <th>{t('optical.readingType')}</th>
              </tr>
            </thead>
            <tbody>
              {o.result.values.map((v) => {
                return (
                  <tr key={v.obis} className={v.registerId !== null ? 'matched' : undefined}>
                    <td className="code">{v.obis}</td>
                    <td data-testid="optical-meaning">{obisMeaningText(v.obis, v.readingType, currentCatalog())}</td>
                    <td>
                      {obisValueText(v.obis, v.value, i18n.language)}
                      {v.unit ? ` ${v.unit}` : ''}
                      {/* A value the meter dated itself (DSMR 0-n:24.2.1): it is saved with that time. */}
                      {v.capturedAt && (
                        <small className="muted" data-testid="optical-captured">
                          {' '}
                          {t('optical.capturedAt', { time: formatDateTime(v.capturedAt, i18n.language) })}
                        </small>
                      )}
                    </td>
                    <td className="mono">{v.readingType ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            className="button primary"
            data-testid="optical-use"
            onClick={use}
            disabled={!o.result.values.some((v) => v.registerId !== null)}
          >
            {t('optical.use')}
          </button>
        </div>
      )}
      {!job && <DlmsReadPanel usagePointId={detail.usagePointId} port={o.port} busy={busy} />}
      {program && <ProgramPanel usagePointId={detail.usagePointId} job={job} />}
    </details>
  );
}
