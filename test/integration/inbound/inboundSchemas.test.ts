/**
 * Inbound messages against the utility's schema folder (issue 19 §4). A MeterConfig written as
 * Connexo's CreateMeterConfig (MeterConfigMessage.xsd typed wrapper) but with an element
 * MeterConfig.xsd does not allow in Meter — what a peer on another schema revision sends — was
 * applied before (the reader skips what it does not know); with the schema folder set it is
 * refused with xmllint's findings and applies nothing, by `import message --xsd-dir` and by the
 * sync's pull of the enterprise queue alike. A valid one in its SOAP envelope is still applied.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { createXsdValidator } from '../../../electron/services/messages/xsdValidator';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { pullInbound, QUEUE_PATH } from '../../../electron/services/sync/inbound';
import { SOAP11_NS } from '../../../electron/services/sync/soap';
import { fieldmeterInProcess } from '../../support/cli';
import { refusedWith } from '../../support/refusal';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';

const actor = { name: 't', role: 'supervisor' } as const;

const meterConfig = (
  id: string,
  serial: string,
  extra = '',
) => `<ns3:CreateMeterConfig xmlns:ns3="http://iec.ch/TC57/2011/MeterConfigMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/MeterConfig#">
  <ns3:Header>
    <Verb>create</Verb>
    <Noun>MeterConfig</Noun>
    <Timestamp>2026-11-02T08:00:00.000Z</Timestamp>
    <Source>MDM</Source>
    <MessageID>${id}</MessageID>
  </ns3:Header>
  <ns3:Payload>
    <m:MeterConfig>
      <m:Meter>
        <m:serialNumber>${serial}</m:serialNumber>${extra}
        <m:status><m:value>In stock</m:value></m:status>
      </m:Meter>
    </m:MeterConfig>
  </ns3:Payload>
</ns3:CreateMeterConfig>
`;
const FORBIDDEN = '\n        <m:colour>grey</m:colour>';

describe.skipIf(xsdSkipReason !== null)("inbound messages checked against the utility's schema folder", () => {
  const tempDir = useTempDir();
  const seeded = () => {
    const db = join(tempDir(), 'field.db');
    const store = openStore(db);
    importRoute(store, actor, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
    return { db, store };
  };

  it('without a schema folder the forbidden element is skipped and applied; with it the message is refused with the findings', () => {
    const { store } = seeded();
    try {
      expect(applyInboundMessage(store, actor, meterConfig('MC-1', 'E800', FORBIDDEN)).applied).toMatchObject({ metersAdded: 1 });
      const schemas = createXsdValidator(cimDir);
      expect(() => applyInboundMessage(store, actor, meterConfig('MC-2', 'E801', FORBIDDEN), { schemas })).toThrow(
        refusedWith('schemaInvalid', {
          schemas: ['MeterConfigMessage.xsd'],
          findings: [
            expect.objectContaining({
              line: 13,
              kind: 'notExpected',
              element: 'colour',
              text: expect.stringMatching(/line 13: .*colour.*not expected/),
            }),
          ],
        }),
      );
      expect(store.workOrders.deviceBySerial('E801')).toBeNull();
      expect(store.inbox.list().map((e) => e.messageId)).toEqual(['MC-1']);
      const soap = `<?xml version="1.0"?>\n<S:Envelope xmlns:S="${SOAP11_NS}"><S:Body>${meterConfig('MC-3', 'E802')}</S:Body></S:Envelope>`;
      expect(applyInboundMessage(store, actor, soap, { schemas }).applied).toMatchObject({ metersAdded: 1 });
    } finally {
      store.close();
    }
  });

  it('the enterprise queue: a schema-invalid message is refused into the inbox, the valid one applied', async () => {
    const { store } = seeded();
    try {
      const queued: Record<string, string> = { 'q-1': meterConfig('MC-4', 'E803', FORBIDDEN), 'q-2': meterConfig('MC-5', 'E804') };
      const queue = {
        get: async (path: string) => ({
          status: 200,
          body: path === QUEUE_PATH ? JSON.stringify(Object.keys(queued)) : (queued[path.slice(QUEUE_PATH.length + 1)] ?? ''),
        }),
        delete: async () => ({ status: 204, body: '' }),
      };
      const summary = await pullInbound(store, queue as never, actor, undefined, createXsdValidator(cimDir));
      expect(summary).toMatchObject({ received: 2, applied: 1, refused: 1 });
      expect(store.workOrders.deviceBySerial('E803')).toBeNull();
      expect(store.workOrders.deviceBySerial('E804')).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it('import message --xsd-dir refuses it, exit 1, nothing applied; the finding said in German, xmllint’s line beneath', async () => {
    const { db, store } = seeded();
    store.close();
    const file = join(tempDir(), 'mc.xml');
    writeFileSync(file, meterConfig('MC-6', 'E805', FORBIDDEN));
    const result = await fieldmeterInProcess(['import', 'message', file, '--db', db, '--xsd-dir', cimDir], {
      LANG: 'de_DE.UTF-8',
      FIELDMETER_LANG: undefined,
      FIELDMETER_LOG: 'silent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /verletzt die Schemas des Versorgers \(MeterConfigMessage\.xsd\)\..*\n {2}schemaInvalid\n {4}Zeile 13: Das Element ‹colour› ist hier nicht erwartet; erwartet wird eines von ‹timeZoneOffset›, .*\n {6}line 13: element colour: Schemas validity error/,
    );
    const after = openStore(db);
    try {
      expect(after.workOrders.deviceBySerial('E805')).toBeNull();
    } finally {
      after.close();
    }
  });
});
