/**
 * Walk-by listening on a route with radio meters (issue 23): pick the receiver and its port,
 * Listen, and watch who was heard (values, how long ago) and who not; save one or all heard
 * meters. A meter heard but not readable shows why (no key, cannot decrypt), never values.
 * Meters not heard after a few minutes are listed for a visit by hand.
 */
import { memo, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listenModes, listenReceivers, type ListenState } from '../../../../shared/contract/methods/listen';
import { useProfile } from '../../app/appStore';
import { HeardList } from './HeardList';
import { useListenStore } from './listenStore';

/** After this long without a telegram a meter is listed for a manual visit. */
const MANUAL_VISIT_AFTER_MS = 5 * 60_000;

type Stop = ListenState['notHeard'][number];

/** A stop keeps its object while it is not heard (mergeListenState.ts): its row is drawn once. */
const NotHeardRow = memo(function NotHeardRow({ stop }: { stop: Stop }) {
  return (
    <li>
      {stop.sequence}. {stop.meterSerial} {stop.address}
    </li>
  );
});

/**
 * Stops not heard yet, in route order: the same list object while no meter is heard anew. When meters are
 * heard for the first time their rows are removed and the others are left as they are, not drawn again.
 * The list scrolls in its own box (optical.css): a route's hundreds of stops never push the route's meter list
 * off the screen. It is focusable, so it scrolls by keyboard, and named by its heading.
 */
const NotHeardList = memo(function NotHeardList({ stops, labelledBy }: { stops: readonly Stop[]; labelledBy: string }) {
  return (
    <ul className="listen-not-heard" data-testid="listen-not-heard" tabIndex={0} aria-labelledby={labelledBy}>
      {stops.map((s) => (
        <NotHeardRow key={s.usagePointId} stop={s} />
      ))}
    </ul>
  );
});

export function ListenPanel({ routeId }: { routeId: string }) {
  const { t } = useTranslation();
  const l = useListenStore();
  const supervisor = useProfile()?.role === 'supervisor';
  const loadRouteSetting = l.loadRouteSetting;
  useEffect(() => void loadRouteSetting(routeId), [loadRouteSetting, routeId]);
  const autoSave = l.routeAutoSave[routeId];
  const state = l.state?.routeId === routeId ? l.state : null;
  const active = state?.active === true;
  const longAgo = state?.startedAt ? Date.now() - Date.parse(state.startedAt) > MANUAL_VISIT_AFTER_MS : false;
  // rtl-wmbus is read from a pipe and switched to no mode (shared/mbus/rtlWmbus.ts).
  const rtl = l.receiver === 'rtlwmbus';
  const heardTitle = useId();
  const notHeardTitle = useId();

  return (
    <details className="listen" data-testid="listen-panel">
      <summary>{t('listen.title')}</summary>
      <div className="optical-controls">
        <label className="field-label" htmlFor="listen-receiver">
          {t('listen.receiver')}
        </label>
        <select
          id="listen-receiver"
          className="input"
          data-testid="listen-receiver"
          value={l.receiver}
          disabled={active}
          onChange={(e) => l.setReceiver(listenReceivers.find((r) => r === e.target.value) ?? 'im871a')}
        >
          <option value="im871a">IMST iM871A</option>
          <option value="amber">Amber AMB8465</option>
          <option value="rtlwmbus">{t('listen.rtlWmbus')}</option>
        </select>
        <label className="field-label" htmlFor="listen-port">
          {t('listen.port')}
        </label>
        <input
          id="listen-port"
          className="input"
          data-testid="listen-port"
          value={l.port}
          disabled={active}
          placeholder={rtl ? '/run/wmbus.fifo' : '/dev/ttyUSB0'}
          title={rtl ? t('listen.rtlWmbusPort') : undefined}
          onChange={(e) => l.setPort(e.target.value)}
        />
        <label className="field-label" htmlFor="listen-mode">
          {t('listen.mode')}
        </label>
        <select
          id="listen-mode"
          className="input"
          data-testid="listen-mode"
          value={l.mode}
          disabled={active || rtl}
          title={rtl ? t('listen.rtlWmbusModes') : undefined}
          onChange={(e) => l.setMode(listenModes.find((m) => m === e.target.value) ?? 'T1')}
        >
          {listenModes.map((m) => (
            <option key={m} value={m}>
              {t(`listen.modes.${m}`)}
            </option>
          ))}
        </select>
        {/* The route's setting: shown to everyone, changed by a supervisor (the Node side checks the right). */}
        {supervisor && autoSave !== undefined ? (
          <label className="checkbox" title={t('listen.autoSaveWhy')}>
            <input
              type="checkbox"
              data-testid="listen-auto-save"
              checked={autoSave}
              disabled={active}
              onChange={(e) => void l.setRouteAutoSave(routeId, e.target.checked)}
            />{' '}
            {t('listen.autoSaveSet')}
          </label>
        ) : (
          autoSave !== undefined && (
            <p className="muted" data-testid="listen-auto-save-note">
              {t(autoSave ? 'listen.autoSaveOn' : 'listen.autoSaveOff')}
            </p>
          )
        )}
        {active ? (
          <button type="button" className="button" data-testid="listen-stop" onClick={() => void l.stop()}>
            {t('listen.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            data-testid="listen-start"
            disabled={!l.port}
            onClick={() => void l.start(routeId)}
          >
            {t('listen.start')}
          </button>
        )}
      </div>
      {l.error && (
        <p role="alert" className="error">
          {l.error}
        </p>
      )}
      {state?.stoppedBecause && <p role="alert">{t(`listen.stopped.${state.stoppedBecause}`)}</p>}
      {state && (
        <>
          <p data-testid="listen-counts" aria-live="polite">
            {t('listen.counts', {
              heard: state.counts.heard,
              stops: state.counts.stops,
              notHeard: state.counts.notHeard,
              others: state.counts.notOnRoute,
            })}
          </p>
          <button
            type="button"
            className="button"
            data-testid="listen-save-all"
            disabled={!state.heard.some((h) => h.values.length > 0 && !h.readingSetId)}
            onClick={() => void l.saveAll()}
          >
            {t('listen.saveAll')}
          </button>
          {/* Side by side where the route's pane is wide, one above the other where it is not (optical.css). */}
          <div className="listen-lists">
            {/* There from the start, hidden until a meter is heard: the list readies its "… ago" formatter while it waits. */}
            <section className="listen-heard-section" hidden={state.heard.length === 0}>
              <h3 id={heardTitle}>{t('listen.heardList')}</h3>
              <HeardList heard={state.heard} labelledBy={heardTitle} />
            </section>
            {state.notHeard.length > 0 && (
              <section className="listen-not-heard-section">
                <h3 id={notHeardTitle}>{longAgo ? t('listen.visitByHand') : t('listen.notHeard')}</h3>
                <NotHeardList stops={state.notHeard} labelledBy={notHeardTitle} />
              </section>
            )}
          </div>
        </>
      )}
    </details>
  );
}
