/**
 * A synchronous reply (issue 19 §3): where the integration profile asks for the meters' history
 * (`meterHistory: ask`), the run sends one GetMeterReadings; a peer that answers in the HTTP
 * response itself — a ResponseMessage with Reply OK and the MeterReadings Payload, as Java SOAP
 * stacks implement the request–response GetMeterReadings operation of the published WSDLs — has its
 * payload applied there and then, through the inbound path; a peer that only acknowledges answers
 * later, as a message of its own. The simulated MDM holds the history as an MDM would have sent it
 * (Connexo's CreatedMeterReadings form, see test/integration/inbound/meterHistory.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { syncNow, type SyncNowOptions } from '../../../electron/services/sync';
import { envSecretStore } from '../../../electron/services/sync/secrets';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { ACCEPTED_FILE } from '../../../electron/services/sync/simulator/storage';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { instantClock, useClosing } from '../../support/enterpriseSimulator/harness';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';

const actor = { name: 'sync test', role: 'technician' } as const;

const mdmHistory = `<?xml version="1.0" encoding="UTF-8"?>
<ns2:CreatedMeterReadings xmlns:ns2="http://iec.ch/TC57/2011/MeterReadingsMessage" xmlns:msg="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/MeterReadings#">
  <ns2:Header><msg:Verb>created</msg:Verb><msg:Noun>MeterReadings</msg:Noun><msg:Timestamp>2026-11-20T06:00:00+01:00</msg:Timestamp><msg:Source>Connexo</msg:Source><msg:MessageID>MDM-HIST-1</msg:MessageID></ns2:Header>
  <ns2:Payload>
    <m:MeterReadings>
      <m:MeterReading>
        <m:Meter><m:Names><m:name>E100</m:name></m:Names></m:Meter>
        <m:Readings>
          <m:timeStamp>2026-10-31T00:00:00+01:00</m:timeStamp>
          <m:value>1200</m:value>
          <m:ReadingQualities><m:ReadingQualityType ref="3.0.1"/></m:ReadingQualities>
          <m:ReadingType ref="${KWH}"/>
        </m:Readings>
        <m:UsagePoint><m:mRID>UP-1</m:mRID></m:UsagePoint>
      </m:MeterReading>
    </m:MeterReadings>
  </ns2:Payload>
</ns2:CreatedMeterReadings>
`;

describe.skipIf(xsdSkipReason !== null)(
  `a synchronous reply to the history request${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    const closing = useClosing();

    async function setUp(syncGetReplies: boolean, history = mdmHistory) {
      const dir = tempDir();
      const store = closing(openStore(join(dir, 'field.db')));
      importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ last: '1000', date: '2026-10-01' })), acceptValidRows: false });
      // The MDM holds the meter's validated history (its store of accepted messages, one JSON line each).
      const storeDir = join(dir, 'mdm');
      mkdirSync(storeDir, { recursive: true });
      writeFileSync(
        join(storeDir, ACCEPTED_FILE),
        `${JSON.stringify({ messageId: 'MDM-HIST-1', receivedAt: '2026-11-20T05:00:00Z', xml: history })}\n`,
      );
      const peer = { strictSoapAction: true, syncGetReplies };
      const sim = closing(await startEnterpriseSimulator({ storeDir, xsdDir: cimDir, peer }));
      const options: SyncNowOptions = {
        endpoint: { endpoint: sim.url, timeoutMs: 60_000 },
        secrets: envSecretStore({}),
        envelope: { source: 'FIELDMETER-TEST' },
        clock: instantClock(),
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 10 },
        actor,
        profile: integrationProfileSchema.parse({ meterHistory: 'ask' }),
      };
      return { store, sim, options };
    }

    it('takes the MeterReadings from the response body and applies them as the enterprise history', async () => {
      const { store, sim, options } = await setUp(true);
      const summary = await syncNow(store, options);
      expect(summary.stopped).toBeNull();
      expect(summary.history).toMatchObject({ kind: 'applied', applied: { readingsStored: 1 }, duplicate: false });
      // Nothing was queued for the device: the answer came in the response, the GetMeterReadings passed the schemas.
      expect(sim.queue.list()).toEqual([]);
      expect(sim.stats).toMatchObject({ rejected: 0, invalid: 0 });
      const register = store.meters.get('UP-1')!.registers[0]!;
      expect([register.lastValue, register.lastReadAt]).toEqual(['1200', '2026-10-30T23:00:00.000Z']);
      expect(store.enterpriseReadings.ofRegister(register.id)).toHaveLength(1);
      // Asked again next run: a new answer, the same history known already.
      expect((await syncNow(store, options)).history).toMatchObject({ kind: 'applied', applied: { readingsStored: 0, readingsKnown: 1 } });
    });

    it('a peer that only acknowledges the request answers later: nothing applied now', async () => {
      const { store, options } = await setUp(false);
      const summary = await syncNow(store, options);
      expect(summary.history).toEqual({ kind: 'later' });
      expect(store.enterpriseReadings.ofRegister(store.meters.get('UP-1')!.registers[0]!.id)).toEqual([]);
    });

    it('an answer the device cannot apply is refused whole and kept in the inbox with the reason', async () => {
      const { store, options } = await setUp(true, mdmHistory.replace(`ref="${KWH}"`, 'ref="MDM-RT-9"'));
      const summary = await syncNow(store, options);
      expect(summary.history).toMatchObject({ kind: 'refused', reason: expect.stringContaining('“MDM-RT-9') });
      expect(store.enterpriseReadings.ofRegister(store.meters.get('UP-1')!.registers[0]!.id)).toEqual([]);
      expect(store.db.prepare("SELECT noun, verb, status FROM inbox WHERE status <> 'applied'").all()).toEqual([
        { noun: 'MeterReadings', verb: 'reply', status: 'failed' },
      ]);
    });
  },
);
