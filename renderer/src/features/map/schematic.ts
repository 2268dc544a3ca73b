/**
 * The schematic route map: stops placed by their coordinates on a plain plot, no tiles, so the
 * map works with no network at all (issue 24 §4). An equirectangular projection scaled by the
 * cosine of the middle latitude keeps a street's shape at route scale (a few km); north is up.
 * Pure, so the bench measures it on a 600-stop route.
 */
import type { StopStatus } from '../../../../shared/contract/entities';
import { nextStop } from '../../../../shared/domain/walkOrder';

export interface MapStop {
  readonly usagePointId: string;
  readonly sequence: number;
  readonly address: string;
  readonly status: StopStatus;
  readonly latitude?: number | undefined;
  readonly longitude?: number | undefined;
}

/** What the map tells apart; `warning` is a read stop (its warning shows in the list). */
export type MapStatus = 'read' | 'skipped' | 'todo';
export const mapStatusOf = (status: StopStatus): MapStatus => (status === 'skipped' ? 'skipped' : status === 'unread' ? 'todo' : 'read');

export interface PlacedStop {
  readonly stop: MapStop;
  readonly status: MapStatus;
  readonly x: number;
  readonly y: number;
}

export interface SchematicPlot {
  readonly width: number;
  readonly height: number;
  readonly placed: readonly PlacedStop[];
  /** The walk in sequence order, as an SVG polyline's points. */
  readonly path: string;
  /** The next stop in walking order (shared/domain/walkOrder.ts), as placed; null when it has no coordinates. */
  readonly next: PlacedStop | null;
  /** The next stop in walking order, placed or not; null when all are done. */
  readonly nextStop: MapStop | null;
  readonly withoutCoordinates: number;
  /** Projects a position onto the plot (the technician's), or null when it lies far outside it. */
  project(latitude: number, longitude: number): { x: number; y: number } | null;
}

const PAD = 24;

/** Places the stops in a box `width` wide, as tall as their spread needs (at least a third, at most twice the width). */
export function schematicPlot(stops: readonly MapStop[], width = 480): SchematicPlot {
  const located = stops.filter((s) => s.latitude !== undefined && s.longitude !== undefined).sort((a, b) => a.sequence - b.sequence);
  let minLat = Infinity,
    maxLat = -Infinity,
    minLon = Infinity,
    maxLon = -Infinity;
  for (const s of located) {
    const lat = s.latitude as number,
      lon = s.longitude as number;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180) || 1;
  // A single stop (or all at one spot) still gets a scale: about 100 m across.
  const spanX = Math.max((maxLon - minLon) * cos, 0.001);
  const spanY = Math.max(maxLat - minLat, 0.001);
  const inner = width - 2 * PAD;
  const scale = Math.min(inner / spanX, (2 * inner) / spanY);
  const height = Math.round(Math.min(2 * width, Math.max(width / 3, spanY * scale + 2 * PAD)));
  const offsetX = PAD + (inner - (maxLon - minLon) * cos * scale) / 2;
  const offsetY = (height - (maxLat - minLat) * scale) / 2;
  const toXY = (lat: number, lon: number) => ({ x: offsetX + (lon - minLon) * cos * scale, y: offsetY + (maxLat - lat) * scale });

  const placed: PlacedStop[] = new Array(located.length);
  let path = '';
  const walkNext = nextStop(stops);
  let next: PlacedStop | null = null;
  for (let i = 0; i < located.length; i++) {
    const stop = located[i] as MapStop;
    const { x, y } = toXY(stop.latitude as number, stop.longitude as number);
    const p: PlacedStop = { stop, status: mapStatusOf(stop.status), x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
    placed[i] = p;
    path += `${i ? ' ' : ''}${p.x},${p.y}`;
    if (stop === walkNext) next = p;
  }
  return {
    width,
    height,
    placed,
    path,
    next,
    nextStop: walkNext,
    withoutCoordinates: stops.length - located.length,
    project(latitude, longitude) {
      const p = toXY(latitude, longitude);
      return p.x < -width || p.x > 2 * width || p.y < -height || p.y > 2 * height ? null : p;
    },
  };
}
