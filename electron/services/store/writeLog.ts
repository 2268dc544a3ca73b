/**
 * Which topics the store's writes touched, derived from the statements that actually wrote
 * rows: every statement prepared on the connection is read once for the tables it writes
 * (INSERT/REPLACE INTO, UPDATE, DELETE FROM), and each run that changed a row marks those
 * tables' topics. Views refetch by topic, so a new write can never forget to announce itself;
 * a statement that writes a table no topic covers is refused when it is prepared.
 */
import type { Topic } from '../../../shared/contract/topics';
import type { Db } from './database';

/**
 * Every table of the schema and the topics a write to it touches. `[]` says on purpose that no
 * view shows the table. The store's test compares this list with the tables of a migrated database.
 */
export const tableTopics = {
  routes: ['routes'],
  usage_points: ['stops'],
  registers: ['stops'],
  route_stops: ['stops'],
  visit_skips: ['stops'],
  usage_point_links: ['stops', 'devices'],
  reading_sets: ['readings', 'stops'],
  readings: ['readings', 'stops'],
  meter_status_reads: ['readings'],
  end_device_events: ['readings'],
  enterprise_readings: ['readings', 'stops'],
  photos: ['photos'],
  end_devices: ['devices'],
  seals: ['devices'],
  work_orders: ['workOrders'],
  work_order_steps: ['workOrders'],
  switch_orders: ['switching'],
  customer_agreements: ['switching'],
  read_requests: ['requests'],
  control_requests: ['requests'],
  review_decisions: ['review'],
  outbox: ['outbox'],
  outbox_attempts: ['outbox'],
  sync_runs: ['sync'],
  sync_state: ['sync'],
  inbox: ['sync'],
  settings: ['settings'],
  audit_log: ['audit'],
  profiles: ['profiles'],
  visit_signatures: ['evidence'],
  visit_receipts: ['evidence'],
  meter_keys: ['meterKeys'],
  probe_transcripts: ['transcripts'],
  dlms_push_counters: [], // replay protection of HAN/P1 pushes; no view shows it
  schema_migrations: [],
} as const satisfies Record<string, readonly Topic[]>;

export type TableName = keyof typeof tableTopics;

const isTable = (name: string): name is TableName => Object.hasOwn(tableTopics, name);

// INSERT [OR x] INTO t, REPLACE INTO t, UPDATE [OR x] t, DELETE FROM t — also inside a WITH … clause
// or a trigger body; an upsert's `DO UPDATE SET` names no table. Identifiers may be quoted; a schema prefix (main.) is dropped.
const WRITE_TARGET =
  /\b(?:(?:INSERT|REPLACE)(?:\s+OR\s+\w+)?\s+INTO|UPDATE(?:\s+OR\s+\w+)?(?!\s+SET\b)|DELETE\s+FROM)\s+(?:\w+\.)?["`[]?(\w+)/gi;
const DDL = /^\s*(?:CREATE|DROP|ALTER)\b/i;

/** The tables a statement writes, in the order they appear (empty for a read). */
export function tablesWrittenBy(sql: string): string[] {
  if (DDL.test(sql)) return [];
  const names = new Set<string>();
  for (const m of sql.matchAll(WRITE_TARGET)) names.add(m[1]!.toLowerCase());
  return [...names];
}

export function topicsOf(tables: readonly string[]): Topic[] {
  const found = new Set<Topic>();
  for (const table of tables) {
    if (!isTable(table)) {
      throw new Error(`The table ${table} is written but no change topic covers it: add it to tableTopics in store/writeLog.ts.`);
    }
    for (const topic of tableTopics[table]) found.add(topic);
  }
  return [...found];
}

export interface WriteLog {
  /** Called once after the writes of the current turn (a transaction, or a run of statements) with what they touched. */
  onChange(listener: (topics: readonly Topic[]) => void): () => void;
  /** The topics written since the last take (and clears them); for hosts without listeners, and tests. */
  take(): Topic[];
}

type Runner = (...args: unknown[]) => unknown;

/**
 * Wraps `db.prepare` so every write statement reports its topics. Call before any repository
 * prepares its statements. Listeners hear once per turn of the event loop, after the writes
 * (so one transaction is one announcement); a rolled-back write may be announced too, which
 * only makes a view refetch what it already shows.
 */
export function trackWrites(db: Db): WriteLog {
  const dirty = new Set<Topic>();
  const listeners = new Set<(topics: readonly Topic[]) => void>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (dirty.size === 0 || listeners.size === 0) return;
    const written = [...dirty];
    dirty.clear();
    for (const listener of listeners) listener(written);
  };
  const mark = (written: readonly Topic[]) => {
    for (const topic of written) dirty.add(topic);
    if (!scheduled && listeners.size > 0) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  const prepare = db.prepare.bind(db) as (sql: string) => ReturnType<Db['prepare']>;
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const written = topicsOf(tablesWrittenBy(sql));
    if (written.length === 0) return statement;
    const target = statement as unknown as Record<'run' | 'get' | 'all', Runner>;
    const run = target.run.bind(statement) as Runner;
    target.run = (...args) => {
      const info = run(...args) as { changes: number };
      if (info.changes > 0) mark(written);
      return info;
    };
    // INSERT … RETURNING is read with get/all: it wrote when it was called.
    for (const method of ['get', 'all'] as const) {
      const read = target[method].bind(statement) as Runner;
      target[method] = (...args) => {
        const result = read(...args);
        mark(written);
        return result;
      };
    }
    return statement;
  }) as Db['prepare'];

  return {
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    take() {
      const written = [...dirty];
      dirty.clear();
      return written;
    },
  };
}
