/**
 * Migration 28: the meter-key store also keeps a DLMS meter's LLS password (kind `dlms.password`,
 * IEC 62056-5-3 low-level security: the password is the association's
 * calling-authentication-value), sealed like every key. SQLite cannot alter a CHECK constraint, so
 * `meter_keys` is rebuilt with the same columns and rows (sqlite.org/lang_altertable.html, "other
 * kinds of table schema changes"); no table references it.
 */
export default {
  version: 28,
  name: 'meter_key_dlms_password',
  rebuildsTables: true,
  sql: `
CREATE TABLE meter_keys_rebuilt (
  manufacturer TEXT NOT NULL DEFAULT '' CHECK (manufacturer = '' OR manufacturer GLOB '[A-Z][A-Z][A-Z]'),
  meter_id TEXT NOT NULL CHECK (length(meter_id) BETWEEN 1 AND 64),
  kind TEXT NOT NULL CHECK (kind IN ('mbus', 'dlms.encryption', 'dlms.authentication', 'dlms.password')),
  sealed TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (manufacturer, meter_id, kind)
) STRICT;
INSERT INTO meter_keys_rebuilt (manufacturer, meter_id, kind, sealed, imported_at, imported_by)
  SELECT manufacturer, meter_id, kind, sealed, imported_at, imported_by FROM meter_keys;
DROP TABLE meter_keys;
ALTER TABLE meter_keys_rebuilt RENAME TO meter_keys;
`,
};
