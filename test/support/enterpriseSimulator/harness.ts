/** A seeded store and an enterprise simulator for one test, and a sync run that never really waits. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../../electron/services/store';
import { runSync, type SyncRunOptions, type SyncSummary } from '../../../electron/services/sync/run';
import type { Clock } from '../../../electron/services/sync/retry';
import type { FaultPlan } from '../../../electron/services/sync/simulator/faults';
import type { PeerBehaviour } from '../../../electron/services/sync/simulator/peer';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { createTransport } from '../../../electron/services/sync/transport';
import { seedDemoOutbox } from './seed';

/** Backoff sleeps are recorded, not slept. */
export function instantClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => new Date(), sleep: async (ms) => void sleeps.push(ms) };
}

export async function seededStoreAndSimulator(
  dir: string,
  fault?: FaultPlan,
  xsdDir?: string,
  peer?: PeerBehaviour,
): Promise<{ store: Store; sim: EnterpriseSimulator; queued: number }> {
  const dbPath = join(dir, 'fm.db');
  const queued = seedDemoOutbox(dbPath);
  const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise'), fault, xsdDir, peer });
  return { store: openStore(dbPath), sim, queued };
}

export async function syncOnce(
  store: Store,
  url: string,
  options: Partial<SyncRunOptions> & { timeoutMs?: number; maxReplyBytes?: number } = {},
): Promise<SyncSummary> {
  const transport = createTransport({
    endpoint: url,
    auth: { kind: 'none' },
    timeoutMs: options.timeoutMs ?? 2000,
    maxReplyBytes: options.maxReplyBytes ?? 1024 * 1024,
    maxSockets: 16,
  });
  try {
    return await runSync(store, {
      post: transport.post,
      envelope: { source: 'FIELDMETER-TEST' },
      clock: instantClock(),
      random: () => 0.5,
      retry: { maxAttempts: 6, baseDelayMs: 10, maxDelayMs: 100 },
      batchSize: 10,
      concurrency: 4,
      ...options,
    });
  } finally {
    transport.close();
  }
}

/** Stores and simulators a test opened, closed after it in the order opened. */
export function useClosing(): <T extends { close(): unknown }>(thing: T) => T {
  let open: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const thing of open) await thing.close();
    open = [];
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}
