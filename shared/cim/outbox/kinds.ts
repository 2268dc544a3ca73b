/**
 * Every kind of message Fieldmeter queues in its outbox: the 61968-9 noun, the verbs it is sent
 * with, and the payload schema. The row stores its kind (`outbox.kind`, migration 13), so a
 * payload is read by the schema of its kind and never told apart by sniffing its fields; several
 * kinds share a noun (three EndDeviceEvents, three EndDeviceControls).
 */
import { z } from 'zod';
import type { Verb } from '../message/verbs';
import type { PayloadNoun } from '../payloads';
import {
  linkagePayload,
  loadProfilePayload,
  meterConfigPayload,
  meterReadingsPayload,
  meterStatusEventsPayload,
  opticalControlPayload,
  panConfigPayload,
  panPairingPayload,
  serviceReportPayload,
  skipEventPayload,
  switchControlPayload,
  switchEventPayload,
  visitReceiptPayload,
} from './payloads';

/**
 * Header.Noun of a document the field sends (a visit receipt): not a 61968-9 payload noun, as the PDF
 * travels in Payload/Compressed (61968-100 PayloadType: "for compressed and/or binary payloads").
 */
export const DOCUMENT_NOUN = 'Document';

interface KindDefinition {
  readonly noun: PayloadNoun | typeof DOCUMENT_NOUN;
  /** The first is the verb a message of this kind is queued with unless the caller names another. */
  readonly verbs: readonly [Verb, ...Verb[]];
  readonly payload: z.ZodType;
}

export const outboxKinds = {
  meterReadings: { noun: 'MeterReadings', verbs: ['created'], payload: meterReadingsPayload },
  skipEvent: { noun: 'EndDeviceEvents', verbs: ['created'], payload: skipEventPayload },
  meterStatusEvents: { noun: 'EndDeviceEvents', verbs: ['created'], payload: meterStatusEventsPayload },
  switchEvent: { noun: 'EndDeviceEvents', verbs: ['created'], payload: switchEventPayload },
  opticalControl: { noun: 'EndDeviceControls', verbs: ['created'], payload: opticalControlPayload },
  switchControl: { noun: 'EndDeviceControls', verbs: ['created'], payload: switchControlPayload },
  panPairing: { noun: 'EndDeviceControls', verbs: ['create'], payload: panPairingPayload },
  panConfig: { noun: 'EndDeviceConfig', verbs: ['create', 'change'], payload: panConfigPayload },
  linkage: { noun: 'MasterDataLinkageConfig', verbs: ['create', 'close'], payload: linkagePayload },
  meterConfig: { noun: 'MeterConfig', verbs: ['change'], payload: meterConfigPayload },
  serviceReport: { noun: 'MeterServiceRequests', verbs: ['changed', 'created'], payload: serviceReportPayload },
  loadProfile: { noun: 'MeterReadings', verbs: ['created'], payload: loadProfilePayload },
  visitReceipt: { noun: DOCUMENT_NOUN, verbs: ['created'], payload: visitReceiptPayload },
} as const satisfies Record<string, KindDefinition>;

type Kinds = typeof outboxKinds;
export type OutboxKind = keyof Kinds;
export const OUTBOX_KINDS = Object.keys(outboxKinds) as OutboxKind[];
export type OutboxNoun = Kinds[OutboxKind]['noun'];
export type OutboxNounOf<K extends OutboxKind> = Kinds[K]['noun'];
export type OutboxVerbList<K extends OutboxKind> = Kinds[K]['verbs'];
export type OutboxVerb<K extends OutboxKind = OutboxKind> = OutboxVerbList<K>[number];
/** The payload as a service writes it (defaults may be left out). */
export type OutboxPayloadInput<K extends OutboxKind> = z.input<Kinds[K]['payload']>;
/** The payload as a renderer reads it, defaults filled in. */
export type OutboxPayload<K extends OutboxKind> = z.output<Kinds[K]['payload']>;

export const isOutboxKind = (value: string): value is OutboxKind => Object.hasOwn(outboxKinds, value);
export const nounOfKind = <K extends OutboxKind>(kind: K): OutboxNounOf<K> => outboxKinds[kind].noun;
export const isVerbOfKind = <K extends OutboxKind>(kind: K, verb: string): verb is OutboxVerb<K> =>
  (outboxKinds[kind].verbs as readonly string[]).includes(verb);

const variant = <K extends OutboxKind>(kind: K) =>
  z.object({ kind: z.literal(kind), payload: outboxKinds[kind].payload as Kinds[K]['payload'] });

/** The outbox's payloads as one discriminated union on `kind`. */
export const outboxMessageSchema = z.discriminatedUnion('kind', [
  variant('meterReadings'),
  variant('skipEvent'),
  variant('meterStatusEvents'),
  variant('switchEvent'),
  variant('opticalControl'),
  variant('switchControl'),
  variant('panPairing'),
  variant('panConfig'),
  variant('linkage'),
  variant('meterConfig'),
  variant('serviceReport'),
  variant('loadProfile'),
  variant('visitReceipt'),
]);
export type OutboxMessage = z.output<typeof outboxMessageSchema>;

// The union above lists every kind once: a kind added to outboxKinds without its variant fails here.
type Listed = OutboxMessage['kind'];
const _everyKindListed: Record<Exclude<OutboxKind, Listed>, never> = {};
void _everyKindListed;

/** Reads a stored payload by its kind's schema; the issues say what is wrong with it. */
export function parseOutboxPayload<K extends OutboxKind>(kind: K, payload: unknown): z.ZodSafeParseResult<OutboxPayload<K>> {
  return outboxKinds[kind].payload.safeParse(payload) as z.ZodSafeParseResult<OutboxPayload<K>>;
}
