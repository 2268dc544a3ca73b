/**
 * Distances on the ground and the map tile address, for the route map and the check of where a
 * reading was taken (issue 24 §4). Pure.
 */

export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

/** Mean Earth radius (IUGG), as the haversine formula is usually given. */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). Good to a few metres at street scale, which is all a "read from the curb" check needs. */
export function distanceM(a: LatLon, b: LatLon): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far from the stop a reading may be taken before the supervisor sees it marked (a read typed from the curb). */
export const DEFAULT_FAR_DISTANCE_M = 150;

/**
 * A slippy-map tile URL template ({z}/{x}/{y}, as OpenStreetMap-style servers and Leaflet's
 * TileLayer use). https only (tiles of a field crew's whereabouts are not sent in the clear), no
 * user or password in it; empty means no tiles (the schematic plot).
 */
export function checkTileUrl(
  text: string,
): { ok: true; url: string } | { ok: false; reason: 'scheme' | 'placeholders' | 'credentials' | 'malformed' } {
  const url = text.trim();
  if (url === '') return { ok: true, url };
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'credentials' };
  if (!['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return { ok: false, reason: 'placeholders' };
  return { ok: true, url };
}
