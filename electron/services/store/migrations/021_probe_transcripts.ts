/**
 * Migration 21: the probe doctor and the meter's own power-failure log (issue 20).
 * - `probe_transcripts`: every optical read and programming session keeps its raw conversation
 *   with the meter for diagnosis — the bytes both ways (`data`, passwords masked) and, per chunk,
 *   its time from the start of the session, its direction and its length (`chunks`, JSON
 *   `[[ms, "tx"|"rx", length], …]`). At most 256 kB per session (`truncated` says the rest was cut).
 *   A transcript belongs to the usage point's visit: `reading_set_id` is set when the reading of
 *   that read is saved.
 * - `meter_status_reads.power_failure_log`: the failures the meter logged (DSMR 1-0:99.97.0), as
 *   JSON `[{start, end, durationS}]`, so a visit reports only those not reported before.
 */
export default {
  version: 21,
  name: 'probe_transcripts',
  sql: `
CREATE TABLE probe_transcripts (
  id TEXT PRIMARY KEY,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  meter_serial TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('read', 'timeSync', 'demandReset')),
  port TEXT NOT NULL,
  started_at TEXT NOT NULL,
  outcome TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  truncated INTEGER NOT NULL CHECK (truncated IN (0, 1)),
  chunks TEXT NOT NULL,
  data BLOB NOT NULL,
  recorded_by TEXT NOT NULL,
  reading_set_id TEXT REFERENCES reading_sets(id)
) STRICT;
CREATE INDEX probe_transcripts_usage_point ON probe_transcripts(usage_point_id, started_at);
CREATE INDEX probe_transcripts_reading_set ON probe_transcripts(reading_set_id);
ALTER TABLE meter_status_reads ADD COLUMN power_failure_log TEXT NOT NULL DEFAULT '[]';
`,
};
