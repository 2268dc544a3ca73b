/**
 * The two records every user change writes in its own transaction: a row in `audit_log`
 * (who did what, with which role) and, when the enterprise must hear of it, a message in
 * `outbox` with a MessageID fixed now, so a resend after a crash is recognisably the same.
 */
import { randomUUID } from 'node:crypto';
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
    'INSERT INTO audit_log (at, actor, role, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const enqueue = db.prepare(
    'INSERT INTO outbox (message_id, noun, verb, usage_point_id, payload, created_at, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const auditCount = db.prepare('SELECT count(*) AS n FROM audit_log');

  return {
    audit(actor: Actor, entry: AuditEntry) {
      audit.run(new Date().toISOString(), actor.name, actor.role, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.details ?? {}));
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
