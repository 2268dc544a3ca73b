/**
 * Migration 4: sync (issue 7, DESIGN.md §6).
 * - outbox: `in_flight_at` is written (durably, before the first byte leaves) when a message is
 *   handed to the transport, so after a crash or power cut the run resumes with exactly those
 *   messages, resent with the same MessageID (the enterprise deduplicates, IEC 61968-100 Header);
 *   `sent_at`, `error_code` (the enterprise's Reply/Error/code) and `correlation_id` (the
 *   MessageID of an enterprise request this message answers, e.g. GetMeterReadings).
 * - outbox_attempts: every reply or transport failure, one row per message per attempt.
 * - inbox: the CorrelationID of the request a reply answers, and the outcome of applying it.
 * - an index to keep per-usage-point order cheap (a message never overtakes an earlier one for
 *   the same usage point).
 */
export default {
  version: 4,
  name: 'sync',
  sql: `
ALTER TABLE outbox ADD COLUMN in_flight_at TEXT;
ALTER TABLE outbox ADD COLUMN sent_at TEXT;
ALTER TABLE outbox ADD COLUMN error_code TEXT;
ALTER TABLE outbox ADD COLUMN correlation_id TEXT;
CREATE INDEX outbox_usage_point ON outbox(usage_point_id, status, id);

CREATE TABLE outbox_attempts (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES outbox(message_id),
  run_id TEXT NOT NULL,
  attempted_at TEXT NOT NULL,
  http_status INTEGER,
  result TEXT NOT NULL CHECK (result IN ('OK', 'PARTIAL', 'FAILED', 'TRANSPORT_ERROR', 'BAD_REPLY')),
  error_codes TEXT NOT NULL DEFAULT '[]',
  error_text TEXT,
  duration_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_attempts_message ON outbox_attempts(message_id, id);

ALTER TABLE inbox ADD COLUMN correlation_id TEXT;
ALTER TABLE inbox ADD COLUMN status TEXT NOT NULL DEFAULT 'received'
  CHECK (status IN ('received', 'applied', 'failed', 'ignored'));
ALTER TABLE inbox ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';
UPDATE inbox SET status = CASE WHEN error IS NOT NULL THEN 'failed' ELSE 'applied' END
  WHERE applied_at IS NOT NULL OR error IS NOT NULL;
CREATE INDEX inbox_status ON inbox(status, id);
`,
};
