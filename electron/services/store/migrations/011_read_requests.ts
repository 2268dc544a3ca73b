/**
 * Migration 11: inbound during sync (issue 7). An enterprise GetMeterReadings for one meter
 * becomes an on-demand read task at its usage point (`read_requests`): open until a visit there
 * answers it with a MeterReadings message carrying the request's MessageID as CorrelationID.
 * `sync_runs.received` counts the enterprise's messages a run pulled and applied or refused.
 * `outbox.superseded_by`: a rejected message the user fixed stays recorded as rejected, pointing to
 * the new message that replaced it; it no longer holds back its usage point.
 */
export default {
  version: 11,
  name: 'read_requests',
  sql: `
CREATE TABLE read_requests (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  reading_types TEXT NOT NULL DEFAULT '[]',
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answered_at TEXT,
  answer_message_id TEXT,
  UNIQUE (message_id, usage_point_id)
) STRICT;
CREATE INDEX read_requests_open ON read_requests(usage_point_id, id) WHERE status = 'open';

ALTER TABLE sync_runs ADD COLUMN received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN superseded_by TEXT;
`,
};
