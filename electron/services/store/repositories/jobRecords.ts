/** The readings and photos a job left behind, by the reading sets it wrote (work orders, switch orders). */
import { describeReadingType } from '../../../../shared/cim/readingType';
import type { Db } from '../database';

interface Row {
  reading_set_id: string;
  serial_number: string;
  label: string;
  reading_type: string;
  value: string | null;
  read_at: string;
  source: 'manual' | 'optical' | 'radio' | 'estimated';
}

export interface RecordedReading {
  readingSetId: string;
  meter: string;
  label: string;
  value: string;
  unit: string;
  readAt: string;
  source: 'manual' | 'optical' | 'radio' | 'estimated';
}

const SELECT = `SELECT rs.id AS reading_set_id, d.serial_number, g.label, g.reading_type, r.value, rs.read_at, rs.source
  FROM reading_sets rs
  JOIN readings r ON r.reading_set_id = rs.id
  JOIN registers g ON g.id = r.register_id
  JOIN end_devices d ON d.id = rs.end_device_id`;

const toReading = (row: Row): RecordedReading => ({
  readingSetId: row.reading_set_id,
  meter: row.serial_number,
  label: row.label,
  value: row.value ?? '',
  unit: describeReadingType(row.reading_type)?.unit ?? '',
  readAt: row.read_at,
  source: row.source,
});

export function createJobRecordsRepository(db: Db) {
  // A meter job writes its reading sets at the moment it finishes (one transaction, one timestamp).
  const atMoment = db.prepare(`${SELECT} WHERE rs.usage_point_id = ? AND rs.read_at = ? ORDER BY rs.rowid, g.id`);
  const ofSet = db.prepare(`${SELECT} WHERE rs.id = ? ORDER BY g.id`);
  const photos = db.prepare('SELECT count(*) AS n FROM photos WHERE reading_set_id IN (SELECT value FROM json_each(?))');
  return {
    readingsAt: (usagePointId: string, at: string): RecordedReading[] => (atMoment.all(usagePointId, at) as Row[]).map(toReading),
    readingsOfSet: (readingSetId: string): RecordedReading[] => (ofSet.all(readingSetId) as Row[]).map(toReading),
    photoCount: (readingSetIds: readonly string[]): number => (photos.get(JSON.stringify(readingSetIds)) as { n: number }).n,
  };
}
export type JobRecordsRepository = ReturnType<typeof createJobRecordsRepository>;
