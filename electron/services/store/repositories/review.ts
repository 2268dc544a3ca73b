/**
 * The review queue (issue 10): visits a supervisor must look at — reading sets saved with
 * warnings, skipped visits — with their latest decision, plus the append-only decision history
 * and corrected readings that point at the original (`edited_from`).
 */
import type { ReadingWarningShape } from '../../../../shared/contract/entities';
import type { AuditEntryRow, ReviewItem, ReviewStatus } from '../../../../shared/contract/supervisorEntities';
import type { Db } from '../database';
import type { Actor } from './journal';

interface QueueRow {
  kind: 'reading_set' | 'skip';
  id: string;
  usagePointId: string;
  meterSerial: string;
  route: string | null;
  at: string;
  technician: string | null;
  reasons: string;
  note: string;
  status: ReviewStatus;
  comment: string;
}

// Latest decision per subject; "pending" when there is none.
const LATEST = (kind: string, idColumn: string) => `
  LEFT JOIN review_decisions rd ON rd.id = (SELECT max(id) FROM review_decisions WHERE subject_kind = '${kind}' AND subject_id = ${idColumn})`;

/** The review queue: reading sets with a warning and skips, each with its latest decision. The dashboard counts from the same query. */
export const REVIEW_QUEUE = `
SELECT * FROM (
  SELECT 'reading_set' AS kind, rs.id, rs.usage_point_id AS usagePointId, d.serial_number AS meterSerial,
    (SELECT route_id FROM route_stops WHERE usage_point_id = rs.usage_point_id LIMIT 1) AS route, rs.read_at AS at,
    (SELECT actor FROM audit_log WHERE entity = 'reading_set' AND entity_id = rs.id ORDER BY id LIMIT 1) AS technician,
    (SELECT json_group_array(DISTINCT j.value ->> '$.kind') FROM readings r, json_each(r.warnings) j WHERE r.reading_set_id = rs.id) AS reasons,
    rs.note, coalesce(rd.decision, 'pending') AS status, coalesce(rd.comment, '') AS comment
  FROM reading_sets rs JOIN end_devices d ON d.id = rs.end_device_id ${LATEST('reading_set', 'rs.id')}
  WHERE EXISTS (SELECT 1 FROM readings r WHERE r.reading_set_id = rs.id AND r.warnings <> '[]')
  UNION ALL
  SELECT 'skip', k.id, k.usage_point_id, d.serial_number,
    (SELECT route_id FROM route_stops WHERE usage_point_id = k.usage_point_id LIMIT 1), k.skipped_at,
    (SELECT actor FROM audit_log WHERE entity = 'visit_skip' AND entity_id = k.id ORDER BY id LIMIT 1),
    json_array(k.code), k.note, coalesce(rd.decision, 'pending'), coalesce(rd.comment, '')
  FROM visit_skips k JOIN end_devices d ON d.id = k.end_device_id ${LATEST('skip', 'k.id')}
)`;

export function createReviewRepository(db: Db) {
  const list = db.prepare(`${REVIEW_QUEUE} WHERE (@status IS NULL OR status = @status) ORDER BY at DESC LIMIT @limit`);
  const one = db.prepare(`${REVIEW_QUEUE} WHERE kind = ? AND id = ?`);
  const readingsOf = db.prepare(`
    SELECT r.id, g.label, g.reading_type AS readingType, r.value, r.warnings, r.edited_from AS editedFrom
    FROM readings r JOIN registers g ON g.id = r.register_id WHERE r.reading_set_id = ? ORDER BY r.id`);
  const decide = db.prepare(
    'INSERT INTO review_decisions (subject_kind, subject_id, decision, comment, decided_at, actor, role) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const readingById = db.prepare(`
    SELECT r.id, r.reading_set_id AS readingSetId, r.register_id AS registerId, r.value, r.qualities, g.reading_type AS readingType,
      rs.read_at AS readAt, rs.usage_point_id AS usagePointId, d.serial_number AS meterSerial
    FROM readings r JOIN registers g ON g.id = r.register_id JOIN reading_sets rs ON rs.id = r.reading_set_id
    JOIN end_devices d ON d.id = rs.end_device_id WHERE r.id = ?`);
  // The current version of a reading: the newest row for that register and time that no correction replaced.
  const currentReadingAt = db
    .prepare(
      `
    SELECT r.id FROM readings r JOIN registers g ON g.id = r.register_id JOIN reading_sets rs ON rs.id = r.reading_set_id
    WHERE rs.usage_point_id = ? AND g.reading_type = ? AND rs.read_at = ? AND NOT EXISTS (SELECT 1 FROM readings e WHERE e.edited_from = r.id)
    ORDER BY r.id DESC LIMIT 1`,
    )
    .pluck();
  const insertEdited = db.prepare(
    "INSERT INTO readings (reading_set_id, register_id, value, qualities, warnings, confirmation, edited_from) VALUES (?, ?, ?, ?, '[]', NULL, ?)",
  );
  const auditSearch = db.prepare(`
    SELECT id, at, actor, role, action, entity, entity_id AS entityId, details FROM audit_log
    WHERE @q = '' OR actor LIKE @like OR role LIKE @like OR action LIKE @like OR entity_id LIKE @like OR details LIKE @like
    ORDER BY id DESC LIMIT @limit`);

  const toItem = (row: QueueRow): ReviewItem => ({
    ...row,
    reasons: (JSON.parse(row.reasons ?? '[]') as (string | null)[]).filter((r): r is string => r !== null),
    readings:
      row.kind === 'skip'
        ? []
        : (
            readingsOf.all(row.id) as {
              id: number;
              label: string;
              readingType: string;
              value: string;
              warnings: string;
              editedFrom: number | null;
            }[]
          ).map((r) => ({
            ...r,
            warnings: JSON.parse(r.warnings) as ReadingWarningShape[],
          })),
  });

  return {
    list(filter: { status?: ReviewStatus | undefined; limit: number }): ReviewItem[] {
      return (list.all({ status: filter.status ?? null, limit: filter.limit }) as QueueRow[]).map(toItem);
    },
    get(kind: ReviewItem['kind'], id: string): ReviewItem | null {
      const row = one.get(kind, id) as QueueRow | undefined;
      return row ? toItem(row) : null;
    },
    /** Call inside the caller's transaction. */
    decide(kind: ReviewItem['kind'], id: string, decision: Exclude<ReviewStatus, 'pending'>, comment: string, actor: Actor) {
      decide.run(kind, id, decision, comment, new Date().toISOString(), actor.name, actor.role);
    },
    reading(id: number) {
      return readingById.get(id) as
        | {
            id: number;
            readingSetId: string;
            registerId: number;
            value: string;
            qualities: string;
            readingType: string;
            readAt: string;
            usagePointId: string;
            meterSerial: string;
          }
        | undefined;
    },
    /** The id of the current version of the reading of `readingType` at a usage point at `readAt`, if any. */
    currentReadingAt(usagePointId: string, readingType: string, readAt: string): number | null {
      return (currentReadingAt.get(usagePointId, readingType, readAt) as number | undefined) ?? null;
    },
    /** The corrected value as a new row; the original stays as it was saved. Returns the new id. */
    insertEdited(original: { id: number; readingSetId: string; registerId: number }, value: string, qualities: readonly string[]): number {
      return Number(
        insertEdited.run(original.readingSetId, original.registerId, value, JSON.stringify(qualities), original.id).lastInsertRowid,
      );
    },
    audit(search: string, limit: number): AuditEntryRow[] {
      return auditSearch.all({ q: search, like: `%${search}%`, limit }) as AuditEntryRow[];
    },
  };
}
