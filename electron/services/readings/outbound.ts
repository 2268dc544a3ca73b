/** What a visit tells the enterprise, queued in the visit's own transaction (transactional outbox). */
import type { OutboxMeterReadings } from '../../../shared/cim/outboxMessage';
import type { Store } from '../store';

/** Queues a MeterReadings "created" event for one meter; returns its MessageID. */
export function enqueueMeterReadings(store: Store, payload: OutboxMeterReadings): string {
  return store.journal.enqueue({ noun: 'MeterReadings', verb: 'created', usagePointId: payload.usagePoint, payload });
}
