/** The registers to read on the routes, one item each, with where the stop stands (CLI `readings list`). */
import type { StopStatus } from '../../../../shared/contract/entities';
import type { Db } from '../database';

export interface WorkItem {
  route: string;
  sequence: number;
  usagePoint: string;
  address: string;
  meter: string;
  register: string;
  readingType: string;
  status: StopStatus;
  /** The value and time of today's reading; null until the stop is read. */
  value: string | null;
  timestamp: string | null;
}

export function createWorklistRepository(db: Db) {
  const query = db.prepare(`
    SELECT s.route_id AS route, s.sequence, up.id AS usagePoint, up.address, d.serial_number AS meter, g.label AS register,
      g.reading_type AS readingType, s.status,
      CASE WHEN s.status IN ('read', 'warning') THEN g.last_value END AS value,
      CASE WHEN s.status IN ('read', 'warning') THEN g.last_read_at END AS timestamp
    FROM route_stops s
    JOIN usage_points up ON up.id = s.usage_point_id
    JOIN end_devices d ON d.usage_point_id = up.id AND d.kind = 'meter'
    JOIN registers g ON g.end_device_id = d.id
    WHERE (@route IS NULL OR s.route_id = @route) AND (@status IS NULL OR s.status = @status)
    ORDER BY s.route_id, s.sequence, g.id`);
  return {
    list(filter: { route?: string | undefined; status?: StopStatus | undefined }): WorkItem[] {
      return query.all({ route: filter.route ?? null, status: filter.status ?? null }) as WorkItem[];
    },
  };
}
