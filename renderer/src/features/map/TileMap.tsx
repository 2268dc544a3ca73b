/**
 * The route over map tiles from the utility's tile server (Leaflet), when a supervisor set a tile
 * URL. Any tile that fails to load before one has loaded hands over to the schematic plot
 * (onFail), so a crew without network still sees its route.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapStatus, PlacedStop } from './schematic';

const colours: Readonly<Record<MapStatus, string>> = { read: '#1b5e20', skipped: '#8a4b00', todo: '#0b3d91' };

interface Props {
  readonly tileUrl: string;
  readonly placed: readonly PlacedStop[];
  readonly next: PlacedStop | null;
  readonly position: { latitude: number; longitude: number } | null;
  onFail(): void;
  onOpen(usagePointId: string): void;
}

export function TileMap({ tileUrl, placed, next, position, onFail, onOpen }: Props) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = element.current;
    if (!el || placed.length === 0) return;
    const map = L.map(el, { attributionControl: true, zoomControl: true });
    let loaded = false;
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19, crossOrigin: false });
    tiles.on('tileload', () => (loaded = true));
    tiles.on('tileerror', () => {
      if (!loaded) onFail();
    });
    tiles.addTo(map);
    const bounds = L.latLngBounds([]);
    for (const p of placed) {
      const at = L.latLng(p.stop.latitude as number, p.stop.longitude as number);
      bounds.extend(at);
      const isNext = p === next;
      L.circleMarker(at, {
        radius: isNext ? 11 : 7,
        color: isNext ? '#000' : colours[p.status],
        weight: isNext ? 4 : 2,
        fillColor: colours[p.status],
        fillOpacity: p.status === 'todo' ? 0.15 : 0.9,
      })
        .bindTooltip(
          t('map.stopLabel', { sequence: p.stop.sequence, address: p.stop.address, status: t(`map.status.${isNext ? 'next' : p.status}`) }),
        )
        .on('click', () => onOpen(p.stop.usagePointId))
        .addTo(map);
    }
    if (position)
      L.circleMarker([position.latitude, position.longitude], { radius: 9, color: '#fff', weight: 3, fillColor: '#c00', fillOpacity: 1 })
        .bindTooltip(t('map.position'))
        .addTo(map);
    map.fitBounds(bounds.pad(0.1));
    return () => void map.remove();
  }, [tileUrl, placed, next, position, onFail, onOpen, t]);

  return <div ref={element} className="map-tiles" data-testid="map-tiles" />;
}
