/**
 * The events a DLMS meter logged (shared/dlms/eventLog), queued as EndDeviceEvents at the meter's
 * own time (kind meterStatusEvents), each once: the time and codes of the last event sent per log
 * are kept per meter (setting `dlms.eventLogMarks.<serial>`), the next read asks only from there,
 * and what comes back twice is dropped. Written in the caller's transaction, with its readings:
 * a refused save queues no events and moves no mark.
 */
import { z } from 'zod';
import { endDeviceEventTypeFor } from '../../../shared/cim/codes/endDeviceCodes';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import { eventNameOf, newEvents, type EventLogMarks, type MeterEvent } from '../../../shared/dlms/eventLog';
import type { Store } from '../store';

const marksSchema = z.record(z.string(), z.object({ at: z.number(), codes: z.array(z.number()) }));
const settingKey = (meterSerial: string) => `dlms.eventLogMarks.${meterSerial}`;
/** EndDeviceType 3 ElectricMeter (61968-9 Annex E): a DLMS meter with event logs read at the optical port. */
const ELECTRIC_METER = 3;
/** An event number no table maps: sent as NA.NA.NA.NA with the number in its details, never as a guessed code. */
const UNMAPPED = '0.0.0.0';

export function eventLogMarks(store: Store, meterSerial: string): EventLogMarks {
  return store.settings.getJson(settingKey(meterSerial), marksSchema, {});
}

/** The `since` of each log for the read plan: from the last event sent (inclusive; duplicates are dropped). */
export const eventLogSince = (marks: EventLogMarks): Record<string, number> =>
  Object.fromEntries(Object.entries(marks).map(([log, m]) => [log, m.at]));

export function queueMeterEvents(
  store: Store,
  meter: { meterSerial: string; usagePointId: string },
  events: readonly MeterEvent[],
): string | null {
  const fresh = newEvents(events, eventLogMarks(store, meter.meterSerial));
  if (!fresh.events.length) return null;
  const payload: OutboxPayloadInput<'meterStatusEvents'> = {
    meter: meter.meterSerial,
    usagePoint: meter.usagePointId,
    events: fresh.events.map((e) => {
      const name = eventNameOf(e.code);
      return {
        eventType: name ? endDeviceEventTypeFor(name, ELECTRIC_METER) : UNMAPPED,
        createdDateTime: e.time,
        details: [
          { name: 'dlmsEventLog', value: e.log },
          { name: 'dlmsEventCode', value: String(e.code) },
        ],
      };
    }),
  };
  const id = store.journal.enqueue('meterStatusEvents', payload, { usagePointId: meter.usagePointId });
  store.settings.set(settingKey(meter.meterSerial), JSON.stringify(fresh.marks));
  return id;
}
