/**
 * The COSEM objects of the simulated DLMS meter: clock, four energy registers, a 15-minute
 * 4-channel load profile over N days, a disconnect control, the association's object list.
 * Values are derived from the interval index only, so every run and every test sees the same
 * meter. The clock is injected (`now`), never read from the machine.
 */
import { array, enumValue, i8, octets, structure, u16, u32, u8, type DlmsValue } from '../dataTypes';
import { encodeDateTime, dateTimeEpoch, parseDateTime } from '../dateTime';
import { obisToBytes } from '../obis';
import { bytesOf, itemsOf } from '../dataTypes';
import { DemandObjects } from './demandObjects';

export const PROFILE_OBIS = '1-0:99.1.0.255';
export const CLOCK_OBIS = '0-0:1.0.0.255';
export const DISCONNECT_OBIS = '0-0:96.3.10.255';
export const STATUS_OBIS = '0-0:96.10.1.255';
export const ASSOCIATION_OBIS = '0-0:40.0.0.255';
/** Device ID 1, the manufacturing serial number (IEC 62056-6-1 §7.5.2, IDIS "COSEM logical device name" companion). */
export const SERIAL_OBIS = '0-0:96.1.0.255';
export const CHANNELS = ['1-0:1.8.0.255', '1-0:2.8.0.255', '1-0:3.8.0.255', '1-0:4.8.0.255'] as const;
export const CAPTURE_PERIOD_S = 900;
/** CET: UTC − local = −60 minutes. */
export const DEVIATION = -60;

const ln = (obis: string): Uint8Array => obisToBytes(obis) ?? new Uint8Array(6);
export const sameName = (a: Uint8Array, obis: string): boolean => {
  const b = ln(obis);
  return a.length === 6 && a.every((x, i) => x === b[i]);
};

/** Wh per interval for channel c at interval k: a daily curve, no randomness. */
const increment = (k: number, c: number) => 50 + ((k * 37 + c * 11) % 400);

export interface ProfileWindow {
  readonly from: number;
  readonly to: number;
}

export class MeterObjects {
  clockOffsetMs = 0;
  controlState: 0 | 1 | 2 = 1;
  /** What the registers stood at before the first interval (Wh): a meter that has run for years, not one fresh from the factory. */
  registerStartWh = 0;
  private readonly start: number;
  private readonly intervals: number;

  constructor(
    private readonly now: () => number,
    days: number,
  ) {
    const end = Math.floor(now() / (CAPTURE_PERIOD_S * 1000)) * CAPTURE_PERIOD_S * 1000;
    this.intervals = Math.max(0, Math.round(days * 96));
    this.start = end - this.intervals * CAPTURE_PERIOD_S * 1000;
  }

  meterTime(): number {
    return this.now() + this.clockOffsetMs;
  }

  captureObjects(): DlmsValue {
    const column = (classId: number, obis: string) => structure(u16(classId), octets(ln(obis)), i8(2), u16(0));
    return array([column(8, CLOCK_OBIS), column(1, STATUS_OBIS), ...CHANNELS.map((c) => column(3, c))]);
  }

  /** AMR profile status: a power failure every 97th interval, the clock adjusted after it. */
  private status(k: number): number {
    return k % 97 === 0 ? 0x84 : k % 97 === 1 ? 0x20 : 0;
  }

  /** Rows whose end time lies in the window (selective access by range, Blue Book §4.3.6 selector 1). */
  buffer(window: ProfileWindow | null = null): DlmsValue {
    const rows: DlmsValue[] = [];
    const totals = [0, 0, 0, 0].map(() => this.registerStartWh);
    for (let k = 1; k <= this.intervals; k++) {
      for (let c = 0; c < 4; c++) totals[c] = (totals[c] ?? 0) + increment(k, c);
      const time = this.start + k * CAPTURE_PERIOD_S * 1000;
      if (window && (time < window.from || time > window.to)) continue;
      rows.push(structure(octets(encodeDateTime(time, DEVIATION)), u8(this.status(k)), ...totals.map((t) => u32(t))));
    }
    return array(rows);
  }

  registerValue(obis: string): number {
    const i = CHANNELS.indexOf(obis as (typeof CHANNELS)[number]);
    let total = this.registerStartWh;
    for (let k = 1; k <= this.intervals; k++) total += increment(k, i);
    return total;
  }

  objectList(): DlmsValue {
    const entry = (classId: number, obis: string, attributes: number) =>
      structure(
        u16(classId),
        u8(0),
        octets(ln(obis)),
        structure(
          array(Array.from({ length: attributes }, (_, i) => structure(i8(i + 1), enumValue(i === 1 ? 3 : 1), { type: 'null' }))),
          array([]),
        ),
      );
    return array([
      entry(15, ASSOCIATION_OBIS, 2),
      entry(1, SERIAL_OBIS, 2),
      entry(8, CLOCK_OBIS, 3),
      ...CHANNELS.map((c) => entry(3, c, 3)),
      entry(7, PROFILE_OBIS, 4),
      entry(70, DISCONNECT_OBIS, 3),
      entry(7, '0-0:99.98.0.255', 4),
      ...DemandObjects.listed.map(([classId, obis, attributes]) => entry(classId, obis, attributes)),
    ]);
  }

  /** The range of a selective access { restricting object, from, to, selected values }, in ms. */
  static rangeOf(parameters: DlmsValue): ProfileWindow | null {
    const f = itemsOf(parameters);
    const from = bytesOf(f?.[1]);
    const to = bytesOf(f?.[2]);
    if (!from || !to || from.length !== 12 || to.length !== 12) return null;
    const a = dateTimeEpoch(parseDateTime(from));
    const b = dateTimeEpoch(parseDateTime(to));
    return a === null || b === null ? null : { from: a, to: b };
  }
}

export const scalerUnit = (scaler: number, unit: number): DlmsValue => structure(i8(scaler), enumValue(unit));
