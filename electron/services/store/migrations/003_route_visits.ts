/**
 * Migration 3: what a technician needs on a route walk (issue: manual meter reading).
 * - usage points carry the account, access notes and hazards shown before the reading form;
 * - registers carry the average daily use the high/low check is based on;
 * - readings keep the warnings they were saved with and how an out-of-range value was
 *   confirmed (typed twice, or a reason); reading sets keep the note, the serial the
 *   technician saw and the position;
 * - a skipped visit is a row in `visit_skips` with its trouble code;
 * - photos are files named by their SHA-256; `photos` records which visit they belong to;
 * - each route stop keeps its status (unread, read, warning, skipped), written in the same
 *   transaction as the visit, so progress and filters need no scan of the readings.
 */
export default {
  version: 3,
  name: 'route_visits',
  sql: `
ALTER TABLE usage_points ADD COLUMN account_id TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_points ADD COLUMN access_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE usage_points ADD COLUMN hazards TEXT NOT NULL DEFAULT '[]';

ALTER TABLE registers ADD COLUMN average_daily_use REAL;

ALTER TABLE readings ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
ALTER TABLE readings ADD COLUMN confirmation TEXT;

ALTER TABLE reading_sets ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE reading_sets ADD COLUMN observed_serial TEXT;
ALTER TABLE reading_sets ADD COLUMN latitude REAL;
ALTER TABLE reading_sets ADD COLUMN longitude REAL;
ALTER TABLE reading_sets ADD COLUMN accuracy_m REAL;

ALTER TABLE route_stops ADD COLUMN status TEXT NOT NULL DEFAULT 'unread'
  CHECK (status IN ('unread', 'read', 'warning', 'skipped'));
ALTER TABLE route_stops ADD COLUMN visited_at TEXT;
UPDATE route_stops SET status = 'read',
  visited_at = (SELECT max(rs.created_at) FROM reading_sets rs WHERE rs.usage_point_id = route_stops.usage_point_id)
  WHERE EXISTS (SELECT 1 FROM reading_sets rs JOIN routes r ON r.id = route_stops.route_id
                WHERE rs.usage_point_id = route_stops.usage_point_id AND rs.created_at >= r.imported_at);
CREATE INDEX route_stops_status ON route_stops(route_id, status);

CREATE TABLE visit_skips (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  code TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  skipped_at TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  accuracy_m REAL
) STRICT;
CREATE INDEX visit_skips_usage_point ON visit_skips(usage_point_id, skipped_at);

CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  reading_set_id TEXT REFERENCES reading_sets(id),
  skip_id TEXT REFERENCES visit_skips(id),
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX photos_usage_point ON photos(usage_point_id);
`,
};
