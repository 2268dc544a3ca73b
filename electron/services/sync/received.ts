/**
 * What the enterprise sent this device, newest first (issue 7: "the user sees what changed"):
 * each inbox message with what applying it did (counts merged from its changes) or why it was
 * refused. The counts name conflicts too: `metersKeptFieldData` = master data older than the
 * meter's last field visit, not applied.
 */
import type { ReceivedItemView } from '../../../shared/contract/methods/sync';
import type { Store } from '../store';

function mergedCounts(changes: readonly unknown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) {
    if (typeof c !== 'object' || c === null) continue;
    for (const [k, v] of Object.entries(c)) if (typeof v === 'number' && v !== 0) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}

export function listReceived(store: Store, limit = 100): ReceivedItemView[] {
  return store.inbox.list({ limit }).map((e) => ({
    messageId: e.messageId,
    correlationId: e.correlationId,
    noun: e.noun,
    verb: e.verb,
    receivedAt: e.receivedAt,
    status: e.status,
    refusal: e.refusal,
    changes: mergedCounts(e.changes),
  }));
}
