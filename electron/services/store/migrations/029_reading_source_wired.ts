/**
 * Migration 29: a reading taken from a meter on a wired M-Bus (EN 13757-2/-3, over a level
 * converter or an optical M-Bus head) is stored as `source = 'wired'`, not as heard over the radio.
 * The CHECK constraint is widened by rebuilding `reading_sets` as migration 25 did (same columns
 * and rows; sqlite.org/lang_altertable.html, "other kinds of table schema changes").
 */
export default {
  version: 29,
  name: 'reading_source_wired',
  rebuildsTables: true,
  sql: `
CREATE TABLE reading_sets_rebuilt (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  read_at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'optical', 'radio', 'wired', 'estimated')),
  created_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  observed_serial TEXT,
  latitude REAL,
  longitude REAL,
  accuracy_m REAL
) STRICT;
INSERT INTO reading_sets_rebuilt (id, usage_point_id, end_device_id, read_at, source, created_at, note, observed_serial, latitude, longitude, accuracy_m)
  SELECT id, usage_point_id, end_device_id, read_at, source, created_at, note, observed_serial, latitude, longitude, accuracy_m FROM reading_sets;
DROP TABLE reading_sets;
ALTER TABLE reading_sets_rebuilt RENAME TO reading_sets;
CREATE INDEX reading_sets_usage_point ON reading_sets(usage_point_id, read_at);
`,
};
