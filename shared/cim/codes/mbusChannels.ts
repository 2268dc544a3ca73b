/**
 * The M-Bus channels of a DSMR telegram (DSMR 5.0.2 §6.12, the M-Bus objects): each channel n = 1–4
 * names its device type in 0-n:24.1.0 (EN 13757-3 device type: 3 gas, 4/12 heat, 6/21 warm or hot
 * water, 7/22 water or cold water), its equipment id in 0-n:96.1.0, and its reading in 0-n:24.2.1
 * `(YYMMDDhhmmssX)(value*unit)` — the value with the time the meter *captured* it, which dates the
 * reading (not the time of the telegram, not the visit). DSMR 2.2 writes the same as 0-n:24.3.0
 * `(ts)(00)(60)(1)(0-n:24.2.1)(m3)` + `(value)` on the next line (joined by the parser).
 *
 * The value is the one that carries a unit; the timestamp the one shaped like one: never by position.
 *
 * Gas volume (61968-9 ReadingType, NOTES.md §6): the register says whether the meter converted it.
 * DSMR 4/5 0-n:24.2.1 is "temperature converted" → UnitSymbol m3Compensated 167; the Belgian
 * e-MUCS 0-n:24.2.3 is "not temperature corrected" → m3Uncompensated 166 (61968-9 UnitSymbol,
 * ExtUnitSymbolKind). Both: bulkQuantity 1, forward 1, naturalGas 7, volume 58. Water: potable
 * water 9, volume 58, m³ 42 (a water meter does not convert). Heat: heatingFluid 12, energy 12, J 31
 * or Wh 72 with the unit's multiplier — *composed* (no published ReadingType found).
 */
import { dsmrTimestamp } from './powerFailures';

export type ChannelDevice = 'gas' | 'water' | 'heat' | 'unknown';

/** EN 13757-3 device types (as DSMR writes them in 0-n:24.1.0, decimal) → what the channel meters. */
const deviceTypes: Readonly<Record<number, ChannelDevice>> = {
  3: 'gas',
  4: 'heat',
  12: 'heat',
  6: 'water',
  7: 'water',
  21: 'water',
  22: 'water',
};

export interface ChannelReading {
  readonly channel: number;
  readonly device: ChannelDevice;
  /** 0-n:24.1.0 as a number, null when the telegram does not say. */
  readonly deviceType: number | null;
  /** 0-n:96.1.0 decoded (DSMR sends it as hex of ASCII), or as sent. */
  readonly equipmentId: string | null;
  /** The register the value came from, e.g. `24.2.1`. */
  readonly register: string;
  readonly value: string;
  readonly unit: string;
  /** The meter's capture time (ISO, UTC); null when the telegram gives none. */
  readonly capturedAt: string | null;
  /** Null when the device or unit is not one we map. */
  readonly readingType: string | null;
}

interface DataSetLike {
  readonly obis: string;
  readonly values: readonly { readonly value: string; readonly unit?: string | null }[];
}

const CHANNEL = /^0-([1-4]):(24\.(?:1\.0|2\.[13]|3\.0)|96\.1\.0)$/;
const TIMESTAMP = /^\d{12}[SW]?$/;

/** DSMR sends ids as hex of printable ASCII (`4730303738…` = `G0078…`); anything else is kept. */
function equipmentIdOf(text: string): string {
  if (!/^([0-9A-Fa-f]{2})+$/.test(text)) return text;
  const decoded = text.replace(/../g, (h) => String.fromCharCode(parseInt(h, 16)));
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : text;
}

// unit (lower case) → [measurementKind, multiplier, unit symbol] for heat
const heatUnits: Readonly<Record<string, readonly [number, number, number]>> = {
  gj: [12, 9, 31],
  mj: [12, 6, 31],
  kwh: [12, 3, 72],
  mwh: [12, 6, 72],
};

/** The ReadingType of a channel's value, from its device, its register and its unit. */
export function channelReadingType(device: ChannelDevice, register: string, unit: string): string | null {
  const u = unit.toLowerCase();
  const code = (commodity: number, kind: number, multiplier: number, symbol: number) =>
    [0, 0, 0, 1, 1, commodity, kind, 0, 0, 0, 0, 0, 0, 0, 0, multiplier, symbol, 0].join('.');
  if (device === 'gas' && u === 'm3') return code(7, 58, 0, register === '24.2.3' ? 166 : 167);
  if (device === 'water' && u === 'm3') return code(9, 58, 0, 42);
  const heat = device === 'heat' ? heatUnits[u] : undefined;
  return heat ? code(12, heat[0], heat[1], heat[2]) : null;
}

/** The readings of the telegram's M-Bus channels, each mapped to its channel's device. */
export function dsmrChannelReadings(dataSets: readonly DataSetLike[], standardOffsetMinutes = 60): ChannelReading[] {
  const types = new Map<number, number>();
  const ids = new Map<number, string>();
  const found: { channel: number; register: string; set: DataSetLike }[] = [];
  for (const set of dataSets) {
    const m = CHANNEL.exec(set.obis.trim().replace(/[.*]255$/, ''));
    if (!m) continue;
    const channel = Number(m[1]);
    const first = set.values[0]?.value.trim() ?? '';
    if (m[2] === '24.1.0' && /^\d{1,3}$/.test(first)) types.set(channel, Number(first));
    else if (m[2] === '96.1.0' && first) ids.set(channel, equipmentIdOf(first));
    else if (m[2] !== '24.1.0' && m[2] !== '96.1.0') found.push({ channel, register: m[2]!, set });
  }
  const out: ChannelReading[] = [];
  for (const { channel, register, set } of found) {
    // The value is the one with a unit (the reading), never "the second": DSMR 2.2 puts it sixth.
    const reading = set.values.find((v) => typeof v.unit === 'string' && v.unit !== '' && /^-?\d+(\.\d+)?$/.test(v.value.trim()));
    if (!reading) continue;
    const stamp = set.values.find((v) => TIMESTAMP.test(v.value.trim()));
    // DSMR 2.2 names the register inside 24.3.0: `(0-1:24.2.1)`.
    const named = register === '24.3.0' ? /24\.2\.[13]/.exec(set.values.map((v) => v.value).join(' '))?.[0] : undefined;
    const source = named ?? register;
    const deviceType = types.get(channel) ?? null;
    const device = deviceType === null ? 'unknown' : (deviceTypes[deviceType] ?? 'unknown');
    const stampText = stamp?.value.trim() ?? '';
    // A 12-digit DSMR 2.2 time has no DST letter: read as the meter's standard (winter) time.
    const capturedAt = stamp ? dsmrTimestamp(/[SW]$/.test(stampText) ? stampText : `${stampText}W`, standardOffsetMinutes) : null;
    const unit = reading.unit!;
    out.push({
      channel,
      device,
      deviceType,
      equipmentId: ids.get(channel) ?? null,
      register: source,
      value: reading.value.trim(),
      unit,
      capturedAt,
      readingType: channelReadingType(device, source, unit),
    });
  }
  return out;
}
