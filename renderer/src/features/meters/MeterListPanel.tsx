/** The selected route's meters: search (debounced, `/` to focus) above a virtualised, keyboard-driven list. */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavStore } from '../../app/navStore';
import { PaneBack } from '../../app/PaneBack';
import { useDebounced } from '../../lib/useDebounced';
import { useRoutesStore } from '../routes/routesStore';
import { FilterChips } from './FilterChips';
import { MeterList, type MeterListHandle } from './MeterList';
import { useMetersStore } from './metersStore';
import { RouteMap } from '../map/RouteMap';
import { ListenPanel } from '../listen/ListenPanel';
import { WiredMbusPanel } from '../wiredMbus/WiredMbusPanel';
import { radioAddressPattern } from '../../../../shared/mbus/radioAddress';
import { nextStop } from '../../../../shared/domain/walkOrder';

const SEARCH_DELAY_MS = 200;

let listHandle: MeterListHandle | null = null;
let listPanel: HTMLElement | null = null;
/** Set when the list must take the keyboard as soon as it is shown again. */
let focusWhenShown = false;
/**
 * Lets the reading form hand the keyboard back to the list (Escape). Where one pane is shown at a
 * time the list is hidden behind the open meter: close the meter first, then focus the list.
 */
export const focusMeterList = () => {
  if (listPanel && !listPanel.checkVisibility()) {
    focusWhenShown = true;
    useNavStore.getState().closeMeter();
    return;
  }
  listHandle?.focus();
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function MeterListPanel() {
  const { t } = useTranslation();
  const routeId = useNavStore((s) => s.routeId);
  const meterOpen = useNavStore((s) => s.usagePointId !== null);
  const selectRoute = useNavStore((s) => s.selectRoute);
  const route = useRoutesStore((s) => s.routes.find((r) => r.id === routeId));
  const { items, loading, error, load, filter } = useMetersStore();
  const allStops = useMetersStore((s) => s.index.items);
  const [showMap, setShowMap] = useState(false);
  // The walk's next stop, the same the map marks: from all the route's stops, whatever the filter shows.
  const nextId = useMemo(() => nextStop(allStops)?.usagePointId ?? null, [allStops]);
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query, SEARCH_DELAY_MS);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<MeterListHandle>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => void load(routeId, settledQuery), [routeId, settledQuery, load]);
  useEffect(() => {
    listHandle = list.current;
    listPanel = panel.current;
    return () => {
      listHandle = null;
      listPanel = null;
    };
  });
  useEffect(() => {
    if (meterOpen || !focusWhenShown) return;
    focusWhenShown = false;
    list.current?.focus();
  }, [meterOpen]);

  // `/` focuses the search from anywhere that is not a text field, as in many list-heavy tools.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      list.current?.openActive();
    } else if (event.key === 'Escape' && query) {
      setQuery('');
    }
  };

  if (!routeId) {
    return (
      <section className="panel meters-panel">
        <p className="muted">{t('meters.chooseRoute')}</p>
      </section>
    );
  }

  return (
    <section ref={panel} className="panel meters-panel" aria-labelledby="meters-title">
      <PaneBack label={t('panes.backToRoutes')} testId="back-to-routes" onBack={() => selectRoute(null)} />
      <div className="meters-heading">
        <h2 id="meters-title" className="panel-title">
          {route?.name ?? routeId}
        </h2>
        <button type="button" className="button" data-testid="toggle-map" aria-pressed={showMap} onClick={() => setShowMap((v) => !v)}>
          {showMap ? t('map.back') : t('map.open')}
        </button>
      </div>
      {/* Radio and wired M-Bus meters are both written by their M-Bus address (manufacturer + id). */}
      {allStops.some((s) => radioAddressPattern.test(s.meterSerial)) && (
        <>
          <ListenPanel routeId={routeId} />
          <WiredMbusPanel />
        </>
      )}
      {showMap ? (
        <RouteMap stops={allStops} routeName={route?.name ?? routeId} />
      ) : (
        <>
          <label className="search">
            <span className="search-label">
              {t('meters.searchLabel')} <kbd aria-hidden="true">/</kbd>
            </span>
            <input
              ref={search}
              type="search"
              value={query}
              placeholder={t('meters.searchPlaceholder')}
              data-testid="meter-search"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={onSearchKey}
            />
          </label>
          <FilterChips route={route} />
          <p className="list-meta" aria-live="polite" data-testid="meter-count" data-loading={loading ? 'true' : 'false'}>
            {settledQuery.trim() ? t('meters.found', { count: items.length }) : t('meters.count', { count: items.length })}
          </p>
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          <MeterList ref={list} items={items} label={t('meters.listLabel')} nextId={nextId} />
          {!loading && items.length === 0 && settledQuery.trim() && (
            <p className="muted">{t('meters.noMatch', { query: settledQuery.trim() })}</p>
          )}
          {!loading && items.length === 0 && !settledQuery.trim() && filter !== 'all' && (
            <p className="muted" data-testid="filter-empty">
              {t('filters.none')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
