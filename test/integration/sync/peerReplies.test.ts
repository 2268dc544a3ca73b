/**
 * Replies as real 61968-100 peers send them (issue 19), against the enterprise simulator's peer
 * modes: a strict peer dispatches on the published WSDLs' SOAPAction; a business fault (SOAP Fault
 * whose detail is `<Noun>FaultMessage` with Reply FAILED) with HTTP 500 or 200, SOAP 1.1 or 1.2,
 * rejects exactly the refused messages with the peer's code, level and details and is not
 * retried; a bare Fault (no business detail) is the peer's trouble and is retried. Whatever
 * happens, every accepted message is at the enterprise exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import type { Store } from '../../../electron/services/store';
import { createOutboxRepository } from '../../../electron/services/store/repositories/outbox';
import type { EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import type { SoapVersion } from '../../../electron/services/sync/soap';
import { seededStoreAndSimulator, syncOnce } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';

describe('replies and faults as peers send them', () => {
  const tempDir = useTempDir();
  let open: { store: Store; sim: EnterpriseSimulator } | undefined;
  afterEach(async () => {
    open?.store.close();
    await open?.sim.close();
    open = undefined;
  });
  const sentIds = (store: Store) =>
    createOutboxRepository(store.db)
      .list({ status: 'sent', limit: 10_000 })
      .map((e) => e.messageId)
      .sort();
  const attemptsOf = (store: Store, messageId: string) =>
    store.db.prepare('SELECT result, http_status AS status FROM outbox_attempts WHERE message_id = ? ORDER BY id').all(messageId);

  for (const soapVersion of ['1.1', '1.2'] as SoapVersion[]) {
    it(`a strict peer (SOAP ${soapVersion}) takes every message once under the default profile`, async () => {
      const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), undefined, undefined, { strictSoapAction: true });
      open = { store, sim };
      const summary = await syncOnce(store, sim.url, { soapVersion });
      expect(summary).toMatchObject({ accepted: queued, rejected: 0, pending: 0, stopped: null });
      expect(sim.stats).toMatchObject({ received: queued, invalid: 0, duplicates: 0 });
      expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
    });
  }

  it('a strict peer refuses a SOAPAction of another form: retried as the Fault has no business detail, never marked sent', async () => {
    const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), undefined, undefined, { strictSoapAction: true });
    open = { store, sim };
    // The bare operation name, as Fieldmeter sent it before integration profiles.
    const summary = await syncOnce(store, sim.url, {
      profile: integrationProfileSchema.parse({ soapAction: '{Verb}{Noun}' }),
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(summary.stopped?.code).toBe('UNREACHABLE');
    // For the screen: a reason with details, and the peer's own words apart (issue 17 §2).
    expect(summary.stopped).toMatchObject({ reason: 'unreachable', details: { attempts: 2 } });
    expect(summary.stopped?.peerText).toMatch(/no operation matches the SOAPAction "Created(MeterReadings|EndDeviceEvents)"/);
    expect(summary).toMatchObject({ accepted: 0, rejected: 0, pending: queued });
    expect(sim.acceptedIds()).toEqual([]);
  });

  const businessFaults: [number, SoapVersion][] = [
    [500, '1.1'],
    [200, '1.1'],
    [500, '1.2'],
    [200, '1.2'],
  ];
  for (const [status, soapVersion] of businessFaults) {
    it(`a business fault with HTTP ${status} (SOAP ${soapVersion}) rejects exactly the refused messages with the peer's code, level and details`, async () => {
      const kind = status === 500 ? 'business-fault-500' : 'business-fault-200';
      const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), { kind, rate: 0.25, seed: 5 });
      open = { store, sim };
      const summary = await syncOnce(store, sim.url, { soapVersion });
      expect(summary.stopped).toBeNull();
      const rejected = createOutboxRepository(store.db).list({ status: 'rejected' });
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected.length).toBe(sim.stats.rejected);
      expect(summary.rejected).toBe(rejected.length);
      for (const r of rejected) {
        expect(r.errorCode).toBe('3.2');
        expect(r.lastError).toMatch(/^3\.2 \[FATAL\] the object is not known to the enterprise .* refused: .*is not known/);
        // Not retried: one attempt, recorded as the peer's FAILED with its HTTP status.
        expect(attemptsOf(store, r.messageId)).toEqual([{ result: 'FAILED', status }]);
      }
      const readingRejections = rejected.filter((r) => r.noun === 'MeterReadings');
      for (const r of readingRejections) expect(r.lastError).toMatch(/\(Meter [^)]+\)$/);
      // Everything else went through once; what is left is held behind a rejection of its usage point.
      expect(summary.accepted + summary.rejected + summary.pending).toBe(queued);
      expect(summary.pending).toBe(summary.held);
      expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
    });
  }

  for (const kind of ['fault-500', 'fault-200'] as const) {
    it(`a Fault without business detail (${kind}) is the peer's trouble: retried, every message accepted exactly once`, async () => {
      const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), { kind, rate: 0.3, seed: 11 });
      open = { store, sim };
      const summary = await syncOnce(store, sim.url);
      expect(summary).toMatchObject({ accepted: queued, rejected: 0, pending: 0, stopped: null });
      expect(sim.stats.faults).toBeGreaterThan(0);
      const retried = store.db
        .prepare("SELECT count(*) FROM outbox_attempts WHERE result = 'TRANSPORT_ERROR' AND error_text LIKE '%NullPointerException%'")
        .pluck()
        .get() as number;
      expect(retried).toBe(sim.stats.faults);
      expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
    });
  }
});
