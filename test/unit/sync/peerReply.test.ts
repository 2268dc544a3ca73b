/** A peer's reply read as real 61968-100 services write it (issue 19): answers, business faults in SOAP 1.1 and 1.2, bare faults. */
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../shared/cim';
import { defaultXmlLimits } from '../../../shared/cim/xml/safeXml';
import { readPeerReply } from '../../../electron/services/sync/peerReply';
import { SOAP11_NS, SOAP12_NS, wrapSoap } from '../../../electron/services/sync/soap';

const typedFault = buildMessage(
  {
    kind: 'fault',
    noun: 'MeterReadings',
    reply: {
      result: 'FAILED',
      errors: [
        {
          code: 'MR-17',
          level: 'FATAL',
          reason: 'meter unknown',
          details: 'Meter E-1 not in MDM',
          id: { value: 'E-1', objectType: 'Meter' },
        },
      ],
    },
  },
  { form: 'typed' },
).replace(/^<\?xml[^>]*\?>\s*/, '');

describe('readPeerReply', () => {
  it('a SOAP 1.1 Fault whose detail is <Noun>FaultMessage (prefixes declared on the envelope) is a business fault', () => {
    const xml = `<?xml version="1.0"?><S:Envelope xmlns:S="${SOAP11_NS}"><S:Body><S:Fault><faultcode>S:Server</faultcode><faultstring>CreatedMeterReadings failed</faultstring><detail>${typedFault}</detail></S:Fault></S:Body></S:Envelope>`;
    expect(readPeerReply(xml, defaultXmlLimits)).toEqual({
      kind: 'businessFault',
      reason: 'CreatedMeterReadings failed',
      reply: {
        result: 'FAILED',
        errors: [
          {
            code: 'MR-17',
            level: 'FATAL',
            reason: 'meter unknown',
            details: 'Meter E-1 not in MDM',
            id: { value: 'E-1', objectType: 'Meter', idType: undefined, idAuthority: undefined, kind: undefined },
          },
        ],
        ids: undefined,
      },
    });
  });

  it('a SOAP 1.2 Fault with the generic FaultMessage in its Detail is a business fault', () => {
    const generic = buildMessage(
      { kind: 'fault', noun: '', reply: { result: 'FAILED', errors: [{ code: '3.2' }] } },
      { form: 'generic' },
    ).replace(/^<\?xml[^>]*\?>\s*/, '');
    const xml = `<env:Envelope xmlns:env="${SOAP12_NS}"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">refused</env:Text></env:Reason><env:Detail>${generic}</env:Detail></env:Fault></env:Body></env:Envelope>`;
    expect(readPeerReply(xml, defaultXmlLimits)).toMatchObject({
      kind: 'businessFault',
      reply: { result: 'FAILED', errors: [{ code: '3.2' }] },
    });
  });

  it('a Fault without detail, or with a stack trace as detail, is no business fault', () => {
    const bare = `<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>maintenance</faultstring></s:Fault></s:Body></s:Envelope>`;
    expect(readPeerReply(bare, defaultXmlLimits)).toEqual({
      kind: 'fault',
      reason: 'the enterprise answered with a SOAP Fault: maintenance',
    });
    const trace = bare.replace(
      '</faultstring>',
      '</faultstring><detail><ns2:exception xmlns:ns2="http://jax-ws.dev.java.net/">java.lang.NullPointerException</ns2:exception></detail>',
    );
    expect(readPeerReply(trace, defaultXmlLimits).kind).toBe('fault');
  });

  it('a ResponseMessage is an answer with the CorrelationID it carries', () => {
    const response = buildMessage(
      {
        kind: 'response',
        header: { verb: 'reply', noun: 'MeterReadings', messageID: 'R1', correlationID: 'CONV-1' },
        reply: { result: 'OK' },
      },
      { form: 'generic' },
    );
    expect(readPeerReply(wrapSoap(response, '1.2'), defaultXmlLimits)).toMatchObject({
      kind: 'answer',
      correlationId: 'CONV-1',
      reply: { result: 'OK' },
    });
  });
});
