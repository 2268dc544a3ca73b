/** Reading sets (one visit, one timestamp: coincident readings) and their readings. */
import type { Confirmation, Position, Reading, ReadingWarningShape } from '../../../../shared/contract/entities';
import type { Db } from '../database';

interface ReadingRow {
  id: number;
  reading_set_id: string;
  usage_point_id: string;
  serial_number: string;
  register_id: number;
  reading_type: string;
  value: string;
  read_at: string;
  source: Reading['source'];
  qualities: string;
  warnings: string;
  confirmation: string | null;
}

export interface NewReadingSet {
  id: string;
  usagePointId: string;
  endDeviceId: number;
  readAt: string;
  source: Reading['source'];
  note: string;
  observedSerial: string | null;
  position: Position | null;
  values: readonly {
    registerId: number;
    value: string;
    qualities: readonly string[];
    warnings: readonly ReadingWarningShape[];
    confirmation: Confirmation | null;
  }[];
}

const SELECT = `
  SELECT r.id, r.reading_set_id, rs.usage_point_id, d.serial_number, r.register_id, g.reading_type, r.value,
         rs.read_at, rs.source, r.qualities, r.warnings, r.confirmation
  FROM readings r
  JOIN reading_sets rs ON rs.id = r.reading_set_id
  JOIN registers g ON g.id = r.register_id
  JOIN end_devices d ON d.id = rs.end_device_id`;

export function createReadingsRepository(db: Db) {
  const insertSet = db.prepare(
    `INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at, note, observed_serial, latitude, longitude, accuracy_m)
     VALUES (@id, @usagePointId, @endDeviceId, @readAt, @source, @createdAt, @note, @observedSerial, @latitude, @longitude, @accuracyM)`,
  );
  const insertReading = db.prepare(
    'INSERT INTO readings (reading_set_id, register_id, value, qualities, warnings, confirmation) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const bySet = db.prepare(`${SELECT} WHERE r.reading_set_id = ? ORDER BY r.id`);
  const byUsagePoint = db.prepare(`${SELECT} WHERE rs.usage_point_id = ? ORDER BY rs.read_at DESC, r.id LIMIT ?`);
  const recent = db.prepare(`${SELECT} ORDER BY rs.read_at DESC, r.id LIMIT ?`);

  const toReading = (row: ReadingRow): Reading => ({
    id: row.id,
    readingSetId: row.reading_set_id,
    usagePointId: row.usage_point_id,
    meterSerial: row.serial_number,
    registerId: row.register_id,
    readingType: row.reading_type,
    value: row.value,
    readAt: row.read_at,
    source: row.source,
    qualities: JSON.parse(row.qualities) as string[],
    warnings: JSON.parse(row.warnings) as ReadingWarningShape[],
    confirmation: row.confirmation === null ? null : (JSON.parse(row.confirmation) as Confirmation),
  });

  return {
    /** Call inside the caller's transaction. */
    insertSet(set: NewReadingSet): Reading[] {
      insertSet.run({
        id: set.id,
        usagePointId: set.usagePointId,
        endDeviceId: set.endDeviceId,
        readAt: set.readAt,
        source: set.source,
        createdAt: new Date().toISOString(),
        note: set.note,
        observedSerial: set.observedSerial,
        latitude: set.position?.latitude ?? null,
        longitude: set.position?.longitude ?? null,
        accuracyM: set.position?.accuracyM ?? null,
      });
      for (const v of set.values) {
        const confirmation = v.confirmation === null ? null : JSON.stringify(v.confirmation);
        insertReading.run(set.id, v.registerId, v.value, JSON.stringify(v.qualities), JSON.stringify(v.warnings), confirmation);
      }
      return (bySet.all(set.id) as ReadingRow[]).map(toReading);
    },
    list(options: { usagePointId?: string | undefined; limit: number }): Reading[] {
      const rows = options.usagePointId ? byUsagePoint.all(options.usagePointId, options.limit) : recent.all(options.limit);
      return (rows as ReadingRow[]).map(toReading);
    },
  };
}
export type ReadingsRepository = ReturnType<typeof createReadingsRepository>;
