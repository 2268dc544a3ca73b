/**
 * Where readings were saved, next to where their stop is: the supervisor's check for readings
 * taken far from the meter (issue 24 §4). Only readings saved with a position, at a usage point
 * whose coordinates the route file gave.
 */
import type { Db } from '../database';

export interface VisitPositionRow {
  readonly readingSetId: string;
  readonly usagePointId: string;
  readonly routeId: string | null;
  readonly sequence: number | null;
  readonly address: string;
  readonly readAt: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracyM: number | null;
  readonly stopLatitude: number;
  readonly stopLongitude: number;
}

export function createVisitPositionsRepository(db: Db) {
  const located = db.prepare(`
    SELECT rs.id AS readingSetId, rs.usage_point_id AS usagePointId, s.route_id AS routeId, s.sequence, up.address,
      rs.read_at AS readAt, rs.latitude, rs.longitude, rs.accuracy_m AS accuracyM,
      up.latitude AS stopLatitude, up.longitude AS stopLongitude
    FROM reading_sets rs
    JOIN usage_points up ON up.id = rs.usage_point_id
    LEFT JOIN route_stops s ON s.usage_point_id = up.id
    WHERE rs.latitude IS NOT NULL AND rs.longitude IS NOT NULL AND up.latitude IS NOT NULL AND up.longitude IS NOT NULL
    ORDER BY rs.read_at DESC LIMIT @limit`);
  return {
    /** The newest located readings first (at most `limit`). */
    located: (limit: number): VisitPositionRow[] => located.all({ limit }) as VisitPositionRow[],
  };
}
