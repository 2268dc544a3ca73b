/** What a visit tells the enterprise, queued in the visit's own transaction (transactional outbox). */
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';

type OutboxMeterReadings = OutboxPayloadInput<'meterReadings'>;
import type { Store } from '../store';

/**
 * Queues a MeterReadings "created" event for one meter; returns its MessageID. `correlationId`:
 * the enterprise request (GetMeterReadings) the readings answer.
 */
export function enqueueMeterReadings(store: Store, payload: OutboxMeterReadings, correlationId?: string): string {
  return store.journal.enqueue('meterReadings', payload, { usagePointId: payload.usagePoint, correlationId });
}

/**
 * A visit's readings answer the oldest open on-demand read request at the usage point (issue 7):
 * queued with its MessageID as CorrelationID, and the request marked answered — in the visit's
 * own transaction.
 */
export function enqueueVisitReadings(store: Store, payload: OutboxMeterReadings, at: string): string {
  const request = store.readRequests.nextOpen(payload.usagePoint);
  const messageId = enqueueMeterReadings(store, payload, request?.messageId);
  if (request) store.readRequests.answer(request.id, messageId, at);
  return messageId;
}
