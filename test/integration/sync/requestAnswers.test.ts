/**
 * Requests as peers send them (issue 19; IEC 61968-100 Header): an enterprise GetMeterReadings
 * carries its own CorrelationID, a ReplyAddress and AsyncReplyFlag. The inbox keeps them; the
 * field's answer carries the request's CorrelationID (else its MessageID) and goes to the
 * ReplyAddress when given — never to an address that fails the endpoint checks — and a peer that
 * echoes that CorrelationID in its reply has answered it. The profile's endpoints per service and
 * Header fields apply, and every message still validates against the reference schemas.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, type Header } from '../../../shared/cim';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import type { Store } from '../../../electron/services/store';
import { listReceived, syncNow, type SyncNowOptions } from '../../../electron/services/sync';
import { envSecretStore } from '../../../electron/services/sync/secrets';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { instantClock, seededStoreAndSimulator, useClosing } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';

const options = (url: string, more: Partial<SyncNowOptions> = {}): SyncNowOptions => ({
  endpoint: { endpoint: url, timeoutMs: 60_000 },
  secrets: envSecretStore({}),
  envelope: { source: 'FIELDMETER-TEST' },
  clock: instantClock(),
  retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 },
  actor: { name: 'sync test', role: 'technician' },
  ...more,
});

/** A GetMeterReadings for one meter, written as a Java MDM writes it: its own CorrelationID, where to answer, and that it answers later. */
function getReadings(meter: string, id: string, routing: Pick<Header, 'correlationID' | 'replyAddress' | 'asyncReplyFlag'>): string {
  return buildMessage(
    {
      kind: 'request',
      header: { verb: 'get', noun: 'MeterReadings', timestamp: '2026-11-24T10:00:00Z', source: 'MDM', messageID: id, ...routing },
      payload: { kind: 'xml', body: { noun: 'GetMeterReadings', value: { endDevices: [{ mRID: meter }] } } },
    },
    { form: 'typed' },
  );
}

function readAt(store: Store, usagePointId: string, dir: string): void {
  const m = store.meters.get(usagePointId)!;
  saveManualReadings(
    store,
    { name: 'tech', role: 'technician' },
    { usagePointId, values: m.registers.map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' })) },
    {
      settings: defaultValidationSettings,
      photoDir: join(dir, 'photos'),
      now: new Date('2026-11-24T11:00:00Z'),
    },
  );
}

const correlationOf = (xml: string) => /<msg:CorrelationID>([^<]*)</.exec(xml)?.[1];

describe.skipIf(xsdSkipReason !== null)(`answers to enterprise requests${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  const closing = useClosing();

  it("keeps the request's routing, answers with its CorrelationID at its ReplyAddress, and a peer echoing it has answered", async () => {
    const dir = tempDir();
    const seeded = await seededStoreAndSimulator(dir);
    await seeded.sim.close();
    const store = closing(seeded.store);
    const peer = { strictSoapAction: true, correlation: 'echo' } as const;
    const mdm = closing(await startEnterpriseSimulator({ storeDir: join(dir, 'mdm'), xsdDir: cimDir, peer }));
    const replies = closing(await startEnterpriseSimulator({ storeDir: join(dir, 'replies'), xsdDir: cimDir, peer }));
    const meter = (up: string) => store.meters.get(up)!.meterSerial;
    const replyAddress = `${replies.url}ReplyMeterReadings`;
    mdm.queue.enqueue(getReadings(meter('UP-1003'), 'GET-3', { correlationID: 'CONV-3', replyAddress, asyncReplyFlag: true }), 'a');
    mdm.queue.enqueue(getReadings(meter('UP-1004'), 'GET-4', { correlationID: 'CONV-4' }), 'b');
    mdm.queue.enqueue(getReadings(meter('UP-1005'), 'GET-5', {}), 'c');
    mdm.queue.enqueue(getReadings(meter('UP-1006'), 'GET-6', { replyAddress: 'http://mdm.example.com/replies' }), 'd');

    const first = await syncNow(store, options(mdm.url));
    expect(first).toMatchObject({ stopped: null, rejected: 0, inbound: { received: 4, applied: 3, refused: 1 } });
    expect(store.inbox.replyRouting('GET-3')).toEqual({ messageId: 'GET-3', correlationId: 'CONV-3', replyAddress, asyncReplyFlag: true });
    expect(store.inbox.replyRouting('GET-5')).toEqual({
      messageId: 'GET-5',
      correlationId: null,
      replyAddress: null,
      asyncReplyFlag: null,
    });
    // An answer could only go to a plain-http address elsewhere: the request is refused, not answered at the endpoint.
    expect(listReceived(store).find((r) => r.messageId === 'GET-6')).toMatchObject({
      status: 'failed',
      refusal: {
        code: 'replyAddressRefused',
        details: { address: expect.stringMatching(/^http:\/\/mdm\.example\.com/), problem: 'notHttps' },
      },
    });

    for (const up of ['UP-1003', 'UP-1004', 'UP-1005']) readAt(store, up, dir);
    const answers = Object.fromEntries(
      store.outbox
        .list({ status: 'pending' })
        .filter((e) => e.correlationId)
        .map((e) => [e.correlationId!, e.messageId]),
    );
    expect(Object.keys(answers).sort()).toEqual(['GET-3', 'GET-4', 'GET-5']);

    const second = await syncNow(store, options(mdm.url));
    expect(second).toMatchObject({ accepted: 3, rejected: 0, stopped: null });
    // Each answered at the first attempt: the echoed CorrelationID names it.
    for (const id of Object.values(answers)) expect(store.outbox.attempts(id).map((a) => a.result)).toEqual(['OK']);
    // GET-3's answer went to its ReplyAddress only; the others to the endpoint.
    expect(replies.acceptedPaths()).toEqual({ [answers['GET-3']!]: '/ReplyMeterReadings' });
    const atMdm = mdm.acceptedPaths();
    expect([answers['GET-3'], answers['GET-4'], answers['GET-5']].map((id) => atMdm[id!])).toEqual([undefined, '/', '/']);
    const stored = [...readAccepted(join(dir, 'mdm')), ...readAccepted(join(dir, 'replies'))];
    const xmlOf = (id: string) => stored.find((s) => s.messageId === id)!.xml;
    expect(correlationOf(xmlOf(answers['GET-3']!))).toBe('CONV-3');
    expect(correlationOf(xmlOf(answers['GET-4']!))).toBe('CONV-4');
    expect(correlationOf(xmlOf(answers['GET-5']!))).toBe('GET-5');
    // Schema-checked by both before their OK.
    expect(mdm.stats).toMatchObject({ rejected: 0, invalid: 0 });
    expect(replies.stats).toMatchObject({ rejected: 0, invalid: 0 });
  });

  it("sends each service to the profile's endpoint with the profile's Header fields, valid against the schemas", async () => {
    const dir = tempDir();
    const seeded = await seededStoreAndSimulator(dir);
    await seeded.sim.close();
    const store = closing(seeded.store);
    const mdm = closing(await startEnterpriseSimulator({ storeDir: join(dir, 'mdm'), xsdDir: cimDir, peer: { strictSoapAction: true } }));
    const headEnd = closing(
      await startEnterpriseSimulator({ storeDir: join(dir, 'head-end'), xsdDir: cimDir, peer: { strictSoapAction: true } }),
    );
    const profile = integrationProfileSchema.parse({
      name: 'test utility',
      endpoints: { SendEndDeviceEvents: `${headEnd.url}SendEndDeviceEvents`, MeterReadings: `${mdm.url}SendMeterReadings` },
      header: {
        revision: '2.0',
        context: 'PRODUCTION',
        ackRequired: true,
        user: { userID: 'fieldmeter', organization: 'Stadtwerke' },
        properties: [{ name: 'Crew', value: 'North' }],
      },
    });
    const run = await syncNow(store, options(mdm.url, { profile }));
    expect(run).toMatchObject({ accepted: seeded.queued, rejected: 0, stopped: null });
    const events = store.outbox
      .list({ status: 'sent', limit: 1000 })
      .filter((e) => e.noun === 'EndDeviceEvents')
      .map((e) => e.messageId);
    expect(events.length).toBeGreaterThan(0);
    expect(Object.keys(headEnd.acceptedPaths()).sort()).toEqual([...events].sort());
    expect(new Set(Object.values(headEnd.acceptedPaths()))).toEqual(new Set(['/SendEndDeviceEvents']));
    expect(new Set(Object.values(mdm.acceptedPaths()))).toEqual(new Set(['/SendMeterReadings']));
    const xml = readAccepted(join(dir, 'mdm'))[0]!.xml;
    for (const part of [
      '<msg:Revision>2.0</msg:Revision>',
      '<msg:Context>PRODUCTION</msg:Context>',
      '<msg:AckRequired>true</msg:AckRequired>',
      '<msg:Organization>Stadtwerke</msg:Organization>',
      '<msg:Name>Crew</msg:Name>',
    ])
      expect(xml).toContain(part);
    expect(mdm.stats).toMatchObject({ rejected: 0, invalid: 0 });
    expect(headEnd.stats).toMatchObject({ rejected: 0, invalid: 0 });
  });
  it('answers a GetMeterReadings in the reply form where the profile asks for it (ResponseMessage, ReplyMeterReadings), other readings as events', async () => {
    const dir = tempDir();
    const seeded = await seededStoreAndSimulator(dir);
    await seeded.sim.close();
    const store = closing(seeded.store);
    const mdm = closing(
      await startEnterpriseSimulator({ storeDir: join(dir, 'mdm'), xsdDir: cimDir, peer: { strictSoapAction: true, correlation: 'echo' } }),
    );
    mdm.queue.enqueue(
      getReadings(store.meters.get('UP-1003')!.meterSerial, 'GET-7', { correlationID: 'CONV-7', asyncReplyFlag: false }),
      'a',
    );
    const profile = integrationProfileSchema.parse({ readingAnswers: 'reply' });
    expect(await syncNow(store, options(mdm.url, { profile }))).toMatchObject({ stopped: null, rejected: 0, inbound: { applied: 1 } });
    readAt(store, 'UP-1003', dir);
    const answer = store.outbox.list({ status: 'pending' }).find((e) => e.correlationId === 'GET-7')!.messageId;
    expect(await syncNow(store, options(mdm.url, { profile }))).toMatchObject({ accepted: 1, rejected: 0, stopped: null });
    expect(store.outbox.attempts(answer).map((a) => a.result)).toEqual(['OK']);
    const stored = readAccepted(join(dir, 'mdm'));
    const xml = stored.find((m) => m.messageId === answer)!.xml;
    expect(xml).toMatch(/<msg:ResponseMessage[\s>]/);
    expect(xml).toContain('<msg:Verb>reply</msg:Verb>');
    expect(xml).toMatch(/<msg:Result>OK<\/msg:Result>/);
    expect(correlationOf(xml)).toBe('CONV-7');
    // Readings that answer nothing stay events.
    expect(
      stored
        .filter((m) => m.messageId !== answer && m.xml.includes('<msg:Noun>MeterReadings</msg:Noun>'))
        .every((m) => m.xml.includes('<msg:Verb>created</msg:Verb>')),
    ).toBe(true);
    expect(mdm.stats).toMatchObject({ rejected: 0, invalid: 0 });
  });
});
