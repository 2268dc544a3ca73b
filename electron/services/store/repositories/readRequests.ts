/**
 * On-demand read requests (migration 11): an enterprise GetMeterReadings becomes a task at a
 * usage point, answered by the next visit there (the answer's CorrelationID is the request's
 * MessageID). Also the time of the last field visit at a meter, which the inbound conflict rule
 * compares master data against.
 */
import type { Db } from '../database';

export interface ReadRequest {
  id: number;
  messageId: string;
  usagePointId: string;
  readingTypes: string[];
  requestedAt: string;
  status: 'open' | 'answered';
  answeredAt: string | null;
  answerMessageId: string | null;
}

interface Row {
  id: number;
  message_id: string;
  usage_point_id: string;
  reading_types: string;
  requested_at: string;
  status: 'open' | 'answered';
  answered_at: string | null;
  answer_message_id: string | null;
}

const toRequest = (r: Row): ReadRequest => ({
  id: r.id,
  messageId: r.message_id,
  usagePointId: r.usage_point_id,
  readingTypes: JSON.parse(r.reading_types) as string[],
  requestedAt: r.requested_at,
  status: r.status,
  answeredAt: r.answered_at,
  answerMessageId: r.answer_message_id,
});

const COLUMNS = 'id, message_id, usage_point_id, reading_types, requested_at, status, answered_at, answer_message_id';

export function createReadRequestsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO read_requests (message_id, usage_point_id, reading_types, requested_at)
    VALUES (@messageId, @usagePointId, @readingTypes, @requestedAt) ON CONFLICT (message_id, usage_point_id) DO NOTHING`);
  const nextOpen = db.prepare(`SELECT ${COLUMNS} FROM read_requests WHERE usage_point_id = ? AND status = 'open' ORDER BY id LIMIT 1`);
  const answer = db.prepare(
    "UPDATE read_requests SET status = 'answered', answered_at = @at, answer_message_id = @answerMessageId WHERE id = @id AND status = 'open'",
  );
  const byMessage = db.prepare(`SELECT ${COLUMNS} FROM read_requests WHERE message_id = ? ORDER BY id`);
  const lastRead = db.prepare('SELECT max(read_at) FROM reading_sets WHERE end_device_id = ?').pluck();

  return {
    /** False when this request for this usage point is known already. */
    add(r: { messageId: string; usagePointId: string; readingTypes: readonly string[]; requestedAt: string }): boolean {
      return insert.run({ ...r, readingTypes: JSON.stringify(r.readingTypes) }).changes === 1;
    },
    /** The oldest open request at a usage point: the next visit there answers it. */
    nextOpen(usagePointId: string): ReadRequest | null {
      const row = nextOpen.get(usagePointId) as Row | undefined;
      return row ? toRequest(row) : null;
    },
    answer(id: number, answerMessageId: string, at: string): void {
      answer.run({ id, answerMessageId, at });
    },
    byMessage(messageId: string): ReadRequest[] {
      return (byMessage.all(messageId) as Row[]).map(toRequest);
    },
    /** When the field last recorded readings of this device (null: never). */
    lastFieldVisitAt(endDeviceId: number): string | null {
      return (lastRead.get(endDeviceId) as string | null) ?? null;
    },
  };
}
export type ReadRequestsRepository = ReturnType<typeof createReadRequestsRepository>;
