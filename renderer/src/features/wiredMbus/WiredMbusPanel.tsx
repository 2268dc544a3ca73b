/**
 * Wired M-Bus in the Read area (issue 23 §3): pick the port of the level converter or optical
 * head (listed or typed) and its speed, scan primary addresses or search secondary addresses with
 * wildcards, and see each meter found: manufacturer, id and medium in words (its code small beside).
 * Read shows the meter's records in words with units; Save stores that read at the meter's stop,
 * checked on the Node side (the technician's right, the reading checks).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { wiredBauds, type WiredMeter, type WiredReadResult } from '../../../../shared/contract/methods/wiredMbus';
import { errorText } from '../../lib/errorText';
import { formatDay, formatValue } from '../../lib/format';
import { currentCatalog } from '../../i18n/catalog';
import { useWiredStore } from './wiredStore';

const unitText = (unit: string | null) => (unit ?? '').replace(/m3/g, 'm³');

function RecordList({ read, locale }: { read: WiredReadResult; locale: string }) {
  const { t } = useTranslation();
  const words = currentCatalog().wired;
  const name = (q: string) => (words.quantity as Readonly<Record<string, string>>)[q] ?? q;
  return (
    <ul data-testid="wired-records">
      {read.records
        .filter((r) => r.value !== null || r.date !== null)
        .map((r, i) => {
          const value = r.date
            ? formatDay(r.date.slice(0, 10), locale)
            : r.unit !== null && /^-?\d+(\.\d+)?$/.test(r.value ?? '')
              ? formatValue(r.value!, locale)
              : r.value;
          const notes = [
            r.storage > 0 ? t('wired.storage', { storage: r.storage }) : '',
            r.tariff > 0 ? t('wired.tariff', { tariff: r.tariff }) : '',
            r.function !== 'instantaneous' ? ((words.function as Readonly<Record<string, string>>)[r.function] ?? r.function) : '',
          ].filter(Boolean);
          return (
            <li key={i} data-testid="wired-record" data-storage={r.storage}>
              {name(r.quantity)} {value} {unitText(r.unit)}
              {notes.length > 0 && <small className="muted"> ({notes.join(', ')})</small>}
            </li>
          );
        })}
    </ul>
  );
}

function MeterItem({ meter }: { meter: WiredMeter }) {
  const { t, i18n } = useTranslation();
  const w = useWiredStore();
  const medium = (currentCatalog().wired.medium as Readonly<Record<string, string>>)[meter.medium] ?? meter.medium;
  const read = w.reads[meter.secondary];
  const saved = w.saved[meter.secondary];
  return (
    <li data-testid="wired-meter" data-secondary={meter.secondary}>
      <strong>
        {meter.manufacturer} {meter.id}
      </strong>{' '}
      {medium} <small className="muted">({meter.mediumCode.toString(16).padStart(2, '0').toUpperCase()})</small>
      {meter.primary !== null && <small className="muted"> · {t('wired.primary', { address: meter.primary })}</small>}{' '}
      <button
        type="button"
        className="button"
        data-testid="wired-read"
        disabled={w.reading !== null || (w.state?.busy ?? null) !== null}
        onClick={() => void w.read(meter.secondary, meter.primary)}
      >
        {w.reading === meter.secondary ? t('wired.reading') : t('wired.read')}
      </button>
      {read && (
        <>
          <RecordList read={read} locale={i18n.language} />
          {read.stop ? (
            <p data-testid="wired-stop">
              {t('wired.stop', { meter: read.stop.meterSerial, address: read.stop.address })}{' '}
              {saved ? (
                <span data-testid="wired-saved">{t('wired.saved', { meter: saved })}</span>
              ) : (
                <button type="button" className="button primary" data-testid="wired-save" onClick={() => void w.save(meter.secondary)}>
                  {t('wired.save')}
                </button>
              )}
            </p>
          ) : (
            <p className="muted">{t('wired.notOnRoute')}</p>
          )}
        </>
      )}
    </li>
  );
}

export function WiredMbusPanel() {
  const { t } = useTranslation();
  const w = useWiredStore();
  const loadPorts = w.loadPorts;
  useEffect(() => void loadPorts(), [loadPorts]);
  const busy = w.state?.busy ?? null;
  const number = (text: string, fallback: number) => (/^\d{1,3}$/.test(text) ? Math.min(250, Number(text)) : fallback);

  return (
    <details className="listen" data-testid="wired-panel">
      <summary>{t('wired.title')}</summary>
      <div className="optical-controls">
        <label className="field-label" htmlFor="wired-port">
          {t('wired.port')}
        </label>
        <input
          id="wired-port"
          className="input"
          list="wired-ports"
          data-testid="wired-port"
          value={w.port}
          disabled={busy !== null}
          placeholder={t('wired.portHint')}
          onChange={(e) => w.set({ port: e.target.value })}
        />
        <datalist id="wired-ports">
          {w.ports.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <label className="field-label" htmlFor="wired-baud">
          {t('wired.baud')}
        </label>
        <select
          id="wired-baud"
          className="input"
          data-testid="wired-baud"
          value={w.baud}
          disabled={busy !== null}
          onChange={(e) => w.set({ baud: Number(e.target.value) })}
        >
          {wiredBauds.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </div>
      <div className="optical-controls">
        <label className="field-label" htmlFor="wired-from">
          {t('wired.from')}
        </label>
        <input
          id="wired-from"
          className="input"
          inputMode="numeric"
          data-testid="wired-from"
          value={w.from}
          onChange={(e) => w.set({ from: number(e.target.value, 0) })}
        />
        <label className="field-label" htmlFor="wired-to">
          {t('wired.to')}
        </label>
        <input
          id="wired-to"
          className="input"
          inputMode="numeric"
          data-testid="wired-to"
          value={w.to}
          onChange={(e) => w.set({ to: number(e.target.value, 250) })}
        />
        <button
          type="button"
          className="button primary"
          data-testid="wired-scan"
          disabled={!w.port || busy !== null}
          onClick={() => void w.scan()}
        >
          {t('wired.scan')}
        </button>
      </div>
      <div className="optical-controls">
        <label className="field-label" htmlFor="wired-mask">
          {t('wired.mask')}
        </label>
        <input
          id="wired-mask"
          className="input"
          data-testid="wired-mask"
          value={w.mask}
          maxLength={16}
          onChange={(e) => w.set({ mask: e.target.value.toUpperCase() })}
        />
        <button
          type="button"
          className="button"
          data-testid="wired-search"
          disabled={!w.port || busy !== null}
          onClick={() => void w.search()}
        >
          {t('wired.search')}
        </button>
      </div>
      {busy !== null && (
        <p aria-live="polite" data-testid="wired-progress">
          {w.state?.progress ? t('wired.progress', { at: w.state.progress.at, to: w.state.progress.to }) : t('wired.searching')}{' '}
          <button type="button" className="button" data-testid="wired-cancel" onClick={() => void w.cancel()}>
            {t('wired.cancel')}
          </button>
        </p>
      )}
      {w.error && (
        <p role="alert" className="error">
          {w.error}
        </p>
      )}
      {w.state?.problem && <p role="alert">{errorText({ code: 'VALIDATION', details: { reason: w.state.problem } })}</p>}
      {w.state && busy === null && (
        <p data-testid="wired-found">
          {w.state.cancelled ? `${t('wired.cancelled')} ` : ''}
          {t('wired.found', { count: w.state.found.length })}
        </p>
      )}
      <ul className="listen-heard" data-testid="wired-meters">
        {(w.state?.found ?? []).map((m) => (
          <MeterItem key={m.secondary} meter={m} />
        ))}
      </ul>
    </details>
  );
}
