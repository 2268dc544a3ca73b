/**
 * A DLMS/COSEM meter (mode E) at the stop: pick the days of load profile, Read and save. Shows
 * the meter's serial, the clock's drift and the disconnect control in words, the registers, and
 * the intervals with their status (issue 22 item 2). The registers are saved as the stop's
 * reading with the usual checks; the load profile is queued for the enterprise.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DlmsReadResult } from '../../../../shared/contract/methods/dlmsRead';
import { DayInput } from '../review/DayInput';
import { useDlmsStore } from './dlmsStore';
import { currentCatalog } from '../../i18n/catalog';
import { obisMeaningText } from './obisText';
import { offersLoadProfile } from '../../../../shared/dlms/objectList';
import { DlmsObjects } from './DlmsObjects';

interface Props {
  usagePointId: string;
  port: string;
  busy: boolean;
}

/** The drift in whole seconds and which way (the words are the catalog's). */
function drift(clock: NonNullable<DlmsReadResult['clock']>): { seconds: number; way: 'exact' | 'ahead' | 'behind' } {
  const seconds = Math.round(Math.abs(clock.driftS));
  return { seconds, way: seconds === 0 ? 'exact' : clock.driftS > 0 ? 'ahead' : 'behind' };
}

const flagKeys = {
  'power-down': 'optical.dlms.flag.power-down',
  'clock-adjusted': 'optical.dlms.flag.clock-adjusted',
  'data-not-valid': 'optical.dlms.flag.data-not-valid',
  'clock-invalid': 'optical.dlms.flag.clock-invalid',
  'critical-error': 'optical.dlms.flag.critical-error',
  'daylight-saving': 'optical.dlms.flag.daylight-saving',
} as const;
const isFlag = (s: string): s is keyof typeof flagKeys => Object.hasOwn(flagKeys, s);

const disconnectKey = { connected: 'connected', disconnected: 'disconnected', 'ready-for-reconnection': 'readyForReconnection' } as const;

/** At most this many intervals in the table: a day of 15-minute data; the rest is sent, not shown. */
const SHOWN_INTERVALS = 96;

export function DlmsReadPanel({ usagePointId, port, busy }: Props) {
  const { t } = useTranslation();
  const d = useDlmsStore();
  const { clear } = d;
  useEffect(() => clear(), [usagePointId, clear]);
  const r = d.result;
  const clock = r?.clock ? drift(r.clock) : null;
  // A load profile is offered unless the meter's object list is known and lists none.
  const withProfile = d.objects === null || offersLoadProfile(d.objects);
  const left = d.progress?.estimatedMsLeft;
  const seconds = left === null || left === undefined ? null : Math.ceil(left / 1000);
  return (
    <div className="optical-dlms" data-testid="dlms-panel">
      <p className="field-label">{t('optical.dlms.title')}</p>
      <div className="optical-controls">
        {!withProfile && (
          <p className="muted" data-testid="dlms-no-profile">
            {t('optical.dlms.noProfile')}
          </p>
        )}
        {/* Days as the user writes them (German TT.MM.JJJJ), not the browser's own date field. */}
        {withProfile && (
          <>
            <DayInput
              label={t('optical.dlms.from')}
              testId="dlms-from"
              inputClassName="input"
              value={d.from}
              onChange={(day) => d.setPeriod(day, d.to < day ? day : d.to)}
            />
            <DayInput
              label={t('optical.dlms.to')}
              testId="dlms-to"
              inputClassName="input"
              value={d.to}
              onChange={(day) => d.setPeriod(d.from, day)}
            />
          </>
        )}
        {d.running ? (
          <button type="button" className="button" data-testid="dlms-cancel" onClick={() => void d.cancel()}>
            {t('optical.cancel')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              data-testid="dlms-objects"
              disabled={!port || busy}
              onClick={() => void d.listObjects(usagePointId, port)}
            >
              {t('optical.dlms.listObjects')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="dlms-read"
              disabled={!port || busy || (withProfile && (!d.from || !d.to))}
              onClick={() => void d.read(usagePointId, port, withProfile)}
            >
              {t('optical.dlms.read')}
            </button>
          </>
        )}
      </div>
      {d.running && (
        <p className="optical-progress" role="status" data-testid="dlms-progress">
          {t(d.progress ? `optical.phase.${d.progress.phase}` : 'optical.phase.signOn')}
          {d.progress ? ` · ${t('optical.bytes', { count: d.progress.bytes })} · ${d.progress.baud} Bd` : ''}
          {seconds !== null ? ` · ${t('optical.left', { seconds })}` : ''}
        </p>
      )}
      {d.objects && <DlmsObjects objects={d.objects} />}
      {d.error && (
        <p className="inline-error" role="alert" data-testid="dlms-error">
          {d.error}
        </p>
      )}
      {r && (
        <div data-testid="dlms-result">
          {d.modeE && <p data-testid="dlms-mode-e">{t('optical.dlms.modeE')}</p>}
          <p>{t('optical.dlms.meter', { serial: r.meterSerial ?? '—', baud: r.baud })}</p>
          <p data-testid="dlms-saved">{t('optical.dlms.saved', { count: r.savedReadings })}</p>
          {clock && (
            <p data-testid="dlms-clock">
              {clock.way === 'exact'
                ? t('optical.dlms.clockExact')
                : clock.way === 'ahead'
                  ? t('optical.dlms.clockAhead', { seconds: clock.seconds })
                  : t('optical.dlms.clockBehind', { seconds: clock.seconds })}
            </p>
          )}
          {r.disconnect?.controlState && (
            <p data-testid="dlms-disconnect">{t(`optical.dlms.disconnect.${disconnectKey[r.disconnect.controlState]}`)}</p>
          )}
          <table className="optical-table" data-testid="dlms-registers">
            <tbody>
              {r.registers.map((g) => (
                <tr key={g.obis} data-obis={g.obis}>
                  <td>
                    {obisMeaningText(g.obis, g.readingType, currentCatalog())} <span className="code">{g.obis}</span>
                  </td>
                  <td>
                    {g.value ?? '—'}
                    {g.unit ? ` ${g.unit}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.profile && (
            <>
              <p data-testid="dlms-profile">
                {t('optical.dlms.profile', { count: r.profile.intervals.length, minutes: r.profile.capturePeriodS / 60 })}
              </p>
              {/* A region that scrolls is reached by keyboard too (axe-core scrollable-region-focusable, WCAG 2.1.1). */}
              <div
                className="dlms-intervals-scroll"
                role="region"
                tabIndex={0}
                aria-label={t('optical.dlms.profile', { count: r.profile.intervals.length, minutes: r.profile.capturePeriodS / 60 })}
              >
                <table className="optical-table dlms-intervals" data-testid="dlms-intervals">
                  <thead>
                    <tr>
                      <th>{t('optical.dlms.end')}</th>
                      {r.profile.channels.map((c) => (
                        <th key={c.obis}>
                          {obisMeaningText(c.obis, c.readingType, currentCatalog())}
                          {c.unit ? ` (${c.unit})` : ''} <span className="code">{c.obis}</span>
                        </th>
                      ))}
                      <th>{t('optical.dlms.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.profile.intervals.slice(0, SHOWN_INTERVALS).map((i) => (
                      <tr key={i.end} className={i.status.length ? 'flagged' : undefined}>
                        <td className="mono">{i.end.slice(0, 16).replace('T', ' ')}</td>
                        {i.values.map((v, c) => (
                          <td key={c}>{v ?? '—'}</td>
                        ))}
                        <td>{i.status.map((s) => (isFlag(s) ? t(flagKeys[s]) : s)).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
