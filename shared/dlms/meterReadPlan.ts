/**
 * What a DLMS read at the meter asks for, in order (a ReadPlan for ./modeESession): the
 * association's object list (Association LN, class 15 attr 2), then from what the meter lists:
 * the serial number (Data 0-0:96.1.0.255, "device ID 1" of IEC 62056-6-1 §7.5.2), the clock
 * (class 8 attr 2, before the profile so the range is given in the meter's own time zone), each
 * register's scaler_unit and value (classes 3/4 attrs 3 and 2), the disconnect control (class 70
 * attrs 2, 3), and the load profile: capture_objects, capture_period, then the buffer by range
 * (class 7 attr 2 with selective access selector 1, Blue Book §4.3.6 range_descriptor).
 * A meter whose object list cannot be read is asked for the usual IDIS/DSMR objects instead.
 */
import { parseObjectList, type ObjectListEntry } from './classes';
import type { CosemRequest, CosemResponse, ReadPlan } from './cosemRequest';
import { array, bytesOf, i8, octets, structure, u16, type DlmsValue } from './dataTypes';
import { encodeDateTime, parseDateTime } from './dateTime';
import { EVENT_LOGS } from './eventLog';
import { obisToBytes } from './obis';
import type { AccessSelection } from './xdlms';

export const ASSOCIATION_LN = '0-0:40.0.0.255';
export const CLOCK = '0-0:1.0.0.255';
export const SERIAL_NUMBER = '0-0:96.1.0.255';
export const DISCONNECT_CONTROL = '0-0:96.3.10.255';
/** IDIS / DSMR load profile 1 (15-minute energy): the profile read when none is named. */
export const LOAD_PROFILE_1 = '1-0:99.1.0.255';
/** Registers read when the object list is not available: the four energy totals of IEC 62056-6-1 §7.5.3. */
const usualRegisters = ['1-0:1.8.0.255', '1-0:2.8.0.255', '1-0:3.8.0.255', '1-0:4.8.0.255'];
/** A meter may list hundreds of registers; a field read takes the first ones (by object-list order). */
const MAX_REGISTERS = 48;

export interface MeterReadRequest {
  /** The load profile to read for [from, to] (ms, UTC; interval end times), or none. */
  readonly profile?: { readonly obis?: string; readonly from: number; readonly to: number } | null;
  /** Read the event logs the meter lists (./eventLog), each from the time of the last event already sent (ms; absent: all). */
  readonly eventLogs?: { readonly since: Readonly<Record<string, number>> } | null;
}

/** The end of an event log range: after any time a meter's clock shows. */
const EVENTS_UNTIL = Date.UTC(2099, 11, 31);

export const ln = (obis: string): Uint8Array => obisToBytes(obis) ?? new Uint8Array(6);
export const get = (classId: number, obis: string, index: number, access: AccessSelection | null = null): CosemRequest => ({
  kind: 'get',
  reference: { classId, logicalName: ln(obis), index },
  access,
});

/** Selector 1 range_descriptor on the clock column (Blue Book §4.3.6): every column selected. */
export function rangeDescriptor(from: number, to: number, deviation: number): DlmsValue {
  const clockColumn = structure(u16(8), octets(ln(CLOCK)), i8(2), u16(0));
  return structure(clockColumn, octets(encodeDateTime(from, deviation)), octets(encodeDateTime(to, deviation)), array([]));
}

/** The meter's deviation (UTC − local, minutes) from its clock answer; 0 when it does not say. */
function deviationOf(response: CosemResponse | undefined): number {
  const bytes = response?.ok ? bytesOf(response.value ?? undefined) : null;
  return bytes && bytes.length === 12 ? (parseDateTime(bytes).deviation ?? 0) : 0;
}

export function* meterReadPlan(request: MeterReadRequest = {}): ReadPlan {
  const listed = yield get(15, ASSOCIATION_LN, 2);
  let objects: ObjectListEntry[] | null = null;
  if (listed.ok && listed.value) {
    try {
      objects = parseObjectList(listed.value);
    } catch {
      objects = null; // read the usual objects instead
    }
  }
  const has = (classId: number, obis: string) => objects === null || objects.some((o) => o.classId === classId && o.obis === obis);
  if (has(1, SERIAL_NUMBER)) yield get(1, SERIAL_NUMBER, 2);
  const clock = has(8, CLOCK) ? yield get(8, CLOCK, 2) : undefined;
  const registers = objects
    ? objects.filter((o) => o.classId === 3 || o.classId === 4).map((o) => ({ classId: o.classId, obis: o.obis }))
    : usualRegisters.map((obis) => ({ classId: 3, obis }));
  for (const r of registers.slice(0, MAX_REGISTERS)) {
    yield get(r.classId, r.obis, 3);
    yield get(r.classId, r.obis, 2);
  }
  if (has(70, DISCONNECT_CONTROL)) {
    yield get(70, DISCONNECT_CONTROL, 2);
    yield get(70, DISCONNECT_CONTROL, 3);
  }
  if (request.eventLogs && objects) {
    for (const log of EVENT_LOGS.filter((obis) => has(7, obis))) {
      const columns = yield get(7, log, 3);
      if (!columns.ok) continue;
      const since = request.eventLogs.since[log] ?? 0;
      yield get(7, log, 2, { selector: 1, parameters: rangeDescriptor(since, EVENTS_UNTIL, deviationOf(clock)) });
    }
  }
  const profile = request.profile;
  const profileObis = profile?.obis ?? LOAD_PROFILE_1;
  if (profile && has(7, profileObis)) {
    const columns = yield get(7, profileObis, 3);
    if (!columns.ok) return;
    yield get(7, profileObis, 4);
    yield get(7, profileObis, 2, { selector: 1, parameters: rangeDescriptor(profile.from, profile.to, deviationOf(clock)) });
  }
}
