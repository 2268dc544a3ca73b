/**
 * IEC 61968-100 verbs and namespaces (../shared/cim/NOTES.md §3–§4). Only the 14 verbs of the
 * final Message.xsd enumeration; the draft verbs (show, subscribe, report, …) are refused.
 */
export const VERBS = [
  'create',
  'created',
  'change',
  'changed',
  'cancel',
  'canceled',
  'close',
  'closed',
  'delete',
  'deleted',
  'get',
  'reply',
  'execute',
  'executed',
] as const;
export type Verb = (typeof VERBS)[number];

export const isVerb = (value: string): value is Verb => (VERBS as readonly string[]).includes(value);

/** Verbs carried by a RequestMessage, an EventMessage (past tense) and a ResponseMessage (NOTES.md §4). */
export const REQUEST_VERBS = ['create', 'change', 'cancel', 'close', 'delete', 'get', 'execute'] as const satisfies readonly Verb[];
export const EVENT_VERBS = ['created', 'changed', 'canceled', 'closed', 'deleted', 'executed'] as const satisfies readonly Verb[];
export type RequestVerb = (typeof REQUEST_VERBS)[number];
export type EventVerb = (typeof EVENT_VERBS)[number];

/** 61968-100:2013 envelope namespace (the CX Message.xsd; the draft "www.iec.ch" one is not accepted). */
export const MESSAGE_NS = 'http://iec.ch/TC57/2011/schema/message';
/** The draft envelope of the older openwms/EPRI schemas, the only ones with MeterServiceRequests (SOURCES.md §2). */
export const DRAFT_MESSAGE_NS = 'http://www.iec.ch/TC57/2011/schema/message';

/**
 * iec2013 = the CX schemas (61968-100:2013 namespaces); openwmsDraft = the EPRI set with "www.iec.ch"
 * namespaces; iec2017 = the 2013 envelope and payloads with the typed wrappers in
 * `http://iec.ch/TC57/2017/<Noun>Message` (as the JAX-WS example r0ckflite/cim4 ReadMe @ 1b89e163 and
 * its ExecuteEndDeviceControls.wsdl @ e5326175 write them): Header fields stay in the 2011 message
 * namespace, payloads in `http://iec.ch/TC57/2011/<Noun>#`.
 */
export type SchemaSet = 'iec2013' | 'openwmsDraft' | 'iec2017';
const host = (set: SchemaSet) => (set === 'openwmsDraft' ? 'www.iec.ch' : 'iec.ch');
const wrapperYear = (set: SchemaSet) => (set === 'iec2017' ? '2017' : '2011');
export const messageNamespace = (set: SchemaSet = 'iec2013'): string => (set === 'openwmsDraft' ? DRAFT_MESSAGE_NS : MESSAGE_NS);

/** Namespace of a typed wrapper `<Noun>Message.xsd`, e.g. …/MeterReadingsMessage. */
export const typedMessageNamespace = (wrapperNoun: string, set: SchemaSet = 'iec2013'): string =>
  `http://${host(set)}/TC57/${wrapperYear(set)}/${wrapperNoun}Message`;

/**
 * The wrapper noun of a typed-wrapper namespace in any set this app reads (2011 or 2017 wrappers on
 * iec.ch; the draft www.iec.ch ones when `draft`), or undefined for any other namespace.
 */
export function typedWrapperOf(namespace: string | undefined, draft = true): string | undefined {
  const host = draft ? '(?:www\\.)?iec\\.ch' : 'iec\\.ch';
  const match = new RegExp(`^http://(${host})/TC57/(2011|2017)/(\\w+)Message$`).exec(namespace ?? '');
  if (!match || (match[1] !== 'iec.ch' && match[2] !== '2011')) return undefined;
  return match[3];
}

/** Namespace of a 61968-9 payload `<Noun>.xsd`, e.g. …/MeterReadings#. */
export const payloadNamespace = (noun: string): string => `http://iec.ch/TC57/2011/${noun}#`;

const capitalise = (verb: string) => verb.charAt(0).toUpperCase() + verb.slice(1);

export type MessageKind = 'request' | 'response' | 'event' | 'fault';

/**
 * The global element a typed `<Noun>Message.xsd` declares for a verb: Create<Noun>, Created<Noun>,
 * Get<Noun>, <Noun>ResponseMessage, <Noun>FaultMessage. The CX wrappers have no Execute elements,
 * so execute/executed return null (send those in the generic envelope).
 */
export function typedRootName(kind: MessageKind, verb: Verb | undefined, noun: string): string | null {
  if (kind === 'response') return `${noun}ResponseMessage`;
  if (kind === 'fault') return `${noun}FaultMessage`;
  if (verb === undefined || verb === 'execute' || verb === 'executed' || verb === 'reply') return null;
  return `${capitalise(verb)}${noun}`;
}
