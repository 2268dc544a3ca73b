/**
 * The simulated meter's standard event log (Profile Generic 0-0:99.98.0.255 with the clock and
 * the event code Data 0-0:96.11.0.255 as its capture objects; Blue Book "Event logs", IDIS event
 * codes): a power failure and its return, a terminal cover removed, and an event number no table
 * knows (231), at fixed offsets before the meter's time when it was made. Tests add entries with
 * `log()`. The buffer answers selective access by range on the clock column (§4.3.6 selector 1).
 */
import { array, i8, octets, structure, u16, type DlmsValue } from '../dataTypes';
import { encodeDateTime } from '../dateTime';
import { obisToBytes } from '../obis';
import type { CosemReference, GetResult } from '../xdlms';
import { CLOCK_OBIS, DEVIATION, MeterObjects, sameName } from './meterObjects';

export const STANDARD_EVENT_LOG_OBIS = '0-0:99.98.0.255';
export const STANDARD_EVENT_CODE_OBIS = '0-0:96.11.0.255';

export class EventLogObjects {
  readonly entries: { at: number; code: number }[];

  constructor(private readonly meterTime: () => number) {
    const now = Math.floor(meterTime() / 1000) * 1000;
    const minutes = (m: number) => now - m * 60_000;
    this.entries = [
      { at: minutes(300), code: 1 },
      { at: minutes(296), code: 2 },
      { at: minutes(120), code: 40 },
      { at: minutes(60), code: 231 },
    ];
  }

  /** A new entry at the meter's current time (whole seconds, as a meter logs). */
  log(code: number): void {
    this.entries.push({ at: Math.floor(this.meterTime() / 1000) * 1000, code });
  }

  get(ref: CosemReference, access: DlmsValue | null): GetResult | null {
    if (ref.classId !== 7 || !sameName(ref.logicalName, STANDARD_EVENT_LOG_OBIS)) return null;
    const column = (classId: number, obis: string) =>
      structure(u16(classId), octets(obisToBytes(obis) ?? new Uint8Array(6)), i8(2), u16(0));
    if (ref.index === 3) return { ok: true, value: array([column(8, CLOCK_OBIS), column(1, STANDARD_EVENT_CODE_OBIS)]) };
    if (ref.index === 2) {
      const window = access ? MeterObjects.rangeOf(access) : null;
      const rows = this.entries
        .filter((e) => !window || (e.at >= window.from && e.at <= window.to))
        .map((e) => structure(octets(encodeDateTime(e.at, DEVIATION)), { type: 'uint16', value: e.code }));
      return { ok: true, value: array(rows) };
    }
    return null;
  }
}
