/**
 * Migration 17: field evidence of a visit (issue 24 §2–3).
 * - `visit_signatures`: who signed at the end of a switch reading, a disconnect/reconnect or a meter
 *   exchange — the signer's typed name, their role (the customer, or the technician when no one was
 *   home), the time — or that the customer declined to sign. The image is a PNG beside the photos,
 *   named by its SHA-256 (kept here, so a swapped file is noticed). One per visit: evidence is never
 *   replaced, so a second signature of the same visit is refused.
 * - `visit_receipts`: every receipt PDF made for a visit, its language, its verification code and the
 *   SHA-256 of the canonical visit data the code was taken from, and the file it was saved as.
 * A visit is a switch order or a work order (`visit_kind`, `visit_id`); both tables name the usage point.
 */
export default {
  version: 17,
  name: 'visit_evidence',
  sql: `
CREATE TABLE visit_signatures (
  id TEXT PRIMARY KEY,
  visit_kind TEXT NOT NULL CHECK (visit_kind IN ('switchOrder', 'workOrder')),
  visit_id TEXT NOT NULL,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  status TEXT NOT NULL CHECK (status IN ('signed', 'declined', 'noOneHome')),
  signer_name TEXT NOT NULL,
  signer_role TEXT NOT NULL CHECK (signer_role IN ('customer', 'technician')),
  image_sha256 TEXT,
  width INTEGER,
  height INTEGER,
  size_bytes INTEGER,
  signed_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (visit_kind, visit_id),
  -- A declined signature has no image; a signed one (customer or technician) always has one.
  CHECK ((status = 'declined') = (image_sha256 IS NULL)),
  CHECK ((status = 'noOneHome') = (signer_role = 'technician'))
) STRICT;
CREATE INDEX visit_signatures_usage_point ON visit_signatures(usage_point_id);

CREATE TABLE visit_receipts (
  id INTEGER PRIMARY KEY,
  visit_kind TEXT NOT NULL CHECK (visit_kind IN ('switchOrder', 'workOrder')),
  visit_id TEXT NOT NULL,
  usage_point_id TEXT NOT NULL REFERENCES usage_points(id),
  language TEXT NOT NULL CHECK (language IN ('en', 'de')),
  code TEXT NOT NULL,
  data_sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX visit_receipts_visit ON visit_receipts(visit_kind, visit_id);
`,
};
