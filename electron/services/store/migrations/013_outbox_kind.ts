/**
 * Migration 13: `outbox.kind` (issue 16), what a queued payload is, so it is read by its own
 * schema (shared/cim/outbox/kinds.ts) and never told apart by its fields again. Existing rows are
 * classified once, here, by noun and the payload shapes earlier releases wrote:
 * - EndDeviceEvents: a switch outcome names its switch order, the meter's status register a list
 *   of events, a skip about the device one event type;
 * - EndDeviceControls: an optical control outcome says so (`kind`), a switch names its switch
 *   order, a PAN pairing window its EUI-64.
 * SQLite cannot add a NOT NULL column without a default, and rebuilding the table is not possible
 * inside the migration's transaction (outbox_attempts refers to it, and foreign_keys is on), so
 * two triggers keep the column NOT NULL from here on. The last UPDATE fires the update trigger on
 * any row left unclassified: the migration, and with it the whole upgrade, is refused loudly
 * instead of leaving a message nobody can render.
 */
export default {
  version: 13,
  name: 'outbox_kind',
  sql: `
ALTER TABLE outbox ADD COLUMN kind TEXT;

UPDATE outbox SET kind = CASE
  WHEN noun = 'MeterReadings' THEN 'meterReadings'
  WHEN noun = 'EndDeviceEvents' AND json_type(payload, '$.switchOrder') IS NOT NULL THEN 'switchEvent'
  WHEN noun = 'EndDeviceEvents' AND json_type(payload, '$.events') = 'array' THEN 'meterStatusEvents'
  WHEN noun = 'EndDeviceEvents' AND json_type(payload, '$.eventType') = 'text' THEN 'skipEvent'
  WHEN noun = 'EndDeviceControls' AND json_extract(payload, '$.kind') = 'opticalControl' THEN 'opticalControl'
  WHEN noun = 'EndDeviceControls' AND json_type(payload, '$.switchOrder') IS NOT NULL THEN 'switchControl'
  WHEN noun = 'EndDeviceControls' AND json_type(payload, '$.eui64') IS NOT NULL THEN 'panPairing'
  WHEN noun = 'EndDeviceConfig' THEN 'panConfig'
  WHEN noun = 'MasterDataLinkageConfig' THEN 'linkage'
  WHEN noun = 'MeterConfig' THEN 'meterConfig'
  WHEN noun = 'MeterServiceRequests' THEN 'serviceReport'
END;

CREATE TRIGGER outbox_kind_on_insert BEFORE INSERT ON outbox WHEN NEW.kind IS NULL
BEGIN
  SELECT RAISE(ABORT, 'outbox.kind is required');
END;
CREATE TRIGGER outbox_kind_on_update BEFORE UPDATE OF kind ON outbox WHEN NEW.kind IS NULL
BEGIN
  SELECT RAISE(ABORT, 'outbox.kind is required: an outbox message of a kind this version does not know');
END;

UPDATE outbox SET kind = kind WHERE kind IS NULL;
`,
};
