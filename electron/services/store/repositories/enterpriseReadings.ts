/**
 * The meter's validated history from the enterprise (migration 26): kept per register and time,
 * marked by the message it came in, and the register's last value for the reading checks when it is
 * newer than what the field read. Nothing here is ever queued for sending.
 */
import type { Db } from '../database';

export interface EnterpriseReading {
  readonly registerId: number;
  /** ISO 8601 in UTC (the MDM's offset already applied). */
  readonly readAt: string;
  readonly value: string;
  readonly qualities: readonly string[];
  readonly messageId: string;
}

/** One reading as the meter's history lists it. */
export interface EnterpriseReadingRow {
  readonly id: number;
  readonly readingType: string;
  readonly label: string;
  readonly readAt: string;
  readonly value: string;
  readonly qualities: string[];
  readonly messageId: string;
}

export interface StoredEnterpriseReading extends EnterpriseReading {
  readonly receivedAt: string;
}

export function createEnterpriseReadingsRepository(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO enterprise_readings (register_id, read_at, value, qualities, message_id, received_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(register_id, read_at) DO UPDATE SET value = excluded.value, qualities = excluded.qualities,
      message_id = excluded.message_id, received_at = excluded.received_at
    WHERE enterprise_readings.value <> excluded.value OR enterprise_readings.qualities <> excluded.qualities`);
  const lastOf = db.prepare('SELECT last_value, last_read_at FROM registers WHERE id = ?');
  const setLast = db.prepare('UPDATE registers SET last_value = ?, last_read_at = ? WHERE id = ?');
  const ofRegister = db.prepare(
    'SELECT register_id, read_at, value, qualities, message_id, received_at FROM enterprise_readings WHERE register_id = ? ORDER BY read_at',
  );
  const atUsagePoint = db.prepare(`
    SELECT er.id, r.reading_type AS readingType, r.label, er.read_at AS readAt, er.value, er.qualities, er.message_id AS messageId
    FROM enterprise_readings er JOIN registers r ON r.id = er.register_id JOIN end_devices d ON d.id = r.end_device_id
    WHERE d.usage_point_id = ? AND d.kind = 'meter' ORDER BY er.read_at DESC, er.id DESC LIMIT ?`);
  return {
    /** The enterprise's readings of the meter at a usage point, newest first, for its history screen. */
    atUsagePoint: (usagePointId: string, limit: number): EnterpriseReadingRow[] =>
      (atUsagePoint.all(usagePointId, limit) as (Omit<EnterpriseReadingRow, 'qualities'> & { qualities: string })[]).map((r) => ({
        ...r,
        qualities: JSON.parse(r.qualities) as string[],
      })),
    /** Stores one reading (a changed value replaces the one of that time); false when it was already there as it is. */
    record(reading: EnterpriseReading, receivedAt: string): boolean {
      const { registerId, readAt, value, qualities, messageId } = reading;
      return upsert.run(registerId, readAt, value, JSON.stringify(qualities), messageId, receivedAt).changes > 0;
    },
    /**
     * Makes the value the register's last one when it is newer than the last one there (field read,
     * route list or enterprise): the next hand read is checked against it. Times are compared as
     * instants, since route lists and field reads write them in different forms.
     */
    offerAsLast(registerId: number, value: string, readAt: string): boolean {
      const row = lastOf.get(registerId) as { last_value: string | null; last_read_at: string | null } | undefined;
      if (!row) return false;
      if (row.last_read_at !== null && Date.parse(row.last_read_at) >= Date.parse(readAt)) return false;
      setLast.run(value, readAt, registerId);
      return true;
    },
    ofRegister: (registerId: number): StoredEnterpriseReading[] =>
      (
        ofRegister.all(registerId) as {
          register_id: number;
          read_at: string;
          value: string;
          qualities: string;
          message_id: string;
          received_at: string;
        }[]
      ).map((r) => ({
        registerId: r.register_id,
        readAt: r.read_at,
        value: r.value,
        qualities: JSON.parse(r.qualities) as string[],
        messageId: r.message_id,
        receivedAt: r.received_at,
      })),
  };
}
