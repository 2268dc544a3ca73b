/**
 * Migration 10: what the optical probe read about the meter's health (issue 6, "events").
 * One row per optical read that carried any of the error register F.F, the status word C.5.0
 * or the power-fail counters C.7.x (IEC 62056-61 / EN 62056-21 readout), as the meter sent them,
 * with the meter model whose status-word layout applies.
 * When an optical reading is saved, the events these values tell (compared with the last row
 * already reported) are queued as EndDeviceEvents and the row is marked with that reading set,
 * so the next visit compares with what the enterprise was told.
 */
export default {
  version: 10,
  name: 'meter_status_reads',
  sql: `
CREATE TABLE meter_status_reads (
  id INTEGER PRIMARY KEY,
  end_device_id INTEGER NOT NULL REFERENCES end_devices(id),
  read_at TEXT NOT NULL,
  meter_model TEXT NOT NULL,
  error_register TEXT,
  status_word TEXT,
  power_fail_counters TEXT NOT NULL DEFAULT '{}',
  reading_set_id TEXT REFERENCES reading_sets(id)
) STRICT;
CREATE INDEX meter_status_reads_device ON meter_status_reads(end_device_id, id);
`,
};
