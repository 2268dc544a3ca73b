/** Visits where the meter could not be read, with the trouble code. */
import type { Position } from '../../../../shared/contract/entities';
import type { Db } from '../database';

export function createSkipsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO visit_skips (id, usage_point_id, end_device_id, code, note, skipped_at, latitude, longitude, accuracy_m)
     VALUES (@id, @usagePointId, @endDeviceId, @code, @note, @skippedAt, @latitude, @longitude, @accuracyM)`,
  );
  return {
    insert(skip: {
      id: string;
      usagePointId: string;
      endDeviceId: number;
      code: string;
      note: string;
      skippedAt: string;
      position: Position | null;
    }) {
      insert.run({
        ...skip,
        latitude: skip.position?.latitude ?? null,
        longitude: skip.position?.longitude ?? null,
        accuracyM: skip.position?.accuracyM ?? null,
      });
    },
  };
}
