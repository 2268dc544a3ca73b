/**
 * Migration 5: sync runs (issue 7, "last success" and "progress with cancel" in the UI).
 * One row per run started from the app or the CLI: when it started and ended, what it sent,
 * how the enterprise answered, and why it stopped (enterprise down, cancelled, bad reply…).
 * "Last success" is the end of the newest run that stopped for no reason; a run left without
 * `finished_at` was interrupted (crash, power cut) and is shown as such, never as a success.
 */
export default {
  version: 5,
  name: 'sync_runs',
  sql: `
CREATE TABLE sync_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  trigger TEXT NOT NULL CHECK (trigger IN ('user', 'background', 'cli')),
  sent INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  pending INTEGER NOT NULL DEFAULT 0,
  stop_code TEXT,
  stop_message TEXT
) STRICT;
CREATE INDEX sync_runs_finished ON sync_runs(finished_at) WHERE finished_at IS NOT NULL AND stop_code IS NULL;
`,
};
