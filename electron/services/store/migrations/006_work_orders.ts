/**
 * Migration 6: installer work orders (issue 8). Work orders and their steps; meter asset status
 * (inStock → installed → removed, returned or scrapped) with the usage point linkage history;
 * seals; PAN devices as end_devices of kind 'pan' named by their EUI-64 (serial_number), with
 * the install code kept only until the enterprise reports the join (the link key is never stored).
 */
export default {
  version: 6,
  name: 'work_orders',
  sql: `
ALTER TABLE end_devices ADD COLUMN disposition TEXT CHECK (disposition IN ('returned', 'scrapped'));
ALTER TABLE end_devices ADD COLUMN pan_device_type TEXT;
ALTER TABLE end_devices ADD COLUMN install_code TEXT;
ALTER TABLE end_devices ADD COLUMN join_status TEXT CHECK (join_status IN ('pending', 'joined', 'failed', 'decommissioned'));
ALTER TABLE end_devices ADD COLUMN paired_meter_id INTEGER REFERENCES end_devices(id);

-- The existing status column has no CHECK and ALTER cannot add one: guard it with triggers.
CREATE TRIGGER end_devices_status_insert BEFORE INSERT ON end_devices
  WHEN NEW.status NOT IN ('inStock', 'installed', 'removed')
  BEGIN SELECT RAISE(ABORT, 'end_devices.status must be inStock, installed or removed'); END;
CREATE TRIGGER end_devices_status_update BEFORE UPDATE OF status ON end_devices
  WHEN NEW.status NOT IN ('inStock', 'installed', 'removed')
  BEGIN SELECT RAISE(ABORT, 'end_devices.status must be inStock, installed or removed'); END;

CREATE TABLE usage_point_links (
  id INTEGER PRIMARY KEY,
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  linked_at TEXT,
  unlinked_at TEXT,
  work_order_id TEXT
) STRICT;
CREATE INDEX usage_point_links_device ON usage_point_links(end_device_id);
CREATE UNIQUE INDEX usage_point_links_open ON usage_point_links(end_device_id) WHERE unlinked_at IS NULL;
-- Meters already at a usage point get an open link whose start is unknown (NULL).
INSERT INTO usage_point_links (end_device_id, usage_point_id) SELECT id, usage_point_id FROM end_devices WHERE usage_point_id IS NOT NULL;

CREATE TABLE work_orders (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('install', 'remove', 'exchange', 'panCommission', 'panDecommission')),
  status TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'inProgress', 'completed', 'unableToComplete', 'cancelled')),
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  expected_meter_serial TEXT,
  description TEXT NOT NULL DEFAULT '',
  reason TEXT,
  source TEXT NOT NULL DEFAULT 'enterprise' CHECK (source IN ('enterprise', 'local')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_while_active INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX work_orders_status ON work_orders(status);

CREATE TABLE work_order_steps (
  id INTEGER PRIMARY KEY,
  work_order_id TEXT NOT NULL REFERENCES work_orders(id),
  step TEXT NOT NULL,
  at TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX work_order_steps_order ON work_order_steps(work_order_id);

CREATE TABLE seals (
  id INTEGER PRIMARY KEY,
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  seal_number TEXT NOT NULL,
  applied_at TEXT,
  removed_at TEXT,
  work_order_id TEXT
) STRICT;
CREATE INDEX seals_device ON seals(end_device_id);
`,
};
