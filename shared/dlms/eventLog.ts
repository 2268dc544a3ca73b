/**
 * The meter's event logs (issue 22 item 3): the standard event log profiles (Profile Generic,
 * class 7, 0-0:99.98.x.255, IEC 62056-6-1 §7.4.x / DLMS UA 1000-1 Blue Book "Event logs"), each
 * row the event's time (Clock 0-0:1.0.0.255 attr 2) and its event code (Data 0-0:96.11.x.255
 * attr 2, the "event code" object of the log). Rows are read by range from the last one already
 * sent (selective access selector 1, Blue Book §4.3.6), and each becomes an EndDeviceEvent at the
 * meter's own time.
 *
 * Codes: the IDIS standard event codes (IDIS Package 2 "Event codes", as also used by DSMR 5.0.2
 * and seen in public meter firmware, e.g. justyourself/FTU_LineLoss User/Event.h) mapped to the
 * published 61968-9 codes only where one means the same event; every other number is sent with
 * its raw number in the event's details and the NA code 0.0.0.0, never mapped to a guessed code.
 */
import type { EndDeviceEventName } from '../cim/codes/endDeviceCodes';
import { bytesOf, integerOf, itemsOf, type DlmsValue } from './dataTypes';
import { dateTimeEpoch, dateTimeText, parseDateTime } from './dateTime';
import { parseCaptureObjects } from './profile';

/** Standard, fraud detection, disconnector control, power quality and communication event logs. */
export const EVENT_LOGS = ['0-0:99.98.0.255', '0-0:99.98.1.255', '0-0:99.98.2.255', '0-0:99.98.4.255', '0-0:99.98.5.255'] as const;
export const isEventLog = (obis: string): boolean => /^0-0:99\.98\.\d+\.255$/.test(obis);

/** IDIS event code → the event the app sends with its published code (endDeviceCodes.ts). */
const IDIS_EVENTS: Readonly<Record<number, EndDeviceEventName>> = {
  1: 'powerDown',
  2: 'powerUp',
  40: 'coverOpened', // terminal cover removed
  42: 'tamperDetected', // strong DC field detected
  43: 'tamperCleared', // no strong DC field any more
  44: 'coverOpened', // meter cover removed
};

export const eventNameOf = (code: number): EndDeviceEventName | null => IDIS_EVENTS[code] ?? null;

export interface MeterEvent {
  /** The event log it came from. */
  readonly log: string;
  /** The meter's own time, ISO 8601 with its offset, and as ms since the epoch (to order and to dedupe). */
  readonly time: string;
  readonly at: number;
  /** The event number as the meter sent it. */
  readonly code: number;
}

/** The rows of an event log buffer; a row without a time or a code is left out, not guessed. */
export function eventLogEntries(log: string, captureObjects: DlmsValue, buffer: DlmsValue): MeterEvent[] {
  const columns = parseCaptureObjects(captureObjects);
  const timeColumn = columns.findIndex((c) => c.classId === 8 && c.attribute === 2);
  const codeColumn = columns.findIndex((c) => c.classId === 1 && /^0-\d+:96\.11\.\d+\.255$/.test(c.obis) && c.attribute === 2);
  if (timeColumn < 0 || codeColumn < 0) return [];
  const out: MeterEvent[] = [];
  for (const row of itemsOf(buffer) ?? []) {
    const cells = itemsOf(row);
    const bytes = bytesOf(cells?.[timeColumn]);
    const code = integerOf(cells?.[codeColumn]);
    if (!bytes || bytes.length !== 12 || code === null) continue;
    const dt = parseDateTime(bytes);
    const at = dateTimeEpoch(dt);
    const time = dateTimeText(dt);
    if (at === null || time === null) continue;
    out.push({ log, time, at, code: Number(code) });
  }
  return out;
}

/**
 * What was sent already, per log: the time of the last event sent and the codes sent at that very
 * time (a range read is inclusive, and a meter may log two events in one second).
 */
export type EventLogMarks = Readonly<Record<string, { readonly at: number; readonly codes: readonly number[] }>>;

/** The events not sent yet, and the marks once they are. */
export function newEvents(events: readonly MeterEvent[], marks: EventLogMarks): { events: MeterEvent[]; marks: EventLogMarks } {
  const next: Record<string, { at: number; codes: number[] }> = Object.fromEntries(
    Object.entries(marks).map(([log, m]) => [log, { at: m.at, codes: [...m.codes] }]),
  );
  const fresh: MeterEvent[] = [];
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    const mark = next[e.log];
    if (mark && (e.at < mark.at || (e.at === mark.at && mark.codes.includes(e.code)))) continue;
    fresh.push(e);
    next[e.log] = mark && mark.at === e.at ? { at: e.at, codes: [...mark.codes, e.code] } : { at: e.at, codes: [e.code] };
  }
  return { events: fresh, marks: next };
}
