/**
 * Migration 2: what the sync side needs before any message flows — an inbox for messages
 * from the enterprise, a key/value sync state, and the end-device events table — plus an
 * index to find a usage point's route stop without knowing the route (opening a meter).
 */
export default {
  version: 2,
  name: 'sync_tables',
  sql: `
CREATE TABLE inbox (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,
  noun TEXT NOT NULL,
  verb TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL,
  applied_at TEXT,
  error TEXT
) STRICT;

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE end_device_events (
  id INTEGER PRIMARY KEY,
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  event_type TEXT NOT NULL,
  created_at TEXT NOT NULL,
  reason TEXT,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX route_stops_usage_point ON route_stops(usage_point_id);
`,
};
