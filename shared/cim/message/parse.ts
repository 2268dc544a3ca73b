/**
 * Reads an IEC 61968-100 message (typed `<Noun>Message.xsd` wrapper or generic Message.xsd) into
 * a CimMessage. Parsing goes through parseXmlSafely (no DTD, limits, line-numbered errors); then
 * the envelope is checked: known namespace, one of the 14 verbs, a root element that matches
 * verb and noun, a Reply.Result from OK | PARTIAL | FAILED.
 */
import { isPayloadNoun, readPayloadBody, type PayloadNoun } from '../payloads';
import { child, str, type XmlValue } from '../xml/read';
import { CimXmlError, defaultXmlLimits, lineAt, parseXmlSafely, type XmlLimits } from '../xml/safeXml';
import { readHeader, readReply, readRequest } from './parts';
import type { CimMessage, EnvelopeForm, Header, PayloadContent } from './types';
import { DRAFT_MESSAGE_NS, EVENT_VERBS, MESSAGE_NS, typedRootName, typedWrapperOf } from './verbs';

export type ParsedMessage = CimMessage & { form: EnvelopeForm };

const ENVELOPE_CHILDREN = new Set(['Format', 'Compressed', 'OperationSet', 'ID', '#text']);

/** The payload-noun child of a Request or Payload node (a typed Get<Noun> carries its body inside Request). */
export function findBody(container: XmlValue | undefined): { noun: PayloadNoun; node: XmlValue } | undefined {
  if (typeof container !== 'object') return undefined;
  for (const key of Object.keys(container)) {
    if (ENVELOPE_CHILDREN.has(key) || key.startsWith('@_') || key.startsWith('StartTime') || ['EndTime', 'Option'].includes(key)) continue;
    if (!isPayloadNoun(key)) throw new CimXmlError('INVALID_MESSAGE', `payload element ${key} is not a noun Fieldmeter reads`);
    const node = child(container, key);
    if (node !== undefined) return { noun: key, node };
  }
  return undefined;
}

function readPayload(node: XmlValue | undefined): PayloadContent | undefined {
  if (node === undefined) return undefined;
  const format = str(node, 'Format');
  const compressed = str(node, 'Compressed');
  if (compressed !== undefined) return { kind: 'compressed', data: compressed.trim(), format };
  const body = findBody(node);
  return body === undefined ? undefined : { kind: 'xml', body: readPayloadBody(body.noun, body.node), format };
}

function kindOf(rootName: string, header: Header | undefined, form: EnvelopeForm): CimMessage['kind'] {
  if (form === 'generic') {
    const kinds = { RequestMessage: 'request', ResponseMessage: 'response', EventMessage: 'event', FaultMessage: 'fault' } as const;
    const kind = kinds[rootName as keyof typeof kinds];
    if (!kind) throw new CimXmlError('INVALID_MESSAGE', `root element ${rootName} is not a 61968-100 message`, 1);
    return kind;
  }
  if (rootName.endsWith('FaultMessage')) return 'fault';
  if (rootName.endsWith('ResponseMessage')) return 'response';
  return header && (EVENT_VERBS as readonly string[]).includes(header.verb) ? 'event' : 'request';
}

export interface ParseOptions {
  /** Accept the openwms/EPRI draft envelope ("www.iec.ch" namespaces), needed for MeterServiceRequests. */
  readonly allowDraftEnvelope?: boolean;
}

export interface EnvelopeHead {
  readonly form: EnvelopeForm;
  readonly kind: CimMessage['kind'];
  /** Absent only for a fault. */
  readonly header: Header | undefined;
}

/**
 * The checks of the envelope that need only its root and Header: the 61968-100 namespace (typed
 * wrapper or generic), the kind of message, a Header with one of the 14 verbs, and a typed root
 * element that matches verb and noun. A streamed message is checked with it before its payload.
 */
export function readEnvelopeHead(
  rootName: string,
  rootNamespace: string | undefined,
  headerNode: XmlValue | undefined,
  lineOf: (needle: string) => number | undefined,
  options: ParseOptions = {},
): EnvelopeHead {
  // The typed wrappers of 2011 and of 2017 (http://iec.ch/TC57/2017/<Noun>Message): the same elements in another namespace.
  const typedWrapper = typedWrapperOf(rootNamespace, options.allowDraftEnvelope === true);
  const generic = rootNamespace === MESSAGE_NS || (options.allowDraftEnvelope === true && rootNamespace === DRAFT_MESSAGE_NS);
  const form: EnvelopeForm | undefined = generic ? 'generic' : typedWrapper ? 'typed' : undefined;
  if (!form)
    throw new CimXmlError('INVALID_MESSAGE', `namespace "${rootNamespace ?? ''}" of ${rootName} is not the IEC 61968-100:2013 envelope`, 1);
  const header = headerNode === undefined ? undefined : readHeader(headerNode, lineOf);
  const kind = kindOf(rootName, header, form);
  if (kind === 'fault') return { form, kind, header };
  if (!header) throw new CimXmlError('INVALID_MESSAGE', `${rootName}: Header is missing`);
  if (form === 'typed') {
    const isGet = header.verb === 'get';
    const expected = isGet ? `Get${header.noun}` : typedRootName(kind, header.verb, header.noun);
    if (expected !== rootName && !(kind === 'response' && rootName === `${header.noun}ResponseMessage`)) {
      throw new CimXmlError(
        'INVALID_MESSAGE',
        `root element ${rootName} does not match verb "${header.verb}" and noun "${header.noun}"`,
        1,
      );
    }
  }
  return { form, kind, header };
}

export function parseMessage(xml: string, limits: XmlLimits = defaultXmlLimits, options: ParseOptions = {}): ParsedMessage {
  const { rootName, rootNamespace, root } = parseXmlSafely(xml, limits);
  const node = root as XmlValue;
  const lineOf = (needle: string) => {
    const at = xml.indexOf(needle);
    return at === -1 ? undefined : lineAt(xml, at);
  };
  const { form, kind, header } = readEnvelopeHead(rootName, rootNamespace, child(node, 'Header'), lineOf, options);
  if (kind === 'fault') {
    const noun = form === 'typed' ? rootName.replace(/FaultMessage$/, '') : '';
    return { form, kind, noun, reply: readReply(child(node, 'Reply')) };
  }
  if (!header) throw new CimXmlError('INVALID_MESSAGE', `${rootName}: Header is missing`);

  const requestNode = child(node, 'Request');
  const payload = readPayload(child(node, 'Payload'));
  switch (kind) {
    case 'request': {
      const request = requestNode === undefined ? undefined : readRequest(requestNode);
      // A typed Get<Noun> carries its payload inside Request (GetMeterReadingsMessage.xsd).
      const inRequest = form === 'typed' && header.verb === 'get' ? findBody(requestNode) : undefined;
      const getPayload: PayloadContent | undefined = inRequest && { kind: 'xml', body: readPayloadBody(inRequest.noun, inRequest.node) };
      return { form, kind, header, request, payload: getPayload ?? payload };
    }
    case 'response':
      return { form, kind, header, reply: readReply(child(node, 'Reply')), payload };
    case 'event':
      return { form, kind, header, payload };
  }
}

/** Reads a payload document on its own (the second step of a generic-envelope check). */
export function parsePayloadDocument(xml: string, limits: XmlLimits = defaultXmlLimits): PayloadContent & { kind: 'xml' } {
  const { rootName, root } = parseXmlSafely(xml, limits);
  if (!isPayloadNoun(rootName)) throw new CimXmlError('INVALID_MESSAGE', `root element ${rootName} is not a noun Fieldmeter reads`, 1);
  return { kind: 'xml', body: readPayloadBody(rootName, root as XmlValue) };
}
