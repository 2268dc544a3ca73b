/**
 * Migration 7: the supervisor's review (issue 10).
 * - `review_decisions` is the history of decisions on a visit (a reading set or a skip): approved,
 *   returned with a comment, or edited with a reason. The latest decision is the item's status;
 *   nothing is overwritten, so the history is its own audit.
 * - `readings.edited_from` links a corrected reading to the original it replaces; the original row
 *   stays untouched (ReadingQuality 2.7.0 "edited" marks the corrected one, NOTES.md §8).
 * - `audit_log` becomes append-only in the database itself: triggers abort any UPDATE or DELETE,
 *   so not even a future code path or a hand-run SQL statement can rewrite who did what.
 */
export default {
  version: 7,
  name: 'review',
  sql: `
CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('reading_set', 'skip')),
  subject_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned', 'edited')),
  comment TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role = 'supervisor')
) STRICT;
CREATE INDEX review_decisions_subject ON review_decisions(subject_kind, subject_id, id);

ALTER TABLE readings ADD COLUMN edited_from INTEGER REFERENCES readings(id);
CREATE INDEX readings_edited_from ON readings(edited_from);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
