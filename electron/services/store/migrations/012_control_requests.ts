/**
 * Migration 12: EndDeviceControls the enterprise asks the field to carry out (issue 7, inbound).
 * A CreateEndDeviceControls naming a meter becomes an open request at its usage point for what
 * the optical port can do there — set the clock, reset the demand — until an installer does it:
 * the outcome (CreatedEndDeviceControls) carries the request's MessageID as CorrelationID. A
 * CancelEndDeviceControls naming a control by its mRID closes what is still open of it.
 */
export default {
  version: 12,
  name: 'control_requests',
  sql: `
CREATE TABLE control_requests (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  control_mrid TEXT,
  operation TEXT NOT NULL CHECK (operation IN ('timeSync', 'demandReset')),
  control_type TEXT NOT NULL,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  meter_serial TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  closed_at TEXT,
  answer_message_id TEXT,
  UNIQUE (message_id, usage_point_id, operation)
) STRICT;
CREATE INDEX control_requests_open ON control_requests(usage_point_id, id) WHERE status = 'open';
`,
};
