/** What the optical probe read about a meter's health (F.F, C.5.0, C.7.x), and the events recorded from it. */
import type { MeterStatus } from '../../../../shared/cim/codes/meterStatusEvents';
import type { LoggedPowerFailure } from '../../../../shared/cim/codes/powerFailures';
import type { Db } from '../database';

export interface StatusRead extends MeterStatus {
  readonly id: number;
  readonly readAt: string;
  readonly meterModel: string;
  readonly readingSetId: string | null;
}

interface Row {
  id: number;
  read_at: string;
  meter_model: string;
  error_register: string | null;
  status_word: string | null;
  power_fail_counters: string;
  power_failure_log: string;
  reading_set_id: string | null;
}

const toRead = (r: Row): StatusRead => ({
  id: r.id,
  readAt: r.read_at,
  meterModel: r.meter_model,
  errorRegister: r.error_register,
  statusWord: r.status_word,
  powerFailCounters: JSON.parse(r.power_fail_counters) as Record<string, string>,
  powerFailureLog: JSON.parse(r.power_failure_log) as LoggedPowerFailure[],
  readingSetId: r.reading_set_id,
});

const COLUMNS = 'id, read_at, meter_model, error_register, status_word, power_fail_counters, power_failure_log, reading_set_id';

export function createMeterStatusRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO meter_status_reads (end_device_id, read_at, meter_model, error_register, status_word, power_fail_counters, power_failure_log) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const latestUnreported = db.prepare(
    `SELECT ${COLUMNS} FROM meter_status_reads WHERE end_device_id = ? AND reading_set_id IS NULL ORDER BY id DESC LIMIT 1`,
  );
  const lastReported = db.prepare(
    `SELECT ${COLUMNS} FROM meter_status_reads WHERE end_device_id = ? AND reading_set_id IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  const history = db.prepare(`SELECT ${COLUMNS} FROM meter_status_reads WHERE end_device_id = ? ORDER BY id`);
  const markReported = db.prepare('UPDATE meter_status_reads SET reading_set_id = ? WHERE id = ?');
  const recordEvent = db.prepare(
    'INSERT INTO end_device_events (end_device_id, event_type, created_at, reason, details) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    /** Stores one read; returns its id. */
    insert(deviceId: number, readAt: string, meterModel: string, status: MeterStatus): number {
      return Number(
        insert.run(
          deviceId,
          readAt,
          meterModel,
          status.errorRegister,
          status.statusWord,
          JSON.stringify(status.powerFailCounters),
          JSON.stringify(status.powerFailureLog ?? []),
        ).lastInsertRowid,
      );
    },
    /** The newest read not yet reported with a saved reading. */
    latestUnreported: (deviceId: number): StatusRead | null => {
      const row = latestUnreported.get(deviceId) as Row | undefined;
      return row ? toRead(row) : null;
    },
    /** The newest read already reported: what the enterprise was last told. */
    lastReported: (deviceId: number): StatusRead | null => {
      const row = lastReported.get(deviceId) as Row | undefined;
      return row ? toRead(row) : null;
    },
    history: (deviceId: number): StatusRead[] => (history.all(deviceId) as Row[]).map(toRead),
    markReported: (id: number, readingSetId: string) => void markReported.run(readingSetId, id),
    recordEvent(deviceId: number, event: { eventType: string; createdAt: string; reason: string; details: Record<string, string> }) {
      recordEvent.run(deviceId, event.eventType, event.createdAt, event.reason, JSON.stringify(event.details));
    },
  };
}
