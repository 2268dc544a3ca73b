/**
 * Migration 25: a reading heard over the air (wireless M-Bus walk-by, EN 13757-4) is stored as
 * `source = 'radio'`, not passed off as an optical read. SQLite cannot alter a CHECK constraint,
 * so `reading_sets` is rebuilt with the same columns and rows, by the procedure of
 * sqlite.org/lang_altertable.html ("other kinds of table schema changes"): foreign keys off for
 * the rebuild (`rebuildsTables`), the new table renamed into place so the tables that reference
 * `reading_sets` keep their references, and `foreign_key_check` before the commit.
 */
export default {
  version: 25,
  name: 'reading_source_radio',
  rebuildsTables: true,
  sql: `
CREATE TABLE reading_sets_rebuilt (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  read_at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'optical', 'radio', 'estimated')),
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
