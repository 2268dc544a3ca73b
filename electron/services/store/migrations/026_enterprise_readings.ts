/**
 * Migration 26: the meter's validated history as the enterprise (an MDM) sends it — inbound
 * MeterReadings created / changed / reply (issue 19 §4). Kept apart from `reading_sets`, which hold
 * what the field read and sends: a reading here came from the enterprise and is never sent back.
 * One value per register and time (`changed` from the MDM replaces it), with the ReadingQuality
 * codes the MDM gave (JSON array) and the message it came in.
 * `end_devices.received_date`: the day the utility received the meter (MeterConfig
 * `lifecycle/receivedDate`, xs:date), as the enterprise's asset register says.
 */
export default {
  version: 26,
  name: 'enterprise_readings',
  sql: `
CREATE TABLE enterprise_readings (
  id INTEGER PRIMARY KEY,
  register_id INTEGER NOT NULL REFERENCES registers(id),
  read_at TEXT NOT NULL,
  value TEXT NOT NULL,
  qualities TEXT NOT NULL DEFAULT '[]',
  message_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (register_id, read_at)
) STRICT;
ALTER TABLE end_devices ADD COLUMN received_date TEXT;
`,
};
