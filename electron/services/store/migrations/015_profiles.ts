/**
 * Migration 15: local profiles with a secret (issue 18). A profile's PIN or password is kept only
 * as a scrypt hash with its own salt; wrong tries are counted and lock the profile for a growing
 * delay. A removed profile stays (its name is in the audit) but can no longer sign in. The old
 * free-for-all `user.name` / `user.role` settings are dropped: a role is never taken from settings again.
 */
export default {
  version: 15,
  name: 'profiles',
  sql: `
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('technician', 'installer', 'supervisor')),
  secret_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT;
CREATE UNIQUE INDEX profiles_active_name ON profiles(name) WHERE removed_at IS NULL;
DELETE FROM settings WHERE key IN ('user.name', 'user.role');
`,
};
