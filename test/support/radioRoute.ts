/**
 * A route of radio meters (wireless M-Bus, KAM water meters numbered from 30000000) for the Listen tests and the
 * Listen screen's benchmark: the meters for the receiver simulator, the route file the office sends, and one
 * meter's telegram as the iM871A hands it over.
 */
import { encodeTelegram, volumeRecords, wrapForReceiver, type RadioMeterProfile } from '../../shared/mbus';
import { csv, row } from './routeCsv';

/** Water volume, m³: the route's register type for a radio water meter. */
const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

/** Meter i's identification number. */
export const radioId = (i: number) => String(30_000_000 + i);

export function radioMeters(count: number, key?: Uint8Array): RadioMeterProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    manufacturer: 'KAM',
    id: radioId(i),
    version: 0x1b,
    deviceType: 0x07,
    volume: `${100 + i}.${String(i % 1000).padStart(3, '0')}`,
    ...(key ? { key } : {}),
  }));
}

/** How the route's stops are written: its id, the usage points' prefix (meter i at `${up}${i}`), the last read. */
export interface RadioStops {
  readonly route?: string;
  readonly up?: string;
  readonly last?: string;
  readonly average?: string;
}

/** The route file with one stop per meter, its radio address as the meter number (route R-RADIO, UP-R0 … by default). */
export function radioRouteCsv(count: number, stops: RadioStops = {}): string {
  const { route = 'R-RADIO', up = 'UP-R', last = '1', average = '' } = stops;
  const rows = Array.from({ length: count }, (_, i) =>
    row({
      route,
      seq: String(10 + i),
      up: `${up}${i}`,
      serial: `KAM${radioId(i)}`,
      type: WATER,
      dials: '6',
      decimals: '3',
      last,
      average,
    }),
  );
  return csv(...rows);
}

/** Meter i's telegram, unencrypted, as the iM871A hands it over (what a Listen test feeds its session). */
export const radioTelegram = (i: number, volume: string, accessNumber = 1) =>
  wrapForReceiver(
    'im871a',
    encodeTelegram({
      manufacturer: 'KAM',
      id: radioId(i),
      version: 1,
      deviceType: 0x07,
      accessNumber,
      records: volumeRecords(volume),
      withoutCrc: true,
    }),
    0x50,
  );
