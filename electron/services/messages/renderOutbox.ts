/**
 * Outbox rows as the renderer reads them, and the XML sync sends for one entry. The rendering is
 * shared/cim/outbox's `renderOutboxRow` (one renderer per kind, one header builder), the same
 * function `fieldmeter messages samples` and the benchmark call. The reads go through the outbox
 * repository.
 */
import { renderOutboxRow, type EnvelopeContext, type OutboxRow } from '../../../shared/cim/outbox';
import type { EnvelopeForm } from '../../../shared/cim';
import type { Store } from '../store';
import type { OutboxEntry, OutboxStatus } from '../store/repositories/outbox';

export const outboxRowOf = (e: OutboxEntry): OutboxRow => ({
  messageId: e.messageId,
  kind: e.kind,
  verb: e.verb,
  createdAt: e.createdAt,
  payload: e.payload,
  correlationId: e.correlationId,
});

export function readOutboxRows(store: Store, options: { status?: OutboxStatus; limit?: number } = {}): OutboxRow[] {
  return store.outbox.list(options).map(outboxRowOf);
}

export function readOutboxRow(store: Store, messageId: string): OutboxRow | null {
  const entry = store.outbox.get(messageId);
  return entry ? outboxRowOf(entry) : null;
}

/**
 * The message for one outbox entry as sync sends it, with the CorrelationID of the enterprise
 * request it answers, if any (issue 7): the generic envelope unless `form` says otherwise (a
 * draft-only noun, or any noun under the 2017 wrapper namespaces, goes typed, see `defaultOutboxForm`).
 */
export function renderForSync(entry: OutboxEntry, context: EnvelopeContext, form?: EnvelopeForm): string {
  const row = outboxRowOf(entry);
  return renderOutboxRow(row, context, form);
}
