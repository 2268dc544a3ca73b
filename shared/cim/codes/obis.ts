/**
 * OBIS (IEC 62056-61) register codes read over the IEC 62056-21 optical port → IEC 61968-9
 * ReadingType (18-part codes, NOTES.md §6). Electricity only (OBIS A = 1). The ReadingTypes are
 * composed from the CBO enum values; the max-demand ones assume a 15-minute demand period, the
 * most common setting, which a utility can override with its own table.
 */
import { encodeReadingType } from '../readingType';

export interface ObisMapping {
  /** Reduced OBIS C.D.E as a 62056-21 data line shows it, e.g. "1.8.0". */
  obis: string;
  readingType: string;
  description: string;
}

const kWh = { commodity: 1, measurementKind: 12, multiplier: 3, unit: 72, accumulation: 1 } as const;
const kvarh = { commodity: 1, measurementKind: 12, multiplier: 3, unit: 73, accumulation: 1 } as const;
const maxDemandKw = { macroPeriod: 8, aggregate: 8, measuringPeriod: 2, accumulation: 6, commodity: 1, measurementKind: 8, multiplier: 3, unit: 38 } as const;
const instantaneous = { accumulation: 12, commodity: 1 } as const;

const FORWARD = 1;
const REVERSE = 19;

export const OBIS_READING_TYPES: readonly ObisMapping[] = [
  { obis: '1.8.0', readingType: encodeReadingType({ ...kWh, flowDirection: FORWARD }), description: 'active energy import (A+), total' },
  ...[1, 2, 3, 4].map((tou) => ({ obis: `1.8.${tou}`, readingType: encodeReadingType({ ...kWh, flowDirection: FORWARD, tou }), description: `active energy import (A+), tariff ${tou}` })),
  { obis: '2.8.0', readingType: encodeReadingType({ ...kWh, flowDirection: REVERSE }), description: 'active energy export (A-), total' },
  ...[1, 2].map((tou) => ({ obis: `2.8.${tou}`, readingType: encodeReadingType({ ...kWh, flowDirection: REVERSE, tou }), description: `active energy export (A-), tariff ${tou}` })),
  { obis: '3.8.0', readingType: encodeReadingType({ ...kvarh, flowDirection: FORWARD }), description: 'reactive energy import (R+), total' },
  { obis: '4.8.0', readingType: encodeReadingType({ ...kvarh, flowDirection: REVERSE }), description: 'reactive energy export (R-), total' },
  { obis: '1.6.0', readingType: encodeReadingType({ ...maxDemandKw, flowDirection: FORWARD }), description: 'maximum demand import (A+), billing period' },
  { obis: '2.6.0', readingType: encodeReadingType({ ...maxDemandKw, flowDirection: REVERSE }), description: 'maximum demand export (A-), billing period' },
  { obis: '1.7.0', readingType: encodeReadingType({ ...instantaneous, flowDirection: FORWARD, measurementKind: 37, multiplier: 3, unit: 38 }), description: 'instantaneous active power import' },
  ...[
    ['32.7.0', 128, 'L1'],
    ['52.7.0', 64, 'L2'],
    ['72.7.0', 32, 'L3'],
  ].map(([obis, phases, name]) => ({
    obis: String(obis),
    readingType: encodeReadingType({ ...instantaneous, measurementKind: 54, phases: Number(phases), unit: 29 }),
    description: `voltage ${name}`,
  })),
  ...[
    ['31.7.0', 128, 'L1'],
    ['51.7.0', 64, 'L2'],
    ['71.7.0', 32, 'L3'],
  ].map(([obis, phases, name]) => ({
    obis: String(obis),
    readingType: encodeReadingType({ ...instantaneous, measurementKind: 4, phases: Number(phases), unit: 5 }),
    description: `current ${name}`,
  })),
];

const byObis = new Map(OBIS_READING_TYPES.map((m) => [m.obis, m]));

/**
 * Normalises "1-0:1.8.0*255", "1-0:1.8.0.255", "1.8.0*01" or "1.8.0" to "1.8.0". Returns null
 * when the code is not an electricity (A = 1) register code.
 */
export function normaliseObis(code: string): string | null {
  const match = /^(?:(\d{1,3})-(\d{1,3}):)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:[*.&](\d{1,3}))?$/.exec(code.trim());
  if (!match) return null;
  const [, a, , c, d, e] = match;
  if (a !== undefined && a !== '1') return null;
  return `${Number(c)}.${Number(d)}.${Number(e)}`;
}

export function obisToReadingType(code: string): ObisMapping | null {
  const obis = normaliseObis(code);
  return obis === null ? null : (byObis.get(obis) ?? null);
}
