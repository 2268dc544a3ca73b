/**
 * A route of radio meters (wireless M-Bus, KAM water meters numbered from 30000000) for the Listen screen's
 * end-to-end test and its benchmark: the meters for the receiver simulator, and the route file the office sends.
 */
import type { RadioMeterProfile } from '../../shared/mbus';
import { csv, row } from './routeCsv';

/** Water volume, m³: the route's register type for a radio water meter. */
const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

export function radioMeters(count: number, key?: Uint8Array): RadioMeterProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    manufacturer: 'KAM',
    id: String(30_000_000 + i),
    version: 0x1b,
    deviceType: 0x07,
    volume: `${100 + i}.${String(i % 1000).padStart(3, '0')}`,
    ...(key ? { key } : {}),
  }));
}

/** The route file of route R-RADIO with one stop per meter (its radio address as the meter number). */
export function radioRouteCsv(meters: readonly RadioMeterProfile[]): string {
  const rows = meters.map((m, i) =>
    row({
      route: 'R-RADIO',
      seq: String(10 + i),
      up: `UP-R${i}`,
      serial: `${m.manufacturer}${m.id}`,
      type: WATER,
      dials: '6',
      decimals: '3',
      last: '1',
    }),
  );
  return csv(...rows);
}
