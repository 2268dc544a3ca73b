/**
 * Migration 20: per-meter keys (issue 23 §5; DLMS next). A key arrives from the utility and a
 * supervisor imports it; it is kept only sealed by the device's Encryptor (the OS keychain in the
 * desktop app), never in plain text. A meter is named as it is on the air: manufacturer and id
 * (wireless M-Bus, manufacturer's three letters) or, with no manufacturer, its serial (DLMS).
 */
export default {
  version: 20,
  name: 'meter_keys',
  sql: `
CREATE TABLE meter_keys (
  manufacturer TEXT NOT NULL DEFAULT '' CHECK (manufacturer = '' OR manufacturer GLOB '[A-Z][A-Z][A-Z]'),
  meter_id TEXT NOT NULL CHECK (length(meter_id) BETWEEN 1 AND 64),
  kind TEXT NOT NULL CHECK (kind IN ('mbus', 'dlms.encryption', 'dlms.authentication')),
  sealed TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  PRIMARY KEY (manufacturer, meter_id, kind)
) STRICT;
`,
};
