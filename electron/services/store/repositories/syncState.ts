/**
 * Sync bookkeeping (issue 7): the runs (migration 5) for "last success" and the key/value
 * `sync_state` table (migration 2), which also holds the credentials' encrypted blobs for the
 * app's safeStorage SecretStore — never a plain-text secret (see sync/secrets.ts).
 */
import { syncStop, type SyncStopShape } from '../../../../shared/contract/syncStop';
import type { Db } from '../database';

export type SyncTrigger = 'user' | 'background' | 'cli';

export interface SyncRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: SyncTrigger;
  sent: number;
  accepted: number;
  rejected: number;
  pending: number;
  /** Messages pulled from the enterprise's queue (migration 11). */
  received: number;
  /** Why the run stopped, or null when it went to the end. */
  stop: SyncStopShape | null;
}

/**
 * `stop_message` holds the stop's reason, details and the peer's words as JSON. A run recorded by
 * an earlier version holds an English sentence there instead: it is read as a `recorded` stop, so
 * it still shows, as it was written (no migration rewrites history).
 */
function storedStop(code: string | null, stored: string | null): SyncStopShape | null {
  if (code === null) return null;
  let parsed: unknown = undefined;
  try {
    parsed = stored === null ? undefined : JSON.parse(stored);
  } catch {
    // an English sentence of an earlier version
  }
  const stop = syncStop.safeParse(typeof parsed === 'object' && parsed !== null ? { ...parsed, code } : undefined);
  if (stop.success) return stop.data;
  return { code, reason: 'recorded', details: { text: stored ?? '' } };
}

const stopColumn = (stop: SyncStopShape | null): string | null =>
  stop === null
    ? null
    : JSON.stringify({ reason: stop.reason, details: stop.details, ...(stop.peerText ? { peerText: stop.peerText } : {}) });

export function createSyncStateRepository(db: Db) {
  const get = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();
  const set = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM sync_state WHERE key = ?');
  const start = db.prepare('INSERT INTO sync_runs (id, started_at, trigger, pending) VALUES (@id, @startedAt, @trigger, @pending)');
  const finish = db.prepare(`UPDATE sync_runs SET finished_at = @finishedAt, sent = @sent, accepted = @accepted, rejected = @rejected,
    pending = @pending, received = @received, stop_code = @stopCode, stop_message = @stopMessage WHERE id = @id`);
  const lastSuccess = db.prepare('SELECT max(finished_at) FROM sync_runs WHERE finished_at IS NOT NULL AND stop_code IS NULL').pluck();
  const latest = db.prepare(`SELECT id, started_at AS startedAt, finished_at AS finishedAt, trigger, sent, accepted, rejected, pending,
    received, stop_code AS stopCode, stop_message AS stopMessage FROM sync_runs ORDER BY started_at DESC, rowid DESC LIMIT 1`);

  return {
    get: (key: string): string | null => (get.get(key) as string | undefined) ?? null,
    set(key: string, value: string): void {
      set.run(key, value);
    },
    delete(key: string): void {
      del.run(key);
    },
    startRun(run: { id: string; startedAt: string; trigger: SyncTrigger; pending: number }): void {
      start.run(run);
    },
    finishRun({ stop, ...run }: Omit<SyncRunRecord, 'startedAt' | 'trigger' | 'finishedAt'> & { finishedAt: string }): void {
      finish.run({ ...run, stopCode: stop?.code ?? null, stopMessage: stopColumn(stop) });
    },
    lastSuccessAt: (): string | null => (lastSuccess.get() as string | null) ?? null,
    latestRun(): SyncRunRecord | null {
      const row = latest.get() as (Omit<SyncRunRecord, 'stop'> & { stopCode: string | null; stopMessage: string | null }) | undefined;
      if (!row) return null;
      const { stopCode, stopMessage, ...run } = row;
      return { ...run, stop: storedStop(stopCode, stopMessage) };
    },
  };
}
export type SyncStateRepository = ReturnType<typeof createSyncStateRepository>;
