/**
 * Builds a complete IEC 61968-100 message as XML text, in one of two forms:
 * - typed: the `<Noun>Message.xsd` wrapper (CreatedMeterReadings, GetMeterReadings,
 *   EndDeviceControlsResponseMessage …), whose Payload is checked by the schema;
 * - generic: Message.xsd's RequestMessage / ResponseMessage / EventMessage / FaultMessage, whose
 *   Payload is xs:any (NOTES.md §2) and the only form that can carry Payload/Compressed.
 * Element order follows the XSD sequences; see parts.ts and the payload modules.
 */
import { isPayloadNoun, writePayloadBody } from '../payloads';
import { el, opt, serializeXml, type XElement } from '../xml/xmlWriter';
import { requestChildren, writeHeader, writeReply } from './parts';
import type { CimMessage, EnvelopeForm, Header, PayloadContent } from './types';
import { EVENT_VERBS, REQUEST_VERBS, isVerb, messageNamespace, typedMessageNamespace, typedRootName, type SchemaSet } from './verbs';

export class CimBuildError extends Error {
  override readonly name = 'CimBuildError';
}

const GENERIC_ROOT = { request: 'RequestMessage', response: 'ResponseMessage', event: 'EventMessage', fault: 'FaultMessage' } as const;

function checkHeader(kind: CimMessage['kind'], header: Header): void {
  if (!isVerb(header.verb)) throw new CimBuildError(`unknown verb "${String(header.verb)}" (IEC 61968-100 allows only the 14 final verbs)`);
  const ok =
    kind === 'request'
      ? (REQUEST_VERBS as readonly string[]).includes(header.verb)
      : kind === 'event'
        ? (EVENT_VERBS as readonly string[]).includes(header.verb)
        : header.verb === 'reply';
  if (!ok) throw new CimBuildError(`verb "${header.verb}" does not belong in a ${GENERIC_ROOT[kind]} (NOTES.md §4)`);
  if (!header.noun) throw new CimBuildError('Header.Noun is required');
}

function expectedBodyNoun(header: Header): string {
  return header.verb === 'get' ? `Get${header.noun}` : header.noun;
}

function payloadChildren(payload: PayloadContent, q: string, typed: boolean, header: Header): XElement[] {
  if (payload.kind === 'compressed') {
    if (typed)
      throw new CimBuildError('Payload/Compressed needs the generic envelope: a typed <Noun>Message.xsd payload requires the noun element');
    return [el(`${q}Compressed`, payload.data), opt(`${q}Format`, payload.format)].filter((x): x is XElement => x !== undefined);
  }
  if (payload.body.noun !== expectedBodyNoun(header)) {
    throw new CimBuildError(`payload ${payload.body.noun} does not match Header ${header.verb} ${header.noun}`);
  }
  return [writePayloadBody(payload.body), opt(`${q}Format`, payload.format)].filter((x): x is XElement => x !== undefined);
}

function genericRoot(msg: CimMessage, set: SchemaSet): XElement {
  const q = 'msg:';
  const attrs = { 'xmlns:msg': messageNamespace(set) };
  if (msg.kind === 'fault') return el(`${q}FaultMessage`, [writeReply(`${q}Reply`, msg.reply)], attrs);
  const parts: (XElement | undefined)[] = [writeHeader(`${q}Header`, msg.header)];
  if (msg.kind === 'request' && msg.request) parts.push(el(`${q}Request`, requestChildren(msg.request)));
  if (msg.kind === 'response') parts.push(writeReply(`${q}Reply`, msg.reply));
  if (msg.payload) parts.push(el(`${q}Payload`, payloadChildren(msg.payload, q, false, msg.header)));
  return el(q + GENERIC_ROOT[msg.kind], parts, attrs);
}

function typedRoot(msg: CimMessage, set: SchemaSet): XElement {
  const q = 'tns:';
  if (msg.kind === 'fault') {
    return el(`${q}${msg.noun}FaultMessage`, [writeReply(`${q}Reply`, msg.reply)], {
      'xmlns:tns': typedMessageNamespace(msg.noun, set),
      'xmlns:msg': messageNamespace(set),
    });
  }
  const { header } = msg;
  const isGet = msg.kind === 'request' && header.verb === 'get';
  const wrapper = isGet ? `Get${header.noun}` : header.noun;
  const name = isGet ? wrapper : typedRootName(msg.kind, header.verb, header.noun);
  if (name === null)
    throw new CimBuildError(`the typed ${header.noun}Message.xsd has no element for verb "${header.verb}": use the generic envelope`);
  if (!isPayloadNoun(wrapper)) throw new CimBuildError(`no typed wrapper known for ${wrapper}`);
  const parts: (XElement | undefined)[] = [writeHeader(`${q}Header`, header)];
  if (isGet) {
    // GetMeterReadingsMessage.xsd: Request is required and carries the Get<Noun> element; its ID is a plain string.
    const request = msg.request ?? {};
    if (request.ids?.some((id) => id.idType ?? id.idAuthority ?? id.kind ?? id.objectType)) {
      throw new CimBuildError(`Request/ID in a typed Get${header.noun} carries no attributes: use the generic envelope`);
    }
    if (msg.payload?.kind !== 'xml') throw new CimBuildError(`a typed Get${header.noun} needs the Get${header.noun} element as payload`);
    parts.push(
      el(`${q}Request`, [
        ...requestChildren(request, q, 'msg:', false),
        ...payloadChildren({ ...msg.payload, format: undefined }, q, true, header),
      ]),
    );
  } else {
    if (msg.kind === 'request' && msg.request) parts.push(el(`${q}Request`, requestChildren(msg.request)));
    if (msg.kind === 'response') parts.push(writeReply(`${q}Reply`, msg.reply));
    if (msg.payload) parts.push(el(`${q}Payload`, payloadChildren(msg.payload, q, true, header)));
  }
  return el(q + name, parts, { 'xmlns:tns': typedMessageNamespace(wrapper, set), 'xmlns:msg': messageNamespace(set) });
}

/** MeterServiceRequests exists only in the openwms draft set (NOTES.md §5). */
const DRAFT_ONLY = new Set(['MeterServiceRequests']);
export const isDraftOnlyNoun = (noun: string): boolean => DRAFT_ONLY.has(noun);

export function buildMessageElement(msg: CimMessage, form: EnvelopeForm = 'typed', schemaSet?: SchemaSet): XElement {
  if (msg.kind !== 'fault') checkHeader(msg.kind, msg.header);
  const noun = msg.kind === 'fault' ? msg.noun : msg.header.noun;
  // No 2013 or 2017 wrapper exists for a draft-only noun (its payload repeats the draft Header): it stays in the draft set.
  const set = DRAFT_ONLY.has(noun) && (schemaSet === undefined || schemaSet === 'iec2017') ? 'openwmsDraft' : (schemaSet ?? 'iec2013');
  if (set === 'openwmsDraft' && msg.kind !== 'fault' && msg.header.verb === 'executed')
    throw new CimBuildError('the draft envelope has no verb "executed"');
  return form === 'typed' ? typedRoot(msg, set) : genericRoot(msg, set);
}

export interface BuildOptions {
  readonly form?: EnvelopeForm;
  readonly pretty?: boolean;
  /** Defaults to iec2013; MeterServiceRequests is built in openwmsDraft unless that or iec2013 is asked for. */
  readonly schemaSet?: SchemaSet;
}

export function buildMessage(msg: CimMessage, options: BuildOptions = {}): string {
  return serializeXml(buildMessageElement(msg, options.form ?? 'typed', options.schemaSet), { pretty: options.pretty });
}

/** The payload element alone, for the second step of the generic-envelope check or for compression. */
export function buildPayloadDocument(body: PayloadContent & { kind: 'xml' }, options: { readonly pretty?: boolean } = {}): string {
  return serializeXml(writePayloadBody(body.body), options);
}
