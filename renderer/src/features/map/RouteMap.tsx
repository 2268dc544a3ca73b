/**
 * The route on a map (issue 24 §4): stops by status (read / skipped / to do, shape and colour and
 * a legend), the next stop marked and named, the technician's position once they agree to share
 * it. Tiles when a supervisor set a tile URL and they load; otherwise — and always offline — the
 * schematic plot of the stops by their coordinates.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSettings } from '../../../../shared/contract/methods/map';
import { api } from '../../api/client';
import { useNavStore } from '../../app/navStore';
import { giveLocationConsent, hasLocationConsent } from '../../lib/locationConsent';
import { MapSettingsForm } from './MapSettingsForm';
import { schematicPlot, type MapStop } from './schematic';
import { SchematicMap, StopMark } from './SchematicMap';
import { TileMap } from './TileMap';
import { useProfile } from '../../app/appStore';

type Where = { latitude: number; longitude: number };

function usePosition(): { position: Where | null; denied: boolean; ask(): void } {
  const [position, setPosition] = useState<Where | null>(null);
  const [denied, setDenied] = useState(false);
  const [asked, setAsked] = useState(hasLocationConsent);
  useEffect(() => {
    if (!asked || !navigator.geolocation) return;
    const id = navigator.geolocation.watchPosition(
      (p) => (setDenied(false), setPosition({ latitude: p.coords.latitude, longitude: p.coords.longitude })),
      () => setDenied(true),
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [asked]);
  return { position, denied: asked && (denied || !navigator.geolocation), ask: () => (giveLocationConsent(), setAsked(true)) };
}

export function RouteMap({ stops, routeName }: { stops: readonly MapStop[]; routeName: string }) {
  const { t } = useTranslation();
  const openMeter = useNavStore((s) => s.openMeter);
  const supervisor = useProfile()?.role === 'supervisor';
  const [settings, setSettings] = useState<MapSettings | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const { position, denied, ask } = usePosition();
  const plot = useMemo(() => schematicPlot(stops), [stops]);
  const onFail = useCallback(() => setTilesFailed(true), []);

  useEffect(() => {
    void api['map.settings.get']({}).then((r) => r.ok && setSettings(r.value));
  }, []);

  const tiles = settings?.tileUrl && !tilesFailed && plot.placed.length > 0;
  const statuses = ['read', 'skipped', 'todo'] as const;
  return (
    <div className="route-map" data-testid="route-map" data-mode={tiles ? 'tiles' : 'schematic'}>
      <h3 className="visually-hidden">{t('map.title', { route: routeName })}</h3>
      <p className="map-next-text" data-testid="map-next" role="status">
        {plot.nextStop ? t('map.next', { sequence: plot.nextStop.sequence, address: plot.nextStop.address }) : t('map.allDone')}
      </p>
      {plot.placed.length === 0 ? (
        <p className="muted" data-testid="map-no-coordinates">
          {t('map.noCoordinates')}
        </p>
      ) : tiles ? (
        <TileMap tileUrl={settings.tileUrl} placed={plot.placed} next={plot.next} position={position} onFail={onFail} onOpen={openMeter} />
      ) : (
        <SchematicMap plot={plot} position={position ? plot.project(position.latitude, position.longitude) : null} onOpen={openMeter} />
      )}
      {tilesFailed && (
        <p className="muted" role="status">
          {t('map.tilesFailed')}
        </p>
      )}
      {!tiles && plot.placed.length > 0 && <p className="muted">{t('map.schematic')}</p>}
      {plot.withoutCoordinates > 0 && <p className="muted">{t('map.withoutCoordinates', { count: plot.withoutCoordinates })}</p>}
      <ul className="map-legend" aria-label={t('map.legend')} data-testid="map-legend">
        {statuses.map((s) => (
          <li key={s}>
            <svg width="32" height="32" viewBox="-16 -16 32 32" aria-hidden="true">
              <StopMark status={s} x={0} y={0} />
            </svg>
            {t(`map.status.${s}`)} ({plot.placed.filter((p) => p.status === s).length})
          </li>
        ))}
        <li>
          <svg width="32" height="32" viewBox="-16 -16 32 32" aria-hidden="true">
            <StopMark status="todo" x={0} y={0} next />
          </svg>
          {t('map.status.next')}
        </li>
      </ul>
      {!position && (
        <button type="button" className="button" data-testid="map-show-position" onClick={ask}>
          {t('map.showPosition')}
        </button>
      )}
      {denied && (
        <p className="muted" role="status">
          {t('map.positionDenied')}
        </p>
      )}
      {supervisor && settings && <MapSettingsForm settings={settings} onSaved={(s) => (setTilesFailed(false), setSettings(s))} />}
    </div>
  );
}
