/** What must hold in the database after a SIGKILL (issue 11): checked on a read-only connection. */
import Database from 'better-sqlite3';

/** A save the client saw confirmed: HTTP 200 with ok:true. */
export interface ConfirmedSave {
  readonly readingSetId: string;
  readonly readAt: string;
  readonly usagePointId: string;
  readonly values: readonly string[];
}

export interface CrashCheck {
  readonly integrity: string;
  /** Confirmed saves missing their reading set, readings, audit row or outbox message. */
  readonly missing: readonly string[];
  /** Reading sets without an audit row or outbox message: a half-written transaction. */
  readonly orphans: number;
  readonly readingSets: number;
}

export function checkAfterCrash(dbPath: string, confirmed: readonly ConfirmedSave[]): CrashCheck {
  const db = new Database(dbPath, { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const set = db.prepare('SELECT count(*) FROM readings WHERE reading_set_id = ?').pluck();
    const audit = db.prepare("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'readings.save'").pluck();
    // The outbox payload does not carry the reading set id (see docs/RELIABILITY.md, findings),
    // so the message is matched by usage point and the visit's timestamp, unique per test save.
    const outbox = db.prepare("SELECT payload FROM outbox WHERE noun = 'MeterReadings' AND usage_point_id = ?").pluck();
    const payloadsByPoint = new Map<string, { readings: { timeStamp: string; value: string }[] }[]>();
    const missing: string[] = [];
    for (const save of confirmed) {
      if (set.get(save.readingSetId) !== save.values.length) missing.push(`${save.readingSetId}: readings`);
      if (audit.get(save.readingSetId) !== 1) missing.push(`${save.readingSetId}: audit row`);
      let payloads = payloadsByPoint.get(save.usagePointId);
      if (!payloads) {
        payloads = (outbox.all(save.usagePointId) as string[]).map(
          (p) => JSON.parse(p) as { readings: { timeStamp: string; value: string }[] },
        );
        payloadsByPoint.set(save.usagePointId, payloads);
      }
      const match = payloads.filter(
        (p) => p.readings.every((r) => r.timeStamp === save.readAt) && p.readings.map((r) => r.value).join() === save.values.join(),
      );
      if (match.length !== 1) missing.push(`${save.readingSetId}: ${match.length} outbox messages`);
    }
    const orphans = db
      .prepare(
        `SELECT count(*) FROM reading_sets rs
          WHERE rs.source = 'manual' AND (NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = rs.id AND a.action = 'readings.save')
             OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.noun = 'MeterReadings' AND o.usage_point_id = rs.usage_point_id
                             AND json_extract(o.payload, '$.readings[0].timeStamp') = rs.read_at))`,
      )
      .pluck()
      .get() as number;
    const readingSets = db.prepare('SELECT count(*) FROM reading_sets').pluck().get() as number;
    return { integrity, missing, orphans, readingSets };
  } finally {
    db.close();
  }
}
