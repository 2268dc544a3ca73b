/**
 * Migration 33: a reading taken from the pushes of a meter's own customer port (HAN/P1: Norwegian
 * and Swedish HAN, Luxembourg Smarty P1, the Austrian customer interface) is stored as
 * `source = 'han'`, not as read over a wired M-Bus. The CHECK constraint is widened by rebuilding
 * `reading_sets` as migrations 25 and 29 did (same columns and rows).
 */
export default {
  version: 33,
  name: 'reading_source_han',
  rebuildsTables: true,
  sql: `
CREATE TABLE reading_sets_rebuilt (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  read_at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'optical', 'radio', 'wired', 'han', 'estimated')),
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
