/**
 * The audit log as a hash chain (issue 18): each row holds the SHA-256 of its own content and of
 * the row before it, so changing, removing or inserting a row anywhere but at the end breaks every
 * hash after it — found by `fieldmeter audit verify`. Triggers (migrations 7 and 14) refuse UPDATE,
 * DELETE, INSERT OR REPLACE and a row that does not continue the chain; the chain finds what was
 * done around them (the triggers dropped, the file edited). Without a copy of the last hash kept
 * elsewhere, cutting rows off the end cannot be told from a shorter log: verify prints that hash.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { redactEndpoint } from '../../../shared/domain/syncEndpoint';

/** The prev_hash of the first row. */
export const CHAIN_START = '';

export interface ChainedAuditRow {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly details: string;
  readonly prevHash: string;
}

/** SHA-256 over the row's columns as a JSON array: unambiguous, whatever the text holds. */
export function auditRowHash(row: ChainedAuditRow): string {
  const content = JSON.stringify([row.id, row.at, row.actor, row.role, row.action, row.entity, row.entityId, row.details, row.prevHash]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * SQL functions migration 14 calls: the row hash (to chain the rows written before it) and the
 * endpoint without user and password (for audit rows that recorded one, issue 18).
 */
export function registerAuditFunctions(db: Database.Database): void {
  db.function('fieldmeter_audit_hash', { deterministic: true }, (id, at, actor, role, action, entity, entityId, details, prevHash) =>
    auditRowHash({
      id: Number(id),
      at: String(at),
      actor: String(actor),
      role: String(role),
      action: String(action),
      entity: String(entity),
      entityId: String(entityId),
      details: String(details),
      prevHash: String(prevHash),
    }),
  );
  db.function('fieldmeter_redact_endpoint', { deterministic: true }, (endpoint) =>
    typeof endpoint === 'string' ? redactEndpoint(endpoint) : endpoint,
  );
}

export interface ChainReport {
  readonly rows: number;
  /** The last row's hash: kept elsewhere, it shows later that no row was cut off the end. */
  readonly lastHash: string;
  /** The first row that does not hold, or null when every row does. */
  readonly broken: { readonly id: number; readonly reason: string } | null;
}

/** Walks the whole log in order, recomputing every hash. */
export function verifyAuditChain(db: Database.Database): ChainReport {
  const rows = db
    .prepare(
      'SELECT id, at, actor, role, action, entity, entity_id AS entityId, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY id',
    )
    .iterate() as IterableIterator<ChainedAuditRow & { prevHash: string | null; hash: string | null }>;
  let previous = CHAIN_START;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.prevHash !== previous)
      return {
        rows: count,
        lastHash: previous,
        broken: { id: row.id, reason: 'it does not follow the row before it (a row was removed, inserted or changed before it)' },
      };
    if (row.hash !== auditRowHash({ ...row, prevHash: row.prevHash }))
      return { rows: count, lastHash: previous, broken: { id: row.id, reason: 'its content was changed after it was written' } };
    previous = row.hash;
  }
  return { rows: count, lastHash: previous, broken: null };
}
