/**
 * The meter's health as the optical probe read it (F.F, C.5.0, C.7.x): stored per meter when
 * read, and reported when an optical reading is saved — the events since the last report are
 * recorded in end_device_events and queued as one EndDeviceEvents message, in the save's own
 * transaction (shared/cim/codes/meterStatusEvents.ts decides which events).
 */
import { errorRegisterSet, meterStatusOf, statusEvents, type DerivedEvent } from '../../../shared/cim/codes/meterStatusEvents';
import { powerFailCountReadings, type CountReading } from '../../../shared/cim/codes/powerFailures';
import type { OpticalMeterStatus } from '../../../shared/contract/methods/optical';
import { defaultStatusBits, findMeterModel, type DataValue } from '../../../shared/iec62056';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

interface MeterRef {
  readonly deviceId: number;
  readonly meterSerial: string;
  readonly usagePointId: string;
}

/** Stores what a read said about the meter's health, with an audit row; null when it said nothing. */
export function recordStatusRead(
  store: Store,
  actor: Actor,
  meter: MeterRef,
  model: string,
  dataSets: readonly { obis: string; values: readonly DataValue[] }[],
  readAt: string,
): OpticalMeterStatus | null {
  const status = meterStatusOf(dataSets);
  if (!status) return null;
  store.mutate(actor, (change) => {
    const id = store.meterStatus.insert(meter.deviceId, readAt, model, status);
    change.audit({
      action: 'optical.statusRead',
      entity: 'end_device',
      entityId: meter.meterSerial,
      details: { usagePointId: meter.usagePointId, statusReadId: id, ...status },
    });
  });
  return {
    errorRegister: status.errorRegister,
    statusWord: status.statusWord,
    powerFailCounters: { ...status.powerFailCounters },
    errorRegisterSet: errorRegisterSet(status.errorRegister),
  };
}

export interface StatusReport {
  /** Queues the EndDeviceEvents message (after the visit's MeterReadings, as before); null when there is no event to tell. */
  readonly queueEvents: () => string | null;
  /** Power-fail counters that rose since the last report, as count readings for the visit's MeterReadings. */
  readonly countReadings: readonly CountReading[];
  /** When the counters were read. */
  readonly readAt: string | null;
}

/**
 * Inside the transaction that saves an optical reading: the newest unreported status read of the
 * meter, compared with the last reported one, becomes events (one EndDeviceEvents message, queued
 * by the caller after the visit's MeterReadings) and count readings for counters that rose (which
 * the caller adds to that MeterReadings).
 */
export function reportMeterStatus(store: Store, meter: MeterRef, readingSetId: string): StatusReport {
  const current = store.meterStatus.latestUnreported(meter.deviceId);
  if (!current) return { queueEvents: () => null, countReadings: [], readAt: null };
  const previous = store.meterStatus.lastReported(meter.deviceId);
  const bits = findMeterModel(current.meterModel)?.statusBits ?? defaultStatusBits;
  const events = statusEvents(previous, current, bits);
  const countReadings = powerFailCountReadings(previous?.powerFailCounters ?? null, current.powerFailCounters);
  store.meterStatus.markReported(current.id, readingSetId);
  if (events.length === 0) return { queueEvents: () => null, countReadings, readAt: current.readAt };
  // A logged failure carries the meter's own time (DSMR 1-0:99.97.0); the rest, the time of the read.
  const at = (e: DerivedEvent) => e.createdDateTime ?? current.readAt;
  const queueEvents = () => {
    for (const e of events)
      store.meterStatus.recordEvent(meter.deviceId, {
        eventType: e.eventType,
        createdAt: at(e),
        reason: e.reason,
        details: Object.fromEntries(e.details.map((d) => [d.name, d.value])),
      });
    const payload: OutboxPayloadInput<'meterStatusEvents'> = {
      meter: meter.meterSerial,
      usagePoint: meter.usagePointId,
      events: events.map((e) => ({ eventType: e.eventType, createdDateTime: at(e), reason: e.reason, details: [...e.details] })),
    };
    return store.journal.enqueue('meterStatusEvents', payload, { usagePointId: meter.usagePointId });
  };
  return { queueEvents, countReadings, readAt: current.readAt };
}
