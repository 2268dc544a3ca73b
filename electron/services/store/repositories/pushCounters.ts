/** The dlms_push_counters table (migration 32): the last invocation counter accepted per DLMS system title. */
import type { Db } from '../database';

export function createPushCountersRepository(db: Db) {
  const last = db.prepare('SELECT invocation_counter FROM dlms_push_counters WHERE system_title = ?').pluck();
  // Only forward: a counter at or below the stored one never replaces it.
  const accept = db.prepare(
    `INSERT INTO dlms_push_counters (system_title, invocation_counter, heard_at) VALUES (?, ?, ?)
     ON CONFLICT (system_title) DO UPDATE SET invocation_counter = excluded.invocation_counter, heard_at = excluded.heard_at
     WHERE excluded.invocation_counter > dlms_push_counters.invocation_counter`,
  );
  return {
    last: (systemTitle: string): number | null => (last.get(systemTitle) as number | undefined) ?? null,
    /** True when the counter went forward and was kept. */
    accept: (systemTitle: string, counter: number, at: string): boolean => accept.run(systemTitle, counter, at).changes > 0,
  };
}
export type PushCountersRepository = ReturnType<typeof createPushCountersRepository>;
