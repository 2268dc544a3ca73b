/**
 * How the simulated enterprise behaves as real 61968-100 peers do (issue 19), beyond failing on
 * purpose (faults.ts):
 * - strict SOAPAction: the operation is dispatched on the SOAPAction of the published WSDLs
 *   (`http://iec.ch/TC57/2011/<Noun>/<Verb><Noun>`, integrationProfile.ts); any other action is
 *   refused with a SOAP Fault and no business detail, as a Java SOAP stack does ("no operation
 *   matches the SOAPAction");
 * - echoed CorrelationID: the reply carries the request's CorrelationID where it had one (else its
 *   MessageID), as peers on the common Java SOAP stacks do;
 * - SOAP Faults: a business fault (`<Noun>FaultMessage` with Reply FAILED and an Error in the
 *   Fault's detail, the `wsdl:fault` of the published WSDLs) or a bare Fault, with HTTP 500 or 200.
 * - the 2017 wrapper namespaces: a document/literal service built on the 2017 WSDLs (r0ckflite/cim4
 *   ExecuteEndDeviceControls.wsdl @ e5326175: the operation's parts are `CreateEndDeviceControls`,
 *   `EndDeviceControlsResponseMessage` and `EndDeviceControlsFaultMessage` in
 *   `http://iec.ch/TC57/2017/EndDeviceControlsMessage`) has no operation for a message in another
 *   wrapper or in the generic envelope, dispatches on the 2017 SOAPAction, and answers in the 2017
 *   `<Noun>ResponseMessage` / `<Noun>FaultMessage` (as the ReadMe @ 1b89e163's reply is written).
 *   Nouns with no 2013 wrapper (MeterServiceRequests, documents) are taken in their own form.
 * The Error code below is a placeholder: the 61968-100 code catalogue is not public (NOTES.md §3).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { buildMessage, isDraftOnlyNoun, isPayloadNoun, type BuildOptions, type Header, type ReplyType } from '../../../../shared/cim';
import { DEFAULT_SOAP_ACTION, DEFAULT_SOAP_ACTION_2017, soapActionOf } from '../../../../shared/cim/integrationProfile';
import { SOAP11_NS, SOAP12_NS, type SoapVersion } from '../soap';

export interface PeerBehaviour {
  /** Refuse a message whose SOAPAction is not the published WSDLs' one for its verb and noun. */
  readonly strictSoapAction?: boolean;
  /** 'messageId' (default): Reply CorrelationID = the request's MessageID; 'echo': its CorrelationID when it has one. */
  readonly correlation?: 'messageId' | 'echo';
  /** Answer a GetMeterReadings in the HTTP response itself, with the MeterReadings held for it (historyAnswer.ts). */
  readonly syncGetReplies?: boolean;
  /** 'iec2017': a peer on the 2017 wrapper namespaces (see above); default: the 2013 ones, any form. */
  readonly namespaces?: 'iec2013' | 'iec2017';
}

export interface FaultAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The SOAPAction of an HTTP request: the 1.1 header (quotes removed) or the 1.2 media type's action parameter. */
export function requestAction(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.soapaction;
  if (typeof header === 'string') return header.replace(/^"|"$/g, '');
  return /;\s*action="?([^";]*)"?/i.exec(headers['content-type'] ?? '')?.[1];
}

/** Null when the action is the one a strict peer dispatches this message on; else why it does not. */
export function soapActionProblem(action: string | undefined, header: Header, behaviour?: PeerBehaviour): string | null {
  const template = behaviour?.namespaces === 'iec2017' ? DEFAULT_SOAP_ACTION_2017 : DEFAULT_SOAP_ACTION;
  const expected = soapActionOf({ soapAction: template }, header.verb, header.noun);
  return action === expected ? null : `no operation matches the SOAPAction "${action ?? ''}" (expected "${expected}")`;
}

/** A noun a 2017 peer has a typed wrapper for: every noun of the 2013 wrappers. */
const has2017Wrapper = (noun: string) => isPayloadNoun(noun) && !isDraftOnlyNoun(noun);

/** The namespace the root element of a message document is in (its prefix resolved on the root itself). */
function rootNamespace(xml: string): string | undefined {
  const root = /<(?![?!])(?:([\w.-]+):)?[\w.-]+([^>]*)>/.exec(xml);
  if (!root) return undefined;
  return new RegExp(`xmlns${root[1] ? `:${root[1]}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(root[2] ?? '')?.[1];
}

/** Null when a peer of these namespaces has an operation for the message's root element; else why not. */
export function wrapperProblem(xml: string, header: Header, behaviour: PeerBehaviour | undefined): string | null {
  if (behaviour?.namespaces !== 'iec2017' || !has2017Wrapper(header.noun)) return null;
  const namespace = rootNamespace(xml);
  const in2017 = /^http:\/\/iec\.ch\/TC57\/2017\/\w+Message$/.test(namespace ?? '');
  return in2017 ? null : `no operation for a ${header.noun} message in "${namespace ?? ''}" (expected the 2017 typed wrapper)`;
}

/** How the peer writes its answers for a noun: the 2017 typed wrappers, or the generic 2011 envelope. */
export function answerForm(noun: string, behaviour: PeerBehaviour | undefined): BuildOptions {
  return behaviour?.namespaces === 'iec2017' && has2017Wrapper(noun) ? { form: 'typed', schemaSet: 'iec2017' } : { form: 'generic' };
}

export function replyCorrelation(header: Header, behaviour: PeerBehaviour | undefined): string | undefined {
  return behaviour?.correlation === 'echo' ? (header.correlationID ?? header.messageID) : header.messageID;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const contentType = (version: SoapVersion) => (version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8');

/** A SOAP Fault as a Java stack writes it: Server/Receiver code, a reason, and the detail (an XML element) if any. */
export function soapFaultAnswer(version: SoapVersion, status: number, reason: string, detailXml?: string): FaultAnswer {
  const detail = detailXml?.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  const body =
    version === '1.1'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${SOAP11_NS}"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${escapeText(reason)}</faultstring>${detail ? `<detail>${detail}</detail>` : ''}</soap:Fault></soap:Body></soap:Envelope>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="${SOAP12_NS}"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">${escapeText(reason)}</env:Text></env:Reason>${detail ? `<env:Detail>${detail}</env:Detail>` : ''}</env:Fault></env:Body></env:Envelope>\n`;
  return { status, contentType: contentType(version), body };
}

/** The business refusal of one message: `<Noun>FaultMessage` with Reply FAILED naming the object in error. */
export function businessFaultAnswer(
  version: SoapVersion,
  status: number,
  header: Header,
  objectInError: { value: string; objectType: string } | undefined,
  behaviour?: PeerBehaviour,
): FaultAnswer {
  const reply: ReplyType = {
    result: 'FAILED',
    errors: [
      {
        code: '3.2',
        level: 'FATAL',
        reason: 'the object is not known to the enterprise',
        details: `${header.noun} ${header.messageID ?? ''} refused: ${objectInError ? `${objectInError.objectType} ${objectInError.value}` : 'payload'} is not known`,
        id: objectInError ? { value: objectInError.value, objectType: objectInError.objectType } : undefined,
      },
    ],
  };
  const detail = buildMessage(
    { kind: 'fault', noun: header.noun, reply },
    { form: 'typed', ...(behaviour?.namespaces === 'iec2017' && has2017Wrapper(header.noun) ? { schemaSet: 'iec2017' } : {}) },
  );
  return soapFaultAnswer(version, status, `${header.verb} ${header.noun} failed`, detail);
}
