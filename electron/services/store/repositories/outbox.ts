/**
 * The outbox as the sync side sees it (issue 7, DESIGN.md §6): what is due, marking messages in
 * flight before they leave, recording every reply, and the rejected items a person must fix.
 * Writing a new message stays in journal.ts (it belongs to the user's own transaction).
 */
import type { OutboxKind, OutboxNoun } from '../../../../shared/cim/outbox/kinds';
import type { Db } from '../database';

export type OutboxStatus = 'pending' | 'sent' | 'rejected';
export type AttemptResult = 'OK' | 'PARTIAL' | 'FAILED' | 'TRANSPORT_ERROR' | 'BAD_REPLY';

export interface OutboxEntry {
  id: number;
  messageId: string;
  /** What the payload is (shared/cim/outbox/kinds.ts); the noun and verb follow from it. */
  kind: OutboxKind;
  noun: OutboxNoun;
  verb: string;
  usagePointId: string | null;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  inFlightAt: string | null;
  sentAt: string | null;
  errorCode: string | null;
  lastError: string | null;
  correlationId: string | null;
  /** A rejected message the user fixed: the MessageID of the message that replaced it. */
  supersededBy: string | null;
}

export interface AttemptRecord {
  messageId: string;
  runId: string;
  attemptedAt: string;
  httpStatus: number | null;
  result: AttemptResult;
  errorCodes: readonly string[];
  errorText: string | null;
  durationMs: number;
}

/** What a reply did to one message: accepted (sent), rejected (with the enterprise's error), or nothing. */
export type Outcome =
  | { kind: 'sent'; messageId: string; at: string }
  | { kind: 'rejected'; messageId: string; errorCode: string; errorText: string }
  | { kind: 'unchanged'; messageId: string };

interface Row {
  id: number;
  message_id: string;
  kind: OutboxKind;
  noun: OutboxNoun;
  verb: string;
  usage_point_id: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  created_at: string;
  in_flight_at: string | null;
  sent_at: string | null;
  error_code: string | null;
  last_error: string | null;
  correlation_id: string | null;
  superseded_by: string | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  id: r.id,
  messageId: r.message_id,
  kind: r.kind,
  noun: r.noun,
  verb: r.verb,
  usagePointId: r.usage_point_id,
  payload: JSON.parse(r.payload) as unknown,
  status: r.status,
  attempts: r.attempts,
  createdAt: r.created_at,
  inFlightAt: r.in_flight_at,
  sentAt: r.sent_at,
  errorCode: r.error_code,
  lastError: r.last_error,
  correlationId: r.correlation_id,
  supersededBy: r.superseded_by,
});

const COLUMNS =
  'id, message_id, kind, noun, verb, usage_point_id, payload, status, attempts, created_at, in_flight_at, sent_at, error_code, last_error, correlation_id, superseded_by';

export function createOutboxRepository(db: Db) {
  // A pending message is due unless an earlier message for its usage point was rejected and
  // is still waiting for the user: it must not overtake that one (issue 7, per-usage-point order).
  const due = db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.status = 'pending' AND o.id > @after
      AND (o.usage_point_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM outbox r WHERE r.usage_point_id = o.usage_point_id AND r.status = 'rejected' AND r.superseded_by IS NULL AND r.id < o.id))
    ORDER BY o.id LIMIT @limit`);
  const list = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE (@status IS NULL OR status = @status) ORDER BY id LIMIT @limit`);
  const byMessageId = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE message_id = ?`);
  const latestOfKind = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE kind = ? AND verb = ? ORDER BY id DESC LIMIT 1`);
  // A visit receipt is queued once per verification code (issue 24 §3): the same visit data is the same document.
  const receiptQueued = db.prepare(
    "SELECT message_id FROM outbox WHERE kind = 'visitReceipt' AND json_extract(payload, '$.code') = ? ORDER BY id LIMIT 1",
  );
  // The MeterReadings of a visit: a switch reading names its order; a meter job's are the usage point's at the visit's time.
  const visitReadings = db.prepare(`SELECT message_id FROM outbox WHERE kind = 'meterReadings' AND (
      (@switchOrder IS NOT NULL AND json_extract(payload, '$.switchOrder') = @switchOrder)
      OR (@switchOrder IS NULL AND usage_point_id = @usagePoint AND json_extract(payload, '$.readings[0].timeStamp') = @at))
    ORDER BY id`);
  const markInFlight = db.prepare(
    "UPDATE outbox SET in_flight_at = @at, attempts = attempts + 1 WHERE message_id = @messageId AND status = 'pending'",
  );
  const markSent = db.prepare(
    "UPDATE outbox SET status = 'sent', sent_at = @at, in_flight_at = NULL, error_code = NULL, last_error = NULL WHERE message_id = @messageId AND status = 'pending'",
  );
  const markRejected = db.prepare(
    "UPDATE outbox SET status = 'rejected', in_flight_at = NULL, error_code = @errorCode, last_error = @errorText WHERE message_id = @messageId AND status = 'pending'",
  );
  const requeue = db.prepare(
    "UPDATE outbox SET status = 'pending', error_code = NULL, last_error = NULL, in_flight_at = NULL WHERE message_id = ? AND status = 'rejected'",
  );
  const replacePayload = db.prepare("UPDATE outbox SET payload = @payload WHERE message_id = @messageId AND status = 'rejected'");
  const insertAttempt =
    db.prepare(`INSERT INTO outbox_attempts (message_id, run_id, attempted_at, http_status, result, error_codes, error_text, duration_ms)
    VALUES (@messageId, @runId, @attemptedAt, @httpStatus, @result, @errorCodes, @errorText, @durationMs)`);
  const attemptsOf = db.prepare(
    'SELECT message_id, run_id, attempted_at, http_status, result, error_codes, error_text, duration_ms FROM outbox_attempts WHERE message_id = ? ORDER BY id',
  );
  // A superseded rejection is dealt with: not counted, holds nothing back.
  const counts = db.prepare(
    'SELECT status, count(*) AS n, sum(in_flight_at IS NOT NULL) AS inFlight FROM outbox WHERE superseded_by IS NULL GROUP BY status',
  );
  const heldCount = db.prepare(`SELECT count(*) FROM outbox o WHERE o.status = 'pending' AND o.usage_point_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM outbox r WHERE r.usage_point_id = o.usage_point_id AND r.status = 'rejected' AND r.superseded_by IS NULL AND r.id < o.id)`);
  const supersede = db.prepare(
    "UPDATE outbox SET superseded_by = @by WHERE message_id = @messageId AND status = 'rejected' AND superseded_by IS NULL",
  );

  return {
    /** Up to `limit` due messages in enqueue order, after outbox id `after` (0 = from the start). */
    due(limit: number, after = 0): OutboxEntry[] {
      return (due.all({ limit, after }) as Row[]).map(toEntry);
    },
    list(options: { status?: OutboxStatus; limit?: number } = {}): OutboxEntry[] {
      return (list.all({ status: options.status ?? null, limit: options.limit ?? 1000 }) as Row[]).map(toEntry);
    },
    /** The newest message of a kind sent with a verb, whatever its status (samples of what the app emits). */
    latestOfKind(kind: OutboxKind, verb: string): OutboxEntry | null {
      const row = latestOfKind.get(kind, verb) as Row | undefined;
      return row ? toEntry(row) : null;
    },
    /** The MessageID of the visit receipt queued with this verification code, if one was. */
    receiptQueued(code: string): string | null {
      return (receiptQueued.get(code) as { message_id: string } | undefined)?.message_id ?? null;
    },
    /** MessageIDs of a visit's MeterReadings: by its switch order, or (a meter job) by usage point and the visit's time. */
    visitReadings(visit: { switchOrder: string | null; usagePoint: string; at: string }): string[] {
      return (
        visitReadings.all({ switchOrder: visit.switchOrder, usagePoint: visit.usagePoint, at: visit.at }) as { message_id: string }[]
      ).map((r) => r.message_id);
    },
    get(messageId: string): OutboxEntry | null {
      const row = byMessageId.get(messageId) as Row | undefined;
      return row ? toEntry(row) : null;
    },
    /** One transaction, committed before any of these messages is sent (crash-safe resume). */
    markInFlight(messageIds: readonly string[], at: string): void {
      db.transaction(() => {
        for (const messageId of messageIds) markInFlight.run({ at, messageId });
      })();
    },
    /** Every reply of a batch and what it did to each message, in one transaction. */
    record(attempts: readonly AttemptRecord[], outcomes: readonly Outcome[]): void {
      db.transaction(() => {
        for (const a of attempts) insertAttempt.run({ ...a, errorCodes: JSON.stringify(a.errorCodes) });
        for (const o of outcomes) {
          if (o.kind === 'sent') markSent.run({ messageId: o.messageId, at: o.at });
          else if (o.kind === 'rejected') markRejected.run({ messageId: o.messageId, errorCode: o.errorCode, errorText: o.errorText });
        }
      })();
    },
    /** A rejected message back to pending, with the same MessageID; optionally with a corrected payload. */
    requeue(messageId: string, payload?: unknown): boolean {
      return db.transaction(() => {
        if (payload !== undefined) replacePayload.run({ messageId, payload: JSON.stringify(payload) });
        return requeue.run(messageId).changes === 1;
      })();
    },
    /** A rejected message replaced by a fixed one: stays rejected, recorded with its successor. Call in the fix's transaction. */
    supersede(messageId: string, by: string): boolean {
      return supersede.run({ messageId, by }).changes === 1;
    },
    attempts(messageId: string): AttemptRecord[] {
      const rows = attemptsOf.all(messageId) as {
        message_id: string;
        run_id: string;
        attempted_at: string;
        http_status: number | null;
        result: AttemptResult;
        error_codes: string;
        error_text: string | null;
        duration_ms: number;
      }[];
      return rows.map((r) => ({
        messageId: r.message_id,
        runId: r.run_id,
        attemptedAt: r.attempted_at,
        httpStatus: r.http_status,
        result: r.result,
        errorCodes: JSON.parse(r.error_codes) as string[],
        errorText: r.error_text,
        durationMs: r.duration_ms,
      }));
    },
    counts(): { pending: number; sent: number; rejected: number; inFlight: number; held: number } {
      const c = { pending: 0, sent: 0, rejected: 0, inFlight: 0, held: heldCount.pluck().get() as number };
      for (const r of counts.all() as { status: OutboxStatus; n: number; inFlight: number }[]) {
        c[r.status] = r.n;
        if (r.status === 'pending') c.inFlight = r.inFlight;
      }
      return c;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
