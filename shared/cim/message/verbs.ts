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

/** iec2013 = the CX schemas (61968-100:2013 namespaces); openwmsDraft = the EPRI set with "www.iec.ch" namespaces. */
export type SchemaSet = 'iec2013' | 'openwmsDraft';
const host = (set: SchemaSet) => (set === 'openwmsDraft' ? 'www.iec.ch' : 'iec.ch');
export const messageNamespace = (set: SchemaSet = 'iec2013'): string => (set === 'openwmsDraft' ? DRAFT_MESSAGE_NS : MESSAGE_NS);

/** Namespace of a typed wrapper `<Noun>Message.xsd`, e.g. …/MeterReadingsMessage. */
export const typedMessageNamespace = (wrapperNoun: string, set: SchemaSet = 'iec2013'): string =>
  `http://${host(set)}/TC57/2011/${wrapperNoun}Message`;
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
