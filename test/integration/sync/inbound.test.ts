/**
 * Inbound during a sync run (issue 7): after sending, the run pulls what the enterprise queued for
 * the device and applies each message through the inbox in its own transaction. A MeterConfig
 * older than the meter's last field visit leaves the field's data alone (and says so); a newer one
 * applies; a GetMeterReadings becomes an on-demand read task that the next visit answers with the
 * request's MessageID as CorrelationID; a message the device cannot read is kept as refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, type CimMessage, type Header, type PayloadBody } from '../../../shared/cim';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { renderForSync } from '../../../electron/services/messages/renderOutbox';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { listReceived, syncNow, type SyncNowOptions } from '../../../electron/services/sync';
import { pullInbound } from '../../../electron/services/sync/inbound';
import { envSecretStore } from '../../../electron/services/sync/secrets';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { instantClock, seededStoreAndSimulator, useClosing } from '../../support/enterpriseSimulator/harness';
import { agreementMessage, switchRequest, switchWork } from '../../support/switching';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { useTempDir } from '../../support/tempDir';
import { cimDir, typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';

const header = (verb: Header['verb'], noun: string, messageID: string, timestamp: string): Header => ({
  verb,
  noun,
  timestamp,
  source: 'MDM',
  messageID,
});
const request = (verb: Header['verb'], body: PayloadBody, id: string, timestamp: string): CimMessage => ({
  kind: 'request',
  header: header(verb, verb === 'get' ? body.noun.replace(/^Get/, '') : body.noun, id, timestamp),
  payload: { kind: 'xml', body },
});

describe.skipIf(xsdSkipReason !== null)(
  `sync pulls the enterprise's messages for the device${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    const closing = useClosing();

    const options = (url: string): SyncNowOptions => ({
      endpoint: { endpoint: url, timeoutMs: 5000 },
      secrets: envSecretStore({}),
      envelope: { source: 'FIELDMETER-TEST' },
      clock: instantClock(),
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 },
      actor: { name: 'sync test', role: 'technician' },
    });

    it('applies, keeps the field data over stale master data, turns GetMeterReadings into a read task and answers it with its CorrelationID', async () => {
      const dir = tempDir();
      const seeded = await seededStoreAndSimulator(dir);
      await seeded.sim.close();
      const store = closing(seeded.store);
      // Every message the enterprise receives is checked against the schemas before its reply.
      const sim = closing(await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise-xsd'), xsdDir: cimDir }));
      const meter = (up: string) => store.meters.get(up)!.meterSerial;
      const [m1, m2, m3] = [meter('UP-1001'), meter('UP-1002'), meter('UP-1003')];

      // The demo visits were on 2026-11-23 from 08:01. A change made on 11-20 is older; one on 11-24 newer.
      const stale = buildMessage(
        request(
          'change',
          { noun: 'MeterConfig', value: { meters: [{ mRID: m1, serialNumber: `${m1}-MDM` }] } },
          'MC-STALE',
          '2026-11-20T09:00:00Z',
        ),
        { form: 'generic' },
      );
      const fresh = buildMessage(
        request(
          'change',
          { noun: 'MeterConfig', value: { meters: [{ mRID: m2, serialNumber: `${m2}-B` }] } },
          'MC-FRESH',
          '2026-11-24T09:00:00Z',
        ),
        { form: 'generic' },
      );
      const get = buildMessage(
        request('get', { noun: 'GetMeterReadings', value: { endDevices: [{ mRID: m3 }] } }, 'GET-1003', '2026-11-24T10:00:00Z'),
        { form: 'typed' },
      );
      expect(validateXml(get, typedXsd('GetMeterReadings')).errors).toEqual([]);
      for (const [id, xml] of [
        ['1-stale', stale],
        ['2-fresh', fresh],
        ['3-get', get],
        ['4-garbage', '<not a message'],
      ] as const)
        sim.queue.enqueue(xml, id);

      const first = await syncNow(store, options(sim.url));
      expect(first.stopped).toBeNull();
      expect(first.inbound).toEqual({ received: 4, applied: 3, refused: 1, duplicates: 0 });
      expect(sim.queue.list()).toEqual([]);
      expect(sim.queue.acknowledged()).toEqual(['1-stale', '2-fresh', '3-get', '4-garbage']);

      expect(store.workOrders.deviceBySerial(m1)).not.toBeNull(); // the field's data stood
      expect(store.workOrders.deviceBySerial(`${m1}-MDM`)).toBeNull();
      expect(store.workOrders.deviceBySerial(`${m2}-B`)).toMatchObject({ usagePointId: 'UP-1002' });
      const received = listReceived(store);
      expect(received.map((r) => [r.messageId, r.status])).toEqual([
        [expect.stringMatching(/^sha256:/), 'failed'],
        ['GET-1003', 'applied'],
        ['MC-FRESH', 'applied'],
        ['MC-STALE', 'applied'],
      ]);
      expect(received.find((r) => r.messageId === 'MC-STALE')!.changes).toEqual({ metersKeptFieldData: 1 });
      expect(received.find((r) => r.messageId === 'MC-FRESH')!.changes).toEqual({ metersUpdated: 1 });
      expect(received.find((r) => r.messageId === 'GET-1003')!.changes).toEqual({ readRequestsAdded: 1 });
      expect(received[0]!.refusal).toMatchObject({ code: 'xmlProblem', details: { problem: 'MALFORMED' } });
      expect(store.readRequests.nextOpen('UP-1003')).toMatchObject({ messageId: 'GET-1003', status: 'open' });

      // The technician reads UP-1003: the visit's MeterReadings answers the request.
      const m = store.meters.get('UP-1003')!;
      saveManualReadings(
        store,
        { name: 'tech', role: 'technician' },
        { usagePointId: 'UP-1003', values: m.registers.map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' })) },
        {
          settings: defaultValidationSettings,
          photoDir: join(dir, 'photos'),
          now: new Date('2026-11-24T11:00:00Z'),
        },
      );
      const answer = store.outbox.list({ status: 'pending' }).find((e) => e.correlationId === 'GET-1003')!;
      expect(answer).toMatchObject({ noun: 'MeterReadings', verb: 'created', usagePointId: 'UP-1003' });
      expect(store.readRequests.byMessage('GET-1003')).toMatchObject([{ status: 'answered', answerMessageId: answer.messageId }]);
      expect(store.readRequests.nextOpen('UP-1003')).toBeNull();
      const typed = renderForSync(answer, { source: 'FIELDMETER-TEST' }, 'typed');
      expect(typed).toContain('<msg:CorrelationID>GET-1003</msg:CorrelationID>');
      expect(validateXml(typed, typedXsd('MeterReadings')).errors).toEqual([]);

      // Sent on the next run, schema-checked by the enterprise; the queue has nothing new.
      const second = await syncNow(store, options(sim.url));
      expect(second).toMatchObject({ accepted: 1, rejected: 0, stopped: null, inbound: { received: 0 } });
      const stored = readAccepted(join(dir, 'enterprise-xsd')).find((s) => s.messageId === answer.messageId)!;
      expect(stored.xml).toContain('<msg:CorrelationID>GET-1003</msg:CorrelationID>');
      expect(sim.stats).toMatchObject({ rejected: 0, invalid: 0 });
    });

    it('a message pulled again after a crash before its acknowledgement is applied once', async () => {
      const dir = tempDir();
      const { store, sim } = await seededStoreAndSimulator(dir);
      closing(store);
      closing(sim);
      const fresh = buildMessage(
        request(
          'create',
          { noun: 'MeterConfig', value: { meters: [{ serialNumber: 'E-NEW', status: { value: 'inStock' } }] } },
          'MC-NEW',
          '2026-11-24T09:00:00Z',
        ),
        { form: 'generic' },
      );
      sim.queue.enqueue(fresh, 'a');
      sim.queue.enqueue(fresh, 'b'); // the same message offered twice, as after a lost acknowledgement
      const run = await syncNow(store, options(sim.url));
      expect(run.inbound).toEqual({ received: 2, applied: 1, refused: 0, duplicates: 1 });
      expect(listReceived(store).filter((r) => r.messageId === 'MC-NEW')).toHaveLength(1);
    });

    it('an enterprise without a device queue is nothing to pull; a queue that answers nonsense stops the pull with a clear message', async () => {
      const dir = tempDir();
      const { store, sim } = await seededStoreAndSimulator(dir);
      closing(store);
      closing(sim);
      const answer = (status: number, body: string) => async () => ({ status, body, durationMs: 1 });
      for (const status of [404, 405, 501]) {
        expect(await pullInbound(store, { get: answer(status, ''), delete: answer(204, '') }, { name: 't', role: 'technician' })).toEqual({
          received: 0,
          applied: 0,
          refused: 0,
          duplicates: 0,
        });
      }
      await expect(
        pullInbound(store, { get: answer(200, '<html>'), delete: answer(204, '') }, { name: 't', role: 'technician' }),
      ).rejects.toThrow(/did not answer with a list/);
      await expect(
        pullInbound(store, { get: answer(200, '["../etc"]'), delete: answer(204, '') }, { name: 't', role: 'technician' }),
      ).rejects.toThrow(/other than a list of message ids/);
      await expect(
        pullInbound(store, { get: answer(500, ''), delete: answer(204, '') }, { name: 't', role: 'technician' }),
      ).rejects.toThrow(/HTTP 500/);
      expect(listReceived(store)).toEqual([]);
    });

    it('a refused message that names a customer is kept with the customer masked', async () => {
      const dir = tempDir();
      const { store, sim } = await seededStoreAndSimulator(dir);
      closing(store);
      closing(sim);
      // Closing an agreement the device never had is refused; the message names the customer and the account.
      const refused = buildMessage(
        agreementMessage({
          verb: 'close',
          id: 'MDLC-X',
          agreement: 'CA-NONE',
          usagePoint: 'UP-1001',
          customer: 'Maria Schmidt',
          account: 'DE-4400-123456',
          effective: '2026-12-02T00:00:00Z',
        }),
        { form: 'generic' },
      );
      expect(refused).toContain('Maria Schmidt');
      sim.queue.enqueue(refused, 'x');
      const run = await syncNow(store, options(sim.url));
      expect(run.inbound).toEqual({ received: 1, applied: 0, refused: 1, duplicates: 0 });
      const [kept] = listReceived(store);
      expect(kept).toMatchObject({
        messageId: 'MDLC-X',
        status: 'failed',
        refusal: { code: 'unknownTarget', details: { element: 'CustomerAgreement', id: 'CA-NONE', action: 'close' } },
      });
      const everything = JSON.stringify([store.db.prepare('SELECT * FROM inbox').all(), store.db.prepare('SELECT * FROM audit_log').all()]);
      expect(everything).toContain('CA-NONE');
      expect(everything).not.toMatch(/Maria|Schmidt|DE-4400-123456/);
    });

    it('a work order to read a meter is an on-demand read like GetMeterReadings: the next reading answers it with its CorrelationID', async () => {
      const dir = tempDir();
      const { store, sim } = await seededStoreAndSimulator(dir);
      closing(store);
      closing(sim);
      const m = store.meters.get('UP-1006')!;
      const order = buildMessage(
        switchRequest('create', 'MSR-READ-1', 'WO-READ-1', [switchWork({ type: 'specialRead', meter: m.meterSerial })]),
        { form: 'typed' },
      );
      if (!xsdSkipReason) expect(validateXml(order, typedXsd('MeterServiceRequests')).errors).toEqual([]);
      const actor = { name: 'sync', role: 'technician' } as const;
      expect(applyInboundMessage(store, actor, order).applied).toEqual({ workOrdersCreated: 0, workOrdersKnown: 0, readRequestsAdded: 1 });
      expect(store.readRequests.nextOpen('UP-1006')).toMatchObject({ messageId: 'MSR-READ-1', status: 'open' });
      expect(store.meters.get('UP-1006')!.readRequestedAt).toBeTruthy();
      saveManualReadings(
        store,
        actor,
        { usagePointId: 'UP-1006', values: m.registers.map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' })) },
        {
          settings: defaultValidationSettings,
          photoDir: join(dir, 'photos'),
          now: new Date('2026-11-24T11:00:00Z'),
        },
      );
      expect(store.outbox.list({ status: 'pending' }).filter((e) => e.correlationId === 'MSR-READ-1')).toMatchObject([
        { noun: 'MeterReadings', usagePointId: 'UP-1006' },
      ]);
      expect(store.readRequests.nextOpen('UP-1006')).toBeNull();
      expect(() =>
        applyInboundMessage(
          store,
          actor,
          buildMessage(switchRequest('create', 'MSR-READ-2', 'WO-READ-2', [switchWork({ type: 'specialRead', meter: 'E-NOWHERE' })]), {
            form: 'typed',
          }),
        ),
      ).toThrow(
        expect.objectContaining({
          refusal: expect.objectContaining({ code: 'unknownMeter', details: { element: 'Meter', keys: ['E-NOWHERE'] } }),
        }),
      );
    });
  },
);
