/**
 * Issue 7 fault matrix: the real HTTP client against the enterprise simulator failing on purpose.
 * Whatever fails, every message ends up at the enterprise exactly once (duplicates discarded by
 * MessageID), nothing is marked sent that the enterprise did not accept, and order per usage
 * point holds. Every case runs against a strict peer under the default integration profile
 * (issue 19): it dispatches on the published WSDLs' SOAPAction and echoes CorrelationIDs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/services/store';
import { createOutboxRepository } from '../../../electron/services/store/repositories/outbox';
import type { EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import type { FaultKind } from '../../../electron/services/sync/simulator/faults';
import type { PeerBehaviour } from '../../../electron/services/sync/simulator/peer';
import { seededStoreAndSimulator, syncOnce } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';

const STRICT_PEER: PeerBehaviour = { strictSoapAction: true, correlation: 'echo' };

describe('sync fault matrix against the enterprise simulator', () => {
  const tempDir = useTempDir();
  let open: { store: Store; sim: EnterpriseSimulator } | undefined;
  afterEach(async () => {
    open?.store.close();
    await open?.sim.close();
    open = undefined;
  });

  /** Per usage point, the enterprise accepted its messages in the order they were queued. */
  const expectOrderPerUsagePoint = (store: Store, sim: EnterpriseSimulator) => {
    const position = new Map(sim.acceptedIds().map((id, i) => [id, i]));
    const byUp = new Map<string, number[]>();
    for (const e of createOutboxRepository(store.db).list({ status: 'sent', limit: 10_000 })) {
      if (e.usagePointId) byUp.set(e.usagePointId, [...(byUp.get(e.usagePointId) ?? []), position.get(e.messageId)!]);
    }
    expect([...byUp.values()].some((p) => p.length > 1)).toBe(true);
    for (const positions of byUp.values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));
  };
  const sentIds = (store: Store) =>
    createOutboxRepository(store.db)
      .list({ status: 'sent', limit: 10_000 })
      .map((e) => e.messageId)
      .sort();

  it('with no fault: everything accepted once, a second run sends nothing', async () => {
    const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), undefined, undefined, STRICT_PEER);
    open = { store, sim };
    expect(queued).toBeGreaterThan(50);
    const first = await syncOnce(store, sim.url);
    expect(first).toMatchObject({ sent: queued, accepted: queued, rejected: 0, pending: 0, stopped: null });
    expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
    const second = await syncOnce(store, sim.url);
    expect(second).toMatchObject({ sent: 0, accepted: 0, rejected: 0, pending: 0 });
    expect(sim.stats.received).toBe(queued);
  });

  const recovering: FaultKind[] = ['down', '500', 'timeout', 'slow', 'duplicate-reply'];
  for (const kind of recovering) {
    it(`${kind} at rate 0.3: retried with backoff, every message accepted exactly once`, async () => {
      const { store, sim, queued } = await seededStoreAndSimulator(
        tempDir(),
        { kind, rate: 0.3, seed: 11, slowMs: 50 },
        undefined,
        STRICT_PEER,
      );
      open = { store, sim };
      const summary = await syncOnce(store, sim.url, { timeoutMs: 300 });
      expect(summary.stopped).toBeNull();
      expect(summary).toMatchObject({ accepted: queued, rejected: 0, pending: 0 });
      expect(sim.stats.faults).toBeGreaterThan(0);
      expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
      expectOrderPerUsagePoint(store, sim);
      const attempts = store.db.prepare("SELECT count(*) FROM outbox_attempts WHERE result = 'TRANSPORT_ERROR'").pluck().get() as number;
      if (kind === 'slow') expect(attempts).toBe(0);
      else expect(attempts).toBeGreaterThan(0);
      // duplicate-reply: the stale answer is refused (wrong CorrelationID), the resend is a duplicate the enterprise discards
      if (kind === 'duplicate-reply') expect(sim.stats.duplicates).toBeGreaterThan(0);
    });
  }

  it('down for good: the run stops after its attempts, nothing marked sent, all still pending', async () => {
    const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), { kind: 'down', rate: 1 }, undefined, STRICT_PEER);
    open = { store, sim };
    const summary = await syncOnce(store, sim.url);
    expect(summary.stopped?.code).toBe('UNREACHABLE');
    expect(summary).toMatchObject({ accepted: 0, rejected: 0, pending: queued });
    expect(sentIds(store)).toEqual([]);
  });

  it('partial replies mark exactly the rejected messages, with the enterprise error, and hold later ones of that usage point', async () => {
    const { store, sim, queued } = await seededStoreAndSimulator(
      tempDir(),
      { kind: 'partial', rate: 0.2, seed: 3 },
      undefined,
      STRICT_PEER,
    );
    open = { store, sim };
    const summary = await syncOnce(store, sim.url);
    expect(summary.stopped).toBeNull();
    const outbox = createOutboxRepository(store.db);
    const rejected = outbox.list({ status: 'rejected' });
    expect(rejected.length).toBe(summary.rejected);
    expect(rejected.length).toBeGreaterThan(0);
    // exactly the PARTIAL replies were rejected
    const partialReplies = store.db
      .prepare("SELECT DISTINCT message_id FROM outbox_attempts WHERE result = 'PARTIAL'")
      .pluck()
      .all() as string[];
    expect(rejected.map((r) => r.messageId).sort()).toEqual(partialReplies.sort());
    for (const r of rejected) {
      expect(r.errorCode).toBe('2.4');
      expect(r.lastError).toMatch(/reading value rejected .*ReadingType 0\./);
    }
    expect(summary.accepted + summary.rejected + summary.pending).toBe(queued);
    expect(summary.pending).toBe(summary.held);
    expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
  });
});
