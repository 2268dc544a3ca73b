/**
 * Renders outbox rows to the XML the enterprise receives. The row's message_id is the
 * Header.MessageID and its created_at the Timestamp, so a retry sends byte-identical XML and the
 * enterprise can deduplicate (DESIGN.md §6).
 */
import type { EnvelopeForm } from '../../../shared/cim';
import { renderOutboxRow, type EnvelopeContext, type OutboxRow } from '../../../shared/cim/outboxMessage';
import type { Store } from '../store';

interface OutboxDbRow {
  message_id: string;
  noun: string;
  verb: string;
  payload: string;
  created_at: string;
}

const toRow = (r: OutboxDbRow): OutboxRow => ({ messageId: r.message_id, noun: r.noun, verb: r.verb, createdAt: r.created_at, payload: JSON.parse(r.payload) as unknown });

// TODO(lead): move these reads into an outbox repository next to journal.ts.
export function readOutboxRows(store: Store, options: { status?: 'pending' | 'sent' | 'rejected'; limit?: number } = {}): OutboxRow[] {
  const rows = store.db
    .prepare('SELECT message_id, noun, verb, payload, created_at FROM outbox WHERE (@status IS NULL OR status = @status) ORDER BY id LIMIT @limit')
    .all({ status: options.status ?? null, limit: options.limit ?? 1000 }) as OutboxDbRow[];
  return rows.map(toRow);
}

export function readOutboxRow(store: Store, messageId: string): OutboxRow | null {
  const row = store.db.prepare('SELECT message_id, noun, verb, payload, created_at FROM outbox WHERE message_id = ?').get(messageId) as OutboxDbRow | undefined;
  return row ? toRow(row) : null;
}

export function renderOutboxMessage(row: OutboxRow, context: EnvelopeContext, form: EnvelopeForm = 'typed'): string {
  return renderOutboxRow(row, context, form);
}
