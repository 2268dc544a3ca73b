/**
 * Controls the enterprise asked the field to carry out (migration 12): open at a usage point
 * until the installer's time sync or demand reset of that meter answers them, or the enterprise
 * cancels them.
 */
import type { Db } from '../database';

export type ControlOperation = 'timeSync' | 'demandReset';

export interface ControlRequest {
  id: number;
  messageId: string;
  controlMrid: string | null;
  operation: ControlOperation;
  controlType: string;
  usagePointId: string;
  meterSerial: string;
  requestedAt: string;
  status: 'open' | 'done' | 'cancelled';
  closedAt: string | null;
  answerMessageId: string | null;
}

interface Row {
  id: number;
  message_id: string;
  control_mrid: string | null;
  operation: ControlOperation;
  control_type: string;
  usage_point_id: string;
  meter_serial: string;
  requested_at: string;
  status: ControlRequest['status'];
  closed_at: string | null;
  answer_message_id: string | null;
}

const toRequest = (r: Row): ControlRequest => ({
  id: r.id,
  messageId: r.message_id,
  controlMrid: r.control_mrid,
  operation: r.operation,
  controlType: r.control_type,
  usagePointId: r.usage_point_id,
  meterSerial: r.meter_serial,
  requestedAt: r.requested_at,
  status: r.status,
  closedAt: r.closed_at,
  answerMessageId: r.answer_message_id,
});

const COLUMNS =
  'id, message_id, control_mrid, operation, control_type, usage_point_id, meter_serial, requested_at, status, closed_at, answer_message_id';

export function createControlRequestsRepository(db: Db) {
  const insert =
    db.prepare(`INSERT INTO control_requests (message_id, control_mrid, operation, control_type, usage_point_id, meter_serial, requested_at)
    VALUES (@messageId, @controlMrid, @operation, @controlType, @usagePointId, @meterSerial, @requestedAt) ON CONFLICT (message_id, usage_point_id, operation) DO NOTHING`);
  const nextOpen = db.prepare(`SELECT ${COLUMNS} FROM control_requests
    WHERE usage_point_id = @usagePointId AND operation = @operation AND meter_serial = @meterSerial AND status = 'open' ORDER BY id LIMIT 1`);
  const done = db.prepare(
    "UPDATE control_requests SET status = 'done', closed_at = @at, answer_message_id = @answerMessageId WHERE id = @id AND status = 'open'",
  );
  const cancel = db.prepare(
    "UPDATE control_requests SET status = 'cancelled', closed_at = @at WHERE control_mrid = @controlMrid AND status = 'open'",
  );
  const known = db.prepare('SELECT 1 FROM control_requests WHERE control_mrid = ? LIMIT 1');
  const byMessage = db.prepare(`SELECT ${COLUMNS} FROM control_requests WHERE message_id = ? ORDER BY id`);

  return {
    /** False when this request is known already (the same message, usage point and operation). */
    add(r: Omit<ControlRequest, 'id' | 'status' | 'closedAt' | 'answerMessageId'>): boolean {
      return insert.run(r).changes === 1;
    },
    /** The oldest open request for this operation on this meter at this usage point. */
    nextOpen(usagePointId: string, operation: ControlOperation, meterSerial: string): ControlRequest | null {
      const row = nextOpen.get({ usagePointId, operation, meterSerial }) as Row | undefined;
      return row ? toRequest(row) : null;
    },
    done(id: number, answerMessageId: string, at: string): void {
      done.run({ id, answerMessageId, at });
    },
    /** Closes what is still open of the control with this mRID; returns how many. */
    cancel(controlMrid: string, at: string): number {
      return cancel.run({ controlMrid, at }).changes;
    },
    isKnown: (controlMrid: string): boolean => known.get(controlMrid) !== undefined,
    byMessage(messageId: string): ControlRequest[] {
      return (byMessage.all(messageId) as Row[]).map(toRequest);
    },
  };
}
export type ControlRequestsRepository = ReturnType<typeof createControlRequestsRepository>;
