/**
 * Messages from the enterprise (read lists, MeterConfig, UsagePointConfig, MasterDataLinkageConfig,
 * EndDeviceControls, GetMeterReadings; DESIGN.md §6). A message lands here first, keyed by its
 * MessageID (a redelivery is ignored), and is applied later in its own transaction.
 */
import { storedRefusal, type InboundRefusal } from '../../../../shared/contract/inboundRefusal';
import type { Db } from '../database';

export type InboxStatus = 'received' | 'applied' | 'failed' | 'ignored';

export interface InboxEntry {
  id: number;
  messageId: string;
  correlationId: string | null;
  noun: string;
  verb: string;
  payload: unknown;
  receivedAt: string;
  appliedAt: string | null;
  status: InboxStatus;
  /** Why it was refused (shared/contract/inboundRefusal.ts); a row of an earlier version, as recorded. */
  refusal: InboundRefusal | null;
  changes: unknown[];
}

/** What a request says about its answer (IEC 61968-100 Header; migration 16). */
export interface ReplyRouting {
  messageId: string;
  correlationId: string | null;
  replyAddress: string | null;
  asyncReplyFlag: boolean | null;
}

interface Row {
  id: number;
  message_id: string;
  correlation_id: string | null;
  noun: string;
  verb: string;
  payload: string;
  received_at: string;
  applied_at: string | null;
  status: InboxStatus;
  error: string | null;
  changes: string;
}

const toEntry = (r: Row): InboxEntry => ({
  id: r.id,
  messageId: r.message_id,
  correlationId: r.correlation_id,
  noun: r.noun,
  verb: r.verb,
  payload: JSON.parse(r.payload) as unknown,
  receivedAt: r.received_at,
  appliedAt: r.applied_at,
  status: r.status,
  refusal: storedRefusal(r.error),
  changes: JSON.parse(r.changes) as unknown[],
});

const COLUMNS = 'id, message_id, correlation_id, noun, verb, payload, received_at, applied_at, status, error, changes';

export function createInboxRepository(db: Db) {
  const insert =
    db.prepare(`INSERT INTO inbox (message_id, correlation_id, noun, verb, payload, received_at, reply_address, async_reply_flag)
    VALUES (@messageId, @correlationId, @noun, @verb, @payload, @receivedAt, @replyAddress, @asyncReplyFlag) ON CONFLICT(message_id) DO NOTHING`);
  const routing = db.prepare('SELECT message_id, correlation_id, reply_address, async_reply_flag FROM inbox WHERE message_id = ?');
  const waiting = db.prepare(`SELECT ${COLUMNS} FROM inbox WHERE status = 'received' ORDER BY id LIMIT ?`);
  const list = db.prepare(`SELECT ${COLUMNS} FROM inbox WHERE (@status IS NULL OR status = @status) ORDER BY id DESC LIMIT @limit`);
  const finish = db.prepare('UPDATE inbox SET status = @status, applied_at = @at, error = @error, changes = @changes WHERE id = @id');
  const refused = db.prepare(`INSERT INTO inbox (message_id, correlation_id, noun, verb, payload, received_at, applied_at, status, error)
    VALUES (@messageId, @correlationId, @noun, @verb, @payload, @at, @at, 'failed', @error) ON CONFLICT(message_id) DO NOTHING`);

  return {
    /** False when this MessageID was received before (enterprise redelivery). */
    receive(m: {
      messageId: string;
      correlationId?: string | null;
      replyAddress?: string | null;
      asyncReplyFlag?: boolean | null;
      noun: string;
      verb: string;
      payload: unknown;
      receivedAt: string;
    }): boolean {
      const asyncReplyFlag = m.asyncReplyFlag === undefined || m.asyncReplyFlag === null ? null : Number(m.asyncReplyFlag);
      return (
        insert.run({
          ...m,
          correlationId: m.correlationId ?? null,
          replyAddress: m.replyAddress ?? null,
          asyncReplyFlag,
          payload: JSON.stringify(m.payload),
        }).changes === 1
      );
    },
    /** How to answer the request received as this MessageID; null when no such message came in. */
    replyRouting(messageId: string): ReplyRouting | null {
      const r = routing.get(messageId) as
        { message_id: string; correlation_id: string | null; reply_address: string | null; async_reply_flag: number | null } | undefined;
      if (!r) return null;
      return {
        messageId: r.message_id,
        correlationId: r.correlation_id,
        replyAddress: r.reply_address,
        asyncReplyFlag: r.async_reply_flag === null ? null : r.async_reply_flag === 1,
      };
    },
    waiting(limit = 100): InboxEntry[] {
      return (waiting.all(limit) as Row[]).map(toEntry);
    },
    list(options: { status?: InboxStatus; limit?: number } = {}): InboxEntry[] {
      return (list.all({ status: options.status ?? null, limit: options.limit ?? 100 }) as Row[]).map(toEntry);
    },
    /** A message that could not be applied, kept with the reason (its text as payload) for the user to see. */
    refuse(m: {
      messageId: string;
      correlationId?: string | null;
      noun: string;
      verb: string;
      xml: string;
      at: string;
      refusal: InboundRefusal;
    }): boolean {
      const { refusal, ...row } = m;
      return (
        refused.run({
          ...row,
          correlationId: m.correlationId ?? null,
          payload: JSON.stringify({ xml: m.xml }),
          error: JSON.stringify(refusal),
        }).changes === 1
      );
    },
    /** Called inside the transaction that applied (or refused) the message. */
    finish(
      id: number,
      status: Exclude<InboxStatus, 'received'>,
      at: string,
      refusal: InboundRefusal | null,
      changes: readonly unknown[],
    ): void {
      finish.run({ id, status, at, error: refusal === null ? null : JSON.stringify(refusal), changes: JSON.stringify(changes) });
    },
  };
}
export type InboxRepository = ReturnType<typeof createInboxRepository>;
