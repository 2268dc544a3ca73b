/**
 * THE way a change is written (issue 16): the work and its audit row in one transaction, as the
 * actor the caller resolved (the signed-in profile for handlers, `--user` for the CLI). What the
 * work wrote is announced by topic from the tables it touched (writeLog.ts); the right was checked
 * by the guard before the handler ran (handlers/guard.ts).
 *
 * `change.audit` only works while the transaction is open, and the journal refuses an audit row
 * outside any transaction (repositories/journal.ts), so an audit that could land without its
 * change, or a change without its audit, cannot be written.
 */
import type { Actor, AuditEntry } from './repositories/journal';

export interface Change {
  readonly actor: Actor;
  /** Writes the change's audit row in its transaction. */
  audit(entry: AuditEntry): void;
}

interface Transacting {
  transaction<T>(fn: () => T): T;
  journal: { audit(actor: Actor, entry: AuditEntry): void };
}

export function mutate<T>(store: Transacting, actor: Actor, work: (change: Change) => T): T {
  return store.transaction(() => {
    let open = true;
    const change: Change = {
      actor,
      audit(entry) {
        if (!open) throw new Error(`The audit row of ${entry.action} was written after its change's transaction ended.`);
        store.journal.audit(actor, entry);
      },
    };
    try {
      return work(change);
    } finally {
      open = false;
    }
  });
}
