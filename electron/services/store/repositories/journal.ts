/**
 * The two records every user change writes in its own transaction: a row in `audit_log`
 * (who did what, with which role) and, when the enterprise must hear of it, a message in
 * `outbox` with a MessageID fixed now, so a resend after a crash is recognisably the same.
 */
import { randomUUID } from 'node:crypto';
import { auditRowHash, CHAIN_START, type ChainedAuditRow } from '../auditChain';
import type { Db } from '../database';

export interface Actor {
  readonly name: string;
  readonly role: 'technician' | 'installer' | 'supervisor';
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
}

export interface OutboundMessage {
  noun: string;
  verb: 'create' | 'created' | 'change' | 'changed' | 'close' | 'closed' | 'cancel' | 'canceled' | 'execute' | 'executed';
  usagePointId: string | null;
  /** The typed payload as JSON; the sync side renders it as the 61968-9 XML of that noun. */
  payload: unknown;
  /** The MessageID of the enterprise request this message answers (Header.CorrelationID). */
  correlationId?: string;
}

export function createJournal(db: Db) {
  const audit = db.prepare(
    'INSERT INTO audit_log (id, at, actor, role, action, entity, entity_id, details, prev_hash, hash) VALUES (@id, @at, @actor, @role, @action, @entity, @entityId, @details, @prevHash, @hash)',
  );
  const lastAudit = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  // The last row and the new one in one transaction (a savepoint inside the caller's): the chain cannot fork (auditChain.ts).
  const appendAudit = db.transaction((entry: Omit<ChainedAuditRow, 'id' | 'prevHash'>) => {
    const last = lastAudit.get() as { id: number; hash: string | null } | undefined;
    const row: ChainedAuditRow = { ...entry, id: (last?.id ?? 0) + 1, prevHash: last?.hash ?? CHAIN_START };
    audit.run({ ...row, hash: auditRowHash(row) });
  });
  const enqueue = db.prepare(
    'INSERT INTO outbox (message_id, noun, verb, usage_point_id, payload, created_at, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const auditCount = db.prepare('SELECT count(*) AS n FROM audit_log');

  return {
    audit(actor: Actor, entry: AuditEntry) {
      appendAudit({
        at: new Date().toISOString(),
        actor: actor.name,
        role: actor.role,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        details: JSON.stringify(entry.details ?? {}),
      });
    },
    enqueue(message: OutboundMessage): string {
      const messageId = randomUUID();
      enqueue.run(messageId, message.noun, message.verb, message.usagePointId, JSON.stringify(message.payload), new Date().toISOString(), message.correlationId ?? null);
      return messageId;
    },
    auditCount(): number {
      return (auditCount.get() as { n: number }).n;
    },
  };
}
export type Journal = ReturnType<typeof createJournal>;
