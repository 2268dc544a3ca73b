/**
 * The two records every user change writes in its own transaction: a row in `audit_log`
 * (who did what, with which role) and, when the enterprise must hear of it, a message in
 * `outbox` with a MessageID fixed now, so a resend after a crash is recognisably the same.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/contract/result';
import {
  outboxKinds,
  parseOutboxPayload,
  type OutboxKind,
  type OutboxPayloadInput,
  type OutboxVerb,
  type OutboxVerbList,
} from '../../../../shared/cim/outbox/kinds';
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

/**
 * Where a queued message goes and what it answers. The verb may be left out where the kind is sent
 * with one verb only; a kind with several (link create / close) must name it.
 */
export type Routing<K extends OutboxKind> = {
  usagePointId: string | null;
  /** The MessageID of the enterprise request this message answers (Header.CorrelationID). */
  correlationId?: string | undefined;
} & (OutboxVerbList<K> extends readonly [unknown] ? { verb?: OutboxVerb<K> } : { verb: OutboxVerb<K> });

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
    'INSERT INTO outbox (message_id, kind, noun, verb, usage_point_id, payload, created_at, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const auditCount = db.prepare('SELECT count(*) AS n FROM audit_log');

  return {
    /** In the caller's transaction only (store.mutate): an audit row never lands without its change. */
    audit(actor: Actor, entry: AuditEntry) {
      if (!db.inTransaction)
        throw new Error(`The audit row of ${entry.action} must be written in its change's transaction (store.mutate).`);
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
    /**
     * Queues a message of `kind` in the caller's transaction; returns its MessageID. The payload is
     * checked against its kind's schema here, so a malformed one fails the user's change instead of
     * being refused at send time; it is stored as given (the JSON the renderer reads).
     */
    enqueue<K extends OutboxKind>(kind: K, payload: OutboxPayloadInput<K>, routing: Routing<K>): string {
      const definition = outboxKinds[kind];
      const checked = parseOutboxPayload(kind, payload);
      if (!checked.success)
        throw new AppError(
          'INTERNAL',
          `An outgoing ${definition.noun} message (${kind}) is malformed: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const messageId = randomUUID();
      const verb = routing.verb ?? definition.verbs[0];
      enqueue.run(
        messageId,
        kind,
        definition.noun,
        verb,
        routing.usagePointId,
        JSON.stringify(payload),
        new Date().toISOString(),
        routing.correlationId ?? null,
      );
      return messageId;
    },
    auditCount(): number {
      return (auditCount.get() as { n: number }).n;
    },
  };
}
export type Journal = ReturnType<typeof createJournal>;
