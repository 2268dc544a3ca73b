/**
 * The meters a Listen session heard first and saves without a tap (issue 23, the route's
 * auto-save), gathered for a short window and written together: at 100 telegrams a second a
 * synchronous commit per meter (`synchronous=FULL`) waits on the disk once per meter, a batch
 * waits once. The window closes after `windowMs`, at `maxMeters`, or when the caller flushes
 * (Stop, an unplugged receiver, Save all), so nothing heard waits longer than the window.
 */
import { AppError } from '../../../shared/contract/appError';
import { createLogger } from '../log';
import type { Store } from '../store';

const log = createLogger('listen');

/** When the window closes; setTimeout by default, a clock of its own in the bench. */
export interface BatchTimer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutoSaveBatchOptions {
  /** How long a meter heard first may wait for others before the batch is written. */
  readonly windowMs?: number;
  /** A batch this large is written at once, without waiting for the window. */
  readonly maxMeters?: number;
  readonly timer?: BatchTimer;
}

export interface AutoSaveBatch {
  /** A meter heard first with values, to be saved with the next batch. */
  add(usagePointId: string): void;
  /** A meter saved another way (a tap) before its batch: not saved twice. */
  drop(usagePointId: string): void;
  /** Writes what is waiting now; does nothing when nothing waits. */
  flush(): void;
  pending(): readonly string[];
}

export const AUTO_SAVE_WINDOW_MS = 250;
/**
 * A batch writes every meter's checks, reading and audit row on the Node side's one thread: at 50
 * meters a batch held it for 131 ms at the median under load (bench/mbusListen.ts), at 20 it stays
 * near a frame's time while still saving twenty commits in one.
 */
export const AUTO_SAVE_MAX_METERS = 20;

const realTimer: BatchTimer = {
  set(fire, ms) {
    const handle = setTimeout(fire, ms);
    // A window still open never keeps the process alive: Stop and the CLI's end flush it.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `write` gets the waiting meters in the order they were heard, and must not throw (it keeps each meter's outcome). */
export function autoSaveBatch(write: (usagePointIds: readonly string[]) => void, options: AutoSaveBatchOptions = {}): AutoSaveBatch {
  const windowMs = options.windowMs ?? AUTO_SAVE_WINDOW_MS;
  const maxMeters = options.maxMeters ?? AUTO_SAVE_MAX_METERS;
  const timer = options.timer ?? realTimer;
  const waiting = new Set<string>();
  let handle: unknown = null;

  const flush = () => {
    if (handle !== null) timer.clear(handle);
    handle = null;
    if (waiting.size === 0) return;
    const ids = [...waiting];
    waiting.clear();
    write(ids);
  };

  return {
    add(usagePointId) {
      waiting.add(usagePointId);
      if (waiting.size >= maxMeters) flush();
      else if (handle === null) handle = timer.set(flush, windowMs);
    },
    drop(usagePointId) {
      waiting.delete(usagePointId);
    },
    flush,
    pending: () => [...waiting],
  };
}

/** What one meter of a batch got: its reading set, or the code of the check it failed (the technician decides). */
export type BatchOutcome = { readonly readingSetId: string } | { readonly saveProblem: string };

/**
 * Writes each item with `writeOne` (its own mutation: the reading, its audit row, its outbox
 * messages) inside ONE transaction, so the batch has one synchronous commit. Each mutation is a
 * savepoint inside it (better-sqlite3 nests transactions as savepoints): an item that fails its
 * checks or its write is rolled back alone, with its code, and the others land.
 */
export function saveInOneTransaction<T>(
  store: Pick<Store, 'transaction' | 'db'>,
  items: readonly T[],
  writeOne: (item: T) => string,
): Map<T, BatchOutcome> {
  const outcome = new Map<T, BatchOutcome>();
  if (items.length === 0) return outcome;
  try {
    store.transaction(() => {
      for (const item of items) {
        try {
          outcome.set(item, { readingSetId: writeOne(item) });
        } catch (error) {
          // A coded refusal is the technician's to settle; anything else is a fault worth a log line.
          if (!(error instanceof AppError)) log.error(`an auto-save failed: ${(error as Error).message}`);
          outcome.set(item, { saveProblem: error instanceof AppError ? error.code : 'INTERNAL' });
          // SQLite ended the whole transaction (disk full, an I/O error): stop, nothing of the batch was kept.
          if (!store.db.inTransaction) throw error;
        }
      }
    });
  } catch (error) {
    log.error(`an auto-save batch of ${items.length} was not written: ${(error as Error).message}`);
    for (const item of items) outcome.set(item, { saveProblem: 'INTERNAL' });
  }
  return outcome;
}
