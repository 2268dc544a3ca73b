/**
 * Migration 1: the field data model. Table names follow the CIM (IEC 61968-9) where it has
 * a name: usage points, end devices (meters and, later, PAN devices), registers keyed by
 * ReadingType, readings grouped in sets of coincident readings (one visit, one timestamp).
 * `audit_log` and `outbox` exist from day one: every user change writes both.
 */
export default {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE routes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  source_file TEXT NOT NULL,
  training_mode INTEGER NOT NULL DEFAULT 0 CHECK (training_mode IN (0, 1))
) STRICT;

CREATE TABLE usage_points (
  id TEXT PRIMARY KEY,
  address TEXT NOT NULL
) STRICT;

CREATE TABLE route_stops (
  route_id TEXT NOT NULL REFERENCES routes(id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  PRIMARY KEY (route_id, usage_point_id),
  UNIQUE (route_id, sequence)
) STRICT;

CREATE TABLE end_devices (
  id INTEGER PRIMARY KEY,
  serial_number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'meter' CHECK (kind IN ('meter', 'pan')),
  usage_point_id TEXT REFERENCES usage_points(id),
  status TEXT NOT NULL DEFAULT 'installed'
) STRICT;
CREATE INDEX end_devices_usage_point ON end_devices(usage_point_id);

CREATE TABLE registers (
  id INTEGER PRIMARY KEY,
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id) ON DELETE CASCADE,
  reading_type TEXT NOT NULL,
  label TEXT NOT NULL,
  dials INTEGER NOT NULL CHECK (dials BETWEEN 1 AND 12),
  decimals INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  multiplier REAL NOT NULL DEFAULT 1 CHECK (multiplier > 0),
  last_value TEXT,
  last_read_at TEXT,
  UNIQUE (end_device_id, reading_type)
) STRICT;

CREATE TABLE reading_sets (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  read_at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'optical', 'estimated')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX reading_sets_usage_point ON reading_sets(usage_point_id, read_at);

CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  reading_set_id TEXT NOT NULL REFERENCES reading_sets(id),
  register_id INTEGER NOT NULL REFERENCES registers(id),
  value TEXT NOT NULL,
  qualities TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX readings_register ON readings(register_id);
CREATE INDEX readings_set ON readings(reading_set_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,
  noun TEXT NOT NULL,
  verb TEXT NOT NULL,
  usage_point_id TEXT,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  last_error TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(status, id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
};
