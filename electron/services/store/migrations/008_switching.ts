/**
 * Migration 8: customer switching (issue 9).
 * - `customer_agreements`: the customer, account, service supplier, tariff and agreement dates of a
 *   usage point as the enterprise sends them (MasterDataLinkageConfig). Personal data stays in this
 *   table only: audit rows and the inbox copy name the agreement by its id, never the customer.
 * - `switch_orders`: move-in, move-out, change of supplier, disconnect and reconnect. A companion
 *   table rather than new kinds in `work_orders`: its kind CHECK cannot be widened without
 *   rebuilding a table other features reference, and a switch carries what an installer order does
 *   not (switch date and window, the agreements that change hands, the switch reading or why it
 *   could not be taken, the disconnect/reconnect outcome). An enterprise cancel or reschedule that
 *   arrives after the crew acted is kept (`enterprise_change`) until the user has seen it.
 */
export default {
  version: 8,
  name: 'switching',
  sql: `
CREATE TABLE customer_agreements (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  customer_id TEXT,
  customer_name TEXT NOT NULL DEFAULT '',
  account TEXT NOT NULL DEFAULT '',
  supplier_id TEXT,
  supplier_name TEXT NOT NULL DEFAULT '',
  tariff TEXT NOT NULL DEFAULT '',
  start_at TEXT,
  end_at TEXT,
  updated_at TEXT NOT NULL,
  message_id TEXT NOT NULL
) STRICT;
CREATE INDEX customer_agreements_usage_point ON customer_agreements(usage_point_id);

CREATE TABLE switch_orders (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('moveIn', 'moveOut', 'supplierChange', 'disconnect', 'reconnect')),
  status TEXT NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'completed', 'estimateRequested', 'unableToComplete', 'cancelled')),
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  meter_serial TEXT NOT NULL,
  agreement_id TEXT,
  previous_agreement_id TEXT,
  due_at TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  reading_set_id TEXT REFERENCES reading_sets(id),
  read_in_window INTEGER CHECK (read_in_window IN (0, 1)),
  not_read_reason TEXT,
  outcome TEXT CHECK (outcome IN ('done', 'refusedByCustomer', 'unsafe', 'meterNotFound')),
  action TEXT CHECK (action IN ('localSwitch', 'meterSwitch', 'none')),
  control_result TEXT CHECK (control_result IN ('succeeded', 'failed')),
  seal_number TEXT,
  note TEXT NOT NULL DEFAULT '',
  finished_at TEXT,
  enterprise_change TEXT CHECK (enterprise_change IN ('cancelled', 'rescheduled')),
  enterprise_change_at TEXT,
  enterprise_change_seen INTEGER NOT NULL DEFAULT 1 CHECK (enterprise_change_seen IN (0, 1)),
  previous_due_at TEXT,
  message_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX switch_orders_status ON switch_orders(status, due_at);
CREATE INDEX switch_orders_usage_point ON switch_orders(usage_point_id);
`,
};
