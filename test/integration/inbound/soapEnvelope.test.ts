/**
 * Inbound messages still in their SOAP envelope (issue 19, item 4), as another vendor's web service
 * hands them over: SOAP 1.1 with the 61968-100 prefixes declared on the Envelope, SOAP 1.2 with a
 * SOAP Header (WS-Addressing) before the Body. Applied like the bare message; a Fault, an empty
 * Body or two messages in one Body apply nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, MESSAGE_NS } from '../../../shared/cim';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { SOAP11_NS, SOAP12_NS } from '../../../electron/services/sync/soap';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 't', role: 'supervisor' } as const;
const bare = (id: string, serial: string, known = 'E100') =>
  buildMessage(
    {
      kind: 'request',
      header: { verb: 'change', noun: 'MeterConfig', timestamp: '2026-11-01T10:00:00Z', source: 'MDM', messageID: id },
      payload: { kind: 'xml', body: { noun: 'MeterConfig', value: { meters: [{ mRID: known, serialNumber: serial }] } } },
    },
    { form: 'generic' },
  ).replace(/^<\?xml[^>]*\?>\s*/, '');

describe('inbound messages in a SOAP envelope', () => {
  const tempDir = useTempDir();
  const seeded = () => {
    const store = openStore(join(tempDir(), 'field.db'));
    importRoute(store, actor, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
    return store;
  };

  it('applies a MeterConfig inside SOAP 1.1 (prefix declared on the Envelope) and SOAP 1.2 (with a SOAP Header)', () => {
    const store = seeded();
    try {
      // The msg: prefix declared on the Envelope only, as JAX-WS writes it.
      const inner11 = bare('MC-SOAP11', 'E100-B').replace(` xmlns:msg="${MESSAGE_NS}"`, '');
      const soap11 = `<?xml version="1.0" encoding="UTF-8"?>\n<S:Envelope xmlns:S="${SOAP11_NS}" xmlns:msg="${MESSAGE_NS}">\n  <S:Body>\n    ${inner11}\n  </S:Body>\n</S:Envelope>\n`;
      expect(applyInboundMessage(store, actor, soap11)).toMatchObject({
        noun: 'MeterConfig',
        verb: 'change',
        messageId: 'MC-SOAP11',
        applied: { metersUpdated: 1 },
      });
      expect(store.workOrders.deviceBySerial('E100-B')).not.toBeNull();

      const soap12 = `<env:Envelope xmlns:env="${SOAP12_NS}"><env:Header><wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">http://iec.ch/TC57/2011/MeterConfig/ChangeMeterConfig</wsa:Action></env:Header><env:Body>${bare('MC-SOAP12', 'E100-C', 'E100-B')}</env:Body></env:Envelope>`;
      expect(applyInboundMessage(store, actor, soap12)).toMatchObject({ messageId: 'MC-SOAP12', applied: { metersUpdated: 1 } });
      expect(store.inbox.list().map((e) => [e.messageId, e.status])).toEqual([
        ['MC-SOAP12', 'applied'],
        ['MC-SOAP11', 'applied'],
      ]);
    } finally {
      store.close();
    }
  });

  it('refuses a Fault, an empty Body and two messages in one Body, applying nothing', () => {
    const store = seeded();
    try {
      const soap = (body: string) => `<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body>${body}</s:Body></s:Envelope>`;
      const cases: [string, RegExp][] = [
        [soap('<s:Fault><faultcode>s:Server</faultcode><faultstring>x</faultstring></s:Fault>'), /SOAP Body holds a Fault/],
        [soap(''), /SOAP Body is empty/],
        [soap(bare('MC-A', 'E100-X') + bare('MC-B', 'E100-Y')), /more than one element/],
      ];
      for (const [xml, reason] of cases) expect(() => applyInboundMessage(store, actor, xml)).toThrow(reason);
      expect(store.workOrders.deviceBySerial('E100-X')).toBeNull();
      expect(store.inbox.list()).toEqual([]);
    } finally {
      store.close();
    }
  });
});
