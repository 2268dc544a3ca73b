/**
 * A sync against a peer on the 2017 wrapper namespaces (issue 19), the enterprise simulator's
 * `namespaces: 'iec2017'` mode: a document/literal service built on the 2017 WSDLs (r0ckflite/cim4
 * ExecuteEndDeviceControls.wsdl @ e5326175) that takes only the typed wrappers in
 * `http://iec.ch/TC57/2017/<Noun>Message`, dispatches on the 2017 SOAPAction, answers in the 2017
 * `<Noun>ResponseMessage` and refuses in the 2017 `<Noun>FaultMessage`. Each message is checked inline
 * against the 2017 wrapper set rewritten from the connexo-honeywell schemas (test/support/xsd2017.ts,
 * the assumption issue 19 states: only the namespace differs).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMessage } from '../../../shared/cim';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { defaultXmlLimits } from '../../../shared/cim/xml/safeXml';
import type { Store } from '../../../electron/services/store';
import { pullInbound } from '../../../electron/services/sync/inbound';
import { readPeerReply } from '../../../electron/services/sync/peerReply';
import { wrapSoap } from '../../../electron/services/sync/soap';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import type { EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { createTransport } from '../../../electron/services/sync/transport';
import { fieldmeterBin, fieldmeterInProcess } from '../../support/cli';
import { seededStoreAndSimulator, syncOnce } from '../../support/enterpriseSimulator/harness';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { xsdSkipReason } from '../../support/xsd';
import { build2017SchemaSet } from '../../support/xsd2017';
import { useTempDir } from '../../support/tempDir';

const PEER_2017 = { strictSoapAction: true, correlation: 'echo', namespaces: 'iec2017' } as const;
const profile2017 = integrationProfileSchema.parse({ namespaces: 'iec2017' });

/** r0ckflite/cim4 ReadMe.md @ 1b89e163, "reply message", verbatim: a 2017 peer's answer to a CreateEndDeviceControls. */
const R0CKFLITE_REPLY = `<?xml version="1.0" encoding="UTF-8"?>
<tns:EndDeviceControlsResponseMessage xmlns="http://iec.ch/TC57/2011/EndDeviceControls#" xmlns:xml="http://www.w3.org/XML/1998/namespace" xmlns:msg="http://iec.ch/TC57/2011/schema/message" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:n1="http://www.altova.com/samplexml/other-namespace" xmlns:tns="http://iec.ch/TC57/2017/EndDeviceControlsMessage" xsi:schemaLocation="http://iec.ch/TC57/2017/EndDeviceControlsMessage EndDeviceControlsMessage.xsd">
\t<tns:Header>
\t\t<msg:Verb>reply</msg:Verb>
\t\t<msg:Noun>EndDeviceControls</msg:Noun>
\t\t<msg:Timestamp>2017-06-20T11:24:12-06:00</msg:Timestamp>
\t\t<msg:MessageID>e7bdb90c-17cb-42fe-a559-19022b72a130</msg:MessageID>
\t\t<msg:CorrelationID>3a913c02-bc54-4a63-b82a-b255ffa0b7da</msg:CorrelationID>
\t</tns:Header>
\t<tns:Reply>
\t\t<msg:Result>OK</msg:Result>
\t\t<msg:Error>
\t\t\t<msg:code>0.0</msg:code>
\t\t</msg:Error>
\t</tns:Reply>
</tns:EndDeviceControlsResponseMessage>
`;

describe('a peer on the 2017 wrapper namespaces', () => {
  const tempDir = useTempDir();
  let open: { store: Store; sim: EnterpriseSimulator } | undefined;
  afterEach(async () => {
    open?.store.close();
    await open?.sim.close();
    open = undefined;
  });
  const sentIds = (store: Store) =>
    store.outbox
      .list({ status: 'sent', limit: 10_000 })
      .map((e) => e.messageId)
      .sort();

  it("reads the published 2017 example's reply, in the SOAP 1.1 envelope it came in, as an answer with its CorrelationID", () => {
    expect(readPeerReply(wrapSoap(R0CKFLITE_REPLY, '1.1'), defaultXmlLimits)).toMatchObject({
      kind: 'answer',
      reply: { result: 'OK', errors: [{ code: '0.0' }] },
      correlationId: '3a913c02-bc54-4a63-b82a-b255ffa0b7da',
    });
  });

  it.skipIf(xsdSkipReason !== null)(
    `takes every message exactly once from a device on iec2017, each valid against the 2017 set${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
    async () => {
      const dir = tempDir();
      const { store, sim, queued } = await seededStoreAndSimulator(dir, undefined, build2017SchemaSet(dir), PEER_2017);
      open = { store, sim };
      const summary = await syncOnce(store, sim.url, { profile: profile2017, soapVersion: '1.2' });
      expect(summary).toMatchObject({ accepted: queued, rejected: 0, pending: 0, stopped: null });
      expect(sim.stats).toMatchObject({ received: queued, accepted: queued, invalid: 0, duplicates: 0, rejected: 0 });
      expect(sim.acceptedIds().sort()).toEqual(sentIds(store));

      // The enterprise's own request in a 2017 wrapper, from its queue, is applied like a 2011 one.
      const meter = store.meters.get('UP-1001')!.meterSerial;
      const change = buildMessage(
        {
          kind: 'request',
          header: { verb: 'change', noun: 'MeterConfig', timestamp: '2026-11-24T09:00:00Z', source: 'MDM', messageID: 'MC-2017' },
          payload: { kind: 'xml', body: { noun: 'MeterConfig', value: { meters: [{ mRID: meter, serialNumber: `${meter}-B` }] } } },
        },
        { form: 'typed', schemaSet: 'iec2017' },
      );
      expect(change).toContain('"http://iec.ch/TC57/2017/MeterConfigMessage"');
      sim.queue.enqueue(change, 'mc-2017');
      const transport = createTransport({
        endpoint: sim.url,
        auth: { kind: 'none' },
        timeoutMs: 2000,
        maxReplyBytes: 1 << 20,
        maxSockets: 2,
      });
      try {
        expect(await pullInbound(store, transport, { name: 'sync', role: 'technician' })).toEqual({
          received: 1,
          applied: 1,
          refused: 0,
          duplicates: 0,
        });
      } finally {
        transport.close();
      }
      expect(store.workOrders.deviceBySerial(`${meter}-B`)).not.toBeNull();
    },
  );

  it.skipIf(xsdSkipReason !== null)(
    'the same through the command line: simulate enterprise --namespaces iec2017, sync --profile-file',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const queued = seedDemoOutbox(db);
      const profileFile = join(dir, 'utility.json');
      writeFileSync(profileFile, JSON.stringify({ name: 'Utility on the 2017 wrappers', namespaces: 'iec2017' }));
      const args = ['simulate', 'enterprise', '--store', join(dir, 'enterprise'), '--xsd-dir', build2017SchemaSet(dir)];
      const child = spawn(process.execPath, [fieldmeterBin, ...args, '--namespaces', 'iec2017', '--strict-soap-action', '--json'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
        const address = JSON.parse(((await lines.next()).value as string) ?? '{}') as { url: string };
        const run = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', address.url, '--profile-file', profileFile, '--json']);
        expect(JSON.parse(run.stdout)).toEqual({ sent: queued, accepted: queued, rejected: 0, pending: 0 });
        const accepted = readAccepted(join(dir, 'enterprise'));
        expect(accepted).toHaveLength(queued);
        for (const m of accepted) expect(m.xml).toMatch(/^<tns:Created\w+ [^>]*xmlns:tns="http:\/\/iec\.ch\/TC57\/2017\/\w+Message"/);
      } finally {
        child.kill('SIGTERM');
      }
    },
  );

  it('refuses the 2011 forms: under the default profile nothing is taken, and nothing is marked sent', async () => {
    const { store, sim, queued } = await seededStoreAndSimulator(tempDir(), undefined, undefined, { namespaces: 'iec2017' });
    open = { store, sim };
    const summary = await syncOnce(store, sim.url, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    expect(summary.stopped?.code).toBe('UNREACHABLE');
    expect(summary.stopped?.peerText).toMatch(
      /no operation for a (MeterReadings|EndDeviceEvents) message in "http:\/\/iec\.ch\/TC57\/2011\/schema\/message"/,
    );
    expect(summary).toMatchObject({ accepted: 0, pending: queued });
    expect(sim.acceptedIds()).toEqual([]);
  });

  it("a business fault in the 2017 <Noun>FaultMessage rejects exactly the refused messages with the peer's code", async () => {
    const { store, sim, queued } = await seededStoreAndSimulator(
      tempDir(),
      { kind: 'business-fault-500', rate: 0.25, seed: 5 },
      undefined,
      PEER_2017,
    );
    open = { store, sim };
    const summary = await syncOnce(store, sim.url, { profile: profile2017 });
    expect(summary.stopped).toBeNull();
    const rejected = store.outbox.list({ status: 'rejected' });
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.length).toBe(sim.stats.rejected);
    for (const r of rejected)
      expect([r.errorCode, r.lastError]).toEqual(['3.2', expect.stringMatching(/^3\.2 \[FATAL\] the object is not known/)]);
    expect(summary.accepted + summary.rejected + summary.pending).toBe(queued);
    expect(sim.acceptedIds().sort()).toEqual(sentIds(store));
  });
});
