/**
 * Inbound messages in the 2017 typed wrappers (issue 19): `fieldmeter import message` (and the inbound
 * queue, which applies through the same function) takes a `CreateEndDeviceControls` in
 * `http://iec.ch/TC57/2017/EndDeviceControlsMessage`, bare or in a SOAP 1.1 / 1.2 envelope, and applies
 * it as it applies the 2011 form.
 *
 * The message is written the way the public 2017 example writes it — r0ckflite/cim4 ReadMe.md @
 * 1b89e163 ("message to send"): `tns:` bound to the 2017 wrapper namespace, `msg:` to the 2011 message
 * namespace for the Header's fields, the payload in the default namespace `http://iec.ch/TC57/2011/EndDeviceControls#`,
 * an `xsi:schemaLocation` and an unused `n1` namespace left by the editor, tab indentation. The SOAP 1.1
 * envelope is the one that example's TestProcessor.java puts around it (`<soapenv:Envelope
 * xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>`). Only the control and
 * its device differ from the example: a demand reset (3.8.0.214) of this device's meter, where the
 * example closes a relay (2.31.0.18) for a device group, which the field does not carry out.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../shared/cim';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { SOAP12_NS } from '../../../electron/services/sync/soap';
import { fieldmeterInProcess } from '../../support/cli';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { writeFileSync } from 'node:fs';

/** r0ckflite/cim4 ReadMe.md @ 1b89e163, "message to send", with the control and device of this route. */
const createEndDeviceControls2017 = (messageId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tns:CreateEndDeviceControls xmlns="http://iec.ch/TC57/2011/EndDeviceControls#" xmlns:msg="http://iec.ch/TC57/2011/schema/message" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:n1="http://www.altova.com/samplexml/other-namespace" xmlns:tns="http://iec.ch/TC57/2017/EndDeviceControlsMessage" xsi:schemaLocation="http://iec.ch/TC57/2017/EndDeviceControlsMessage EndDeviceControlsMessage.xsd">
\t<tns:Header>
\t\t<msg:Verb>create</msg:Verb>
\t\t<msg:Noun>EndDeviceControls</msg:Noun>
\t\t<msg:Timestamp>2017-02-16T20:22:28+00:00</msg:Timestamp>
\t\t<msg:MessageID>${messageId}</msg:MessageID>
\t\t<msg:CorrelationID>3a913c02-bc54-4a63-b82a-b255ffa0b7da</msg:CorrelationID>
\t</tns:Header>
\t<tns:Payload>
\t\t<EndDeviceControls>
\t\t\t<EndDeviceControl>
\t\t\t\t<mRID>2b928834-b538-4244-9daf-6db54f700a76</mRID>
\t\t\t\t<EndDeviceControlType ref="3.8.0.214"/>
\t\t\t\t<EndDevices>
\t\t\t\t\t<mRID>E100</mRID>
\t\t\t\t</EndDevices>
\t\t\t</EndDeviceControl>
\t\t</EndDeviceControls>
\t</tns:Payload>
</tns:CreateEndDeviceControls>
`;
const bodyOf = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, '');

describe('inbound messages in the 2017 typed wrappers', () => {
  const tempDir = useTempDir();

  function seeded() {
    const dir = tempDir();
    const db = join(dir, 'field.db');
    const store = openStore(db);
    importRoute(store, { name: 't', role: 'technician' }, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
    store.close();
    const importFile = async (name: string, xml: string) => {
      const file = join(dir, name);
      writeFileSync(file, xml);
      const result = await fieldmeterInProcess(['import', 'message', file, '--db', db, '--json', '--verbose']);
      return { ...result, json: result.code === 0 ? (JSON.parse(result.stdout) as Record<string, unknown>) : undefined };
    };
    const requests = () => {
      const s = openStore(db);
      try {
        return s.db.prepare('SELECT message_id, operation, status FROM control_requests ORDER BY message_id').all();
      } finally {
        s.close();
      }
    };
    return { importFile, requests };
  }

  it('applies a CreateEndDeviceControls written as the r0ckflite example writes it, bare and in SOAP 1.1 and 1.2, as the 2011 form', async () => {
    const { importFile, requests } = seeded();
    const bare = await importFile('bare.xml', createEndDeviceControls2017('EDC-2017-BARE'));
    expect(bare.stderr).toBe('');
    expect(bare.json).toEqual({
      noun: 'EndDeviceControls',
      verb: 'create',
      messageId: 'EDC-2017-BARE',
      applied: { controlRequestsAdded: 1, controlRequestsKnown: 0 },
    });

    const soap11 = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${bodyOf(createEndDeviceControls2017('EDC-2017-SOAP11'))}</soapenv:Body></soapenv:Envelope>`;
    const soap12 = `<env:Envelope xmlns:env="${SOAP12_NS}"><env:Header/><env:Body>${bodyOf(createEndDeviceControls2017('EDC-2017-SOAP12'))}</env:Body></env:Envelope>`;
    // The same control in the 2011 wrapper, as the app has always read it.
    const in2011 = buildMessage(
      {
        kind: 'request',
        header: { verb: 'create', noun: 'EndDeviceControls', timestamp: '2017-02-16T20:22:28Z', messageID: 'EDC-2011' },
        payload: {
          kind: 'xml',
          body: {
            noun: 'EndDeviceControls',
            value: {
              endDeviceControls: [
                { mRID: '2b928834-b538-4244-9daf-6db54f700a76', controlType: '3.8.0.214', endDevices: [{ mRID: 'E100' }] },
              ],
            },
          },
        },
      },
      { form: 'typed' },
    );
    const results = [await importFile('soap11.xml', soap11), await importFile('soap12.xml', soap12), await importFile('2011.xml', in2011)];
    expect(results.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
    ]);
    // Each message is its own request, applied as the 2011 one is.
    expect(results.map((r) => r.json?.applied)).toEqual(Array(3).fill({ controlRequestsAdded: 1, controlRequestsKnown: 0 }));
    expect(requests()).toEqual(
      ['EDC-2011', 'EDC-2017-BARE', 'EDC-2017-SOAP11', 'EDC-2017-SOAP12'].map((id) => ({
        message_id: id,
        operation: 'demandReset',
        status: 'open',
      })),
    );

    // Redelivered, the 2017 message is recognised by its MessageID.
    expect((await importFile('again.xml', createEndDeviceControls2017('EDC-2017-BARE'))).json).toMatchObject({ duplicate: true });
  });

  it('still refuses a wrapper namespace of another year, naming it', async () => {
    const { importFile, requests } = seeded();
    const xml = createEndDeviceControls2017('EDC-2019').replace(
      'TC57/2017/EndDeviceControlsMessage"',
      'TC57/2019/EndDeviceControlsMessage"',
    );
    const result = await importFile('2019.xml', xml);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('http://iec.ch/TC57/2019/EndDeviceControlsMessage');
    expect(requests()).toEqual([]);
  });
});
