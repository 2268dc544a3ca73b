/**
 * Event log rows → events, and each event sent once (shared/dlms/eventLog): a range read is
 * inclusive (Blue Book §4.3.6 selector 1), so the last event sent comes back and is dropped, while
 * a second event logged in the same second still goes.
 */
import { describe, expect, it } from 'vitest';
import { array, i8, octets, structure, u16 } from '../../../shared/dlms/dataTypes';
import { encodeDateTime } from '../../../shared/dlms/dateTime';
import { eventLogEntries, eventNameOf, newEvents } from '../../../shared/dlms/eventLog';
import { obisToBytes } from '../../../shared/dlms/obis';

const LOG = '0-0:99.98.0.255';
const column = (classId: number, obis: string) => structure(u16(classId), octets(obisToBytes(obis) ?? new Uint8Array(6)), i8(2), u16(0));
const columns = array([column(8, '0-0:1.0.0.255'), column(1, '0-0:96.11.0.255')]);
const t0 = Date.UTC(2026, 11, 7, 8, 0, 0);
const row = (at: number, code: number) => structure(octets(encodeDateTime(at, -60)), u16(code));

describe('DLMS event logs', () => {
  it('reads each row at the meter’s time, and leaves out a row without a time', () => {
    const broken = structure(octets(new Uint8Array(3)), u16(1));
    const events = eventLogEntries(LOG, columns, array([row(t0, 1), broken, row(t0 + 5000, 231)]));
    expect(events).toEqual([
      { log: LOG, at: t0, time: '2026-12-07T09:00:00+01:00', code: 1 },
      { log: LOG, at: t0 + 5000, time: '2026-12-07T09:00:05+01:00', code: 231 },
    ]);
    expect(eventNameOf(1)).toBe('powerDown');
    expect(eventNameOf(231)).toBeNull();
  });

  it('sends each event once, also two in one second', () => {
    const first = newEvents(eventLogEntries(LOG, columns, array([row(t0, 1), row(t0 + 1000, 2)])), {});
    expect(first.events).toHaveLength(2);
    const again = newEvents(eventLogEntries(LOG, columns, array([row(t0 + 1000, 2), row(t0 + 1000, 40)])), first.marks);
    expect(again.events.map((e) => e.code)).toEqual([40]);
    expect(newEvents(eventLogEntries(LOG, columns, array([row(t0 + 1000, 2), row(t0 + 1000, 40)])), again.marks).events).toEqual([]);
  });
});
