/**
 * Migration 14 (issue 18): the audit log becomes a hash chain (store/auditChain.ts).
 * - `prev_hash` and `hash` on every row; the rows already there are chained in id order here, with
 *   the SQL function the store registers (fieldmeter_audit_hash), so verify covers them too.
 * - Before that, an endpoint recorded with a user and password in it (sync settings could hold one
 *   before issue 18) loses them: the one rewrite of audit rows ever made, so that no credential
 *   stays in the log, and done before the chain fixes the rows' content.
 * - A new row must continue the chain: a larger id than any row (so INSERT OR REPLACE, which
 *   would delete a row without firing the DELETE trigger, is refused) and the last row's hash as
 *   its prev_hash. UPDATE and DELETE stay refused (migration 7's triggers, recreated unchanged).
 */
export default {
  version: 14,
  name: 'audit_chain',
  sql: `
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

DROP TRIGGER audit_log_no_update;

UPDATE audit_log SET details = json_set(details, '$.endpoint', fieldmeter_redact_endpoint(details ->> '$.endpoint'))
WHERE action = 'sync.settings' AND json_valid(details) AND json_type(details, '$.endpoint') = 'text'
  AND fieldmeter_redact_endpoint(details ->> '$.endpoint') <> details ->> '$.endpoint';

WITH RECURSIVE chain(id, prev, hash) AS (
  SELECT id, '', fieldmeter_audit_hash(id, at, actor, role, action, entity, entity_id, details, '')
  FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)
  UNION ALL
  SELECT a.id, chain.hash, fieldmeter_audit_hash(a.id, a.at, a.actor, a.role, a.action, a.entity, a.entity_id, a.details, chain.hash)
  FROM chain JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
)
UPDATE audit_log SET prev_hash = chain.prev, hash = chain.hash
FROM chain WHERE chain.id = audit_log.id;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: a new row needs a new id')
  WHERE NEW.id IS NULL OR NEW.id <= coalesce((SELECT max(id) FROM audit_log), 0);
  SELECT RAISE(ABORT, 'audit_log is hash-chained: a new row continues from the last one')
  WHERE NEW.hash IS NULL OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '');
END;
`,
};
