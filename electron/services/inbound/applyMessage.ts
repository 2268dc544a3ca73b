/**
 * Applies one inbound IEC 61968-100 message (typed or generic envelope) of noun MeterConfig, EndDeviceEvents (PAN join),
 * UsagePointConfig, MasterDataLinkageConfig or MeterServiceRequests in ONE transaction: the
 * changes, an `inbox` row (status applied, with the counts) and an audit row. Anything wrong —
 * not well-formed, not the envelope, a DTD, a noun or verb not imported, a payload that fails its
 * checks, a reference to an unknown meter or usage point — throws InboundRejection (with the line
 * where there is one) and nothing is written. A redelivered MessageID is ignored.
 *
 * The message is streamed (issue 4: files up to 100 MB): a hardened tokenizer reads it piece by
 * piece, the Header is checked before anything is applied, and the payload's items reach the
 * per-noun appliers one at a time (STREAMED_ITEMS), a Compressed payload inflated on the way.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { readPayloadBody, type PayloadBody, type PayloadNoun } from '../../../shared/cim';
import type { Header } from '../../../shared/cim/message/types';
import { EnvelopeReader, PayloadReader, type ItemSource } from '../../../shared/cim/message/stream';
import type { IntegrationProfile } from '../../../shared/cim/integrationProfile';
import { endpointProblem, redactEndpoint } from '../../../shared/domain/syncEndpoint';
import { SoapUnwrap } from '../../../shared/cim/message/soapUnwrap';
import type { XmlValue } from '../../../shared/cim/xml/read';
import { CimXmlError } from '../../../shared/cim/xml/safeXml';
import { XmlTokenizer, type XmlStreamLimits } from '../../../shared/cim/xml/xmlStream';
import type { Store } from '../store';
import { storedProfile } from '../sync/profileFile';
import type { Actor } from '../store/repositories/journal';
import type { Change } from '../store/mutation';
import type { XsdValidator } from '../messages/xsdValidator';
import { inflateCompressedPayload } from './compressedStream';
import { checkInboundAgainstSchemas } from './schemaCheck';
import { refused, type Counts, type InboundContext } from './context';
import { applyLinkage } from './linkage';
import { applyMeterConfig } from './meterConfig';
import type { InboundKeys } from './meterConfigKeys';
import { applyMeterHistory } from './meterHistory';
import { applyPanJoinEvents } from './panJoinEvents';
import { applyServiceCancellations } from './serviceCancellations';
import { applyReadRequest } from './readRequest';
import { applyControlRequests } from './controlRequest';
import { applyServiceRequests, dispatchType } from './serviceRequests';
import { isSwitchType } from './switchOrders';
import { applyUsagePointConfig } from './usagePointConfig';

/** The nouns imported, and the verbs each accepts. */
export const INBOUND_VERBS: Readonly<Record<string, readonly string[]>> = {
  MeterConfig: ['create', 'created', 'change', 'changed'],
  UsagePointConfig: ['create', 'created', 'change', 'changed'],
  MasterDataLinkageConfig: ['create', 'created', 'close', 'closed'],
  MeterServiceRequests: ['create', 'created', 'change', 'changed', 'cancel', 'canceled'],
  EndDeviceEvents: ['create', 'created'],
  /**
   * A get request: its payload is GetMeterReadings (an on-demand read of one meter). The others
   * carry the meter's validated history from the enterprise (meterHistory.ts).
   */
  MeterReadings: ['get', 'create', 'created', 'change', 'changed', 'reply'],
  /** Controls for the field to carry out (clock set, demand reset), and their cancellation. */
  EndDeviceControls: ['create', 'cancel', 'canceled'],
};

/**
 * Nouns whose payload is a list of independent items, applied one item at a time as they are
 * read (a noun not named here is read whole, up to 32 MB, and applied once).
 */
export const STREAMED_ITEMS: Readonly<Partial<Record<PayloadNoun, string>>> = {
  MeterConfig: 'Meter',
  UsagePointConfig: 'UsagePoint',
};

export interface InboundResult {
  noun: string;
  verb: string;
  messageId: string;
  applied: Counts;
  /** True when this MessageID was received before: nothing applied again. */
  duplicate?: boolean;
}

/** The XML reader's refusal: its code, and its own note on the place (shown as written, like xmllint's). */
const xmlRefusal = (error: CimXmlError, line: number | undefined) =>
  refused('xmlProblem', { problem: error.code, finding: error.message.replace(/^line \d+: /, '') }, line);

function rejectionOf(error: unknown): never {
  if (error instanceof CimXmlError) throw xmlRefusal(error, error.line);
  throw error;
}

const isCancel = (verb: string) => verb === 'cancel' || verb === 'canceled';

/** Requests this device answers later with a message of its own (an on-demand read, a control, a work order's outcome). */
const ANSWERED_NOUNS = new Set(['MeterReadings', 'EndDeviceControls', 'MeterServiceRequests']);

/**
 * Header/ReplyAddress of a request, where its answer must go (IEC 61968-100). It gets the same
 * checks as the endpoint (https, or this computer): a request whose answer could only go to an
 * address that fails them is refused, not answered elsewhere. Other messages keep a valid one only.
 */
function checkedReplyAddress(header: Header): string | null {
  const address = header.replyAddress?.trim();
  if (!address) return null;
  const problem = endpointProblem(address);
  if (problem === null) return address;
  // MeterReadings is answered when asked for (get); history the enterprise sends is not a request.
  const answered = ANSWERED_NOUNS.has(header.noun) && (header.noun !== 'MeterReadings' || header.verb === 'get');
  // Never a user or password in what is kept and shown (shared/domain/syncEndpoint.ts).
  if (answered) throw refused('replyAddressRefused', { address: redactEndpoint(address).slice(0, 200), problem });
  return null;
}

/** The payload a header announces: a get request carries Get<Noun> (GetMeterReadings for noun MeterReadings). */
const payloadNounOf = (header: Header) => (header.verb === 'get' ? `Get${header.noun}` : header.noun);

function applyBody(ctx: InboundContext, verb: string, body: PayloadBody): Counts {
  switch (body.noun) {
    case 'MeterConfig':
      return applyMeterConfig(ctx, verb, body.value);
    case 'UsagePointConfig':
      return applyUsagePointConfig(ctx, verb, body.value);
    case 'MasterDataLinkageConfig':
      return applyLinkage(ctx, verb, body.value);
    case 'MeterServiceRequests': {
      // Dispatched on the coded kind first, the free-text type as a fallback (serviceRequests.ts).
      const value = body.value.work ? { ...body.value, work: body.value.work.map((w) => ({ ...w, type: dispatchType(w) })) } : body.value;
      return isCancel(verb) && !(value.work ?? []).some((w) => isSwitchType(w.type))
        ? applyServiceCancellations(ctx, value)
        : applyServiceRequests(ctx, value, verb);
    }
    case 'EndDeviceEvents':
      return applyPanJoinEvents(ctx, body.value);
    case 'GetMeterReadings':
      return applyReadRequest(ctx, body.value);
    case 'MeterReadings':
      return applyMeterHistory(ctx, body.value);
    case 'EndDeviceControls':
      return applyControlRequests(ctx, verb, body.value);
    default:
      throw refused('nounNotImported', { noun: body.noun, known: Object.keys(INBOUND_VERBS) });
  }
}

/** A message's text, readable more than once (a second pass only hashes a message without MessageID). */
export interface InboundSource {
  chunks(): Iterable<string>;
}

const CHUNK_BYTES = 1024 * 1024;

/** A message file read in 1 MB pieces. */
export function fileSource(path: string): InboundSource {
  return {
    *chunks() {
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(CHUNK_BYTES);
        const decoder = new StringDecoder('utf8');
        for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield decoder.write(buffer.subarray(0, n));
        const rest = decoder.end();
        if (rest) yield rest;
      } finally {
        closeSync(fd);
      }
    },
  };
}

export interface InboundOptions {
  fileName?: string;
  now?: Date;
  /** Limits of the message and of an inflated Compressed payload (each); the defaults allow 128 MB. */
  limits?: XmlStreamLimits;
  /** The utility's integration profile (status words, code tables); absent: the one stored on the device. */
  profile?: IntegrationProfile;
  /** The utility's schema folder, as a validator: the message must pass it before anything is applied (schemaCheck.ts). */
  schemas?: XsdValidator;
  /** Where a MeterConfig's meter keys go (meterConfigKeys.ts); absent: a message that carries keys is refused. */
  meterKeys?: InboundKeys | undefined;
}

const textSource = (xml: string): InboundSource => ({ chunks: () => [xml] });

/** Thrown at the end of a message whose MessageID was seen before, to leave the transaction untouched. */
class AlreadyReceived extends Error {}

const addCounts = (total: Counts, more: Counts) => {
  for (const [key, n] of Object.entries(more)) total[key] = (total[key] ?? 0) + n;
};

export function applyInboundMessage(store: Store, actor: Actor, xml: string, options: InboundOptions = {}): InboundResult {
  return applyInbound(store, actor, textSource(xml), options);
}

export function applyInboundFile(store: Store, actor: Actor, path: string, options: InboundOptions = {}): InboundResult {
  return applyInbound(store, actor, fileSource(path), options);
}

export function applyInbound(store: Store, actor: Actor, source: InboundSource, options: InboundOptions = {}): InboundResult {
  const at = (options.now ?? new Date()).toISOString();
  let header: Header | undefined;
  let messageId = '';
  let duplicate = false;
  const applied: Counts = {};
  const itemOf = (noun: PayloadNoun) => STREAMED_ITEMS[noun];
  const profile = options.profile ?? storedProfile(store);
  // Before the transaction: a message the utility's schemas refuse applies nothing.
  if (options.schemas) checkInboundAgainstSchemas(options.schemas, [...source.chunks()].join(''));

  const sink = {
    head(head: { kind: string; header: Header | undefined }) {
      if (head.kind === 'fault' || !head.header) throw refused('faultMessage', {}, 1);
      const { noun, verb } = head.header;
      const verbs = INBOUND_VERBS[noun];
      if (!verbs) throw refused('nounNotImported', { noun, known: Object.keys(INBOUND_VERBS) });
      if (!verbs.includes(verb)) throw refused('verbNotImported', { noun, verb, known: [...verbs] });
      header = head.header;
      messageId = header.messageID?.trim() || `sha256:${digest(source)}`;
      const replyAddress = checkedReplyAddress(header);
      // Seen before: read on to the end all the same (a broken or hostile file is still refused), apply nothing.
      duplicate = !store.inbox.receive({
        messageId,
        correlationId: header.correlationID?.trim() || null,
        replyAddress,
        asyncReplyFlag: header.asyncReplyFlag ?? null,
        noun,
        verb,
        payload: { file: options.fileName ?? null, streamed: true },
        receivedAt: at,
      });
    },
    item(noun: PayloadNoun, node: XmlValue, item: ItemSource) {
      if (!header) throw refused('noHeader', {});
      if (duplicate) return;
      if (noun !== payloadNounOf(header)) throw refused('payloadNounMismatch', { payload: noun, noun: header.noun }, item.line);
      if (!change) throw new Error('an item was read outside the message’s mutation');
      const ctx: InboundContext = {
        store,
        actor,
        change,
        at,
        messageId,
        sentAt: header.timestamp,
        xml: item.text,
        firstLine: item.line,
        profile,
        meterKeys: options.meterKeys,
      };
      let body: PayloadBody;
      try {
        body = readPayloadBody(noun, node);
      } catch (error) {
        // A reader's message names the element, not the line: the item's first line is the nearest.
        if (error instanceof CimXmlError && error.line === undefined) throw xmlRefusal(error, item.line);
        throw error;
      }
      addCounts(applied, applyBody(ctx, header.verb, body));
    },
    compressed: () => inflateCompressedPayload((inner) => (compressedPayload = new PayloadReader(inner, sink, itemOf)), options.limits),
  };
  let compressedPayload: PayloadReader | undefined;
  // The message's mutation, open while its items are applied: their audit rows go through it.
  let change: Change | undefined;

  try {
    return store.mutate(actor, (messageChange) => {
      change = messageChange;
      // The reader needs the tokenizer (to keep an item's text) and the tokenizer its reader's events.
      // A message still in its SOAP envelope reaches the reader as the Body's child (soapUnwrap.ts).
      const tokenizer = new XmlTokenizer(
        new SoapUnwrap({ open: (...a) => envelope.open(...a), close: () => envelope.close(), text: (...a) => envelope.text(...a) }),
        options.limits,
      );
      const envelope = new EnvelopeReader(tokenizer, sink, itemOf, { allowDraftEnvelope: true });
      for (const chunk of source.chunks()) tokenizer.write(chunk);
      tokenizer.end();
      if (!header) throw refused('noHeader', {});
      if (compressedPayload && envelope.payload.payloadNoun) throw refused('compressedAndPlain', { noun: envelope.payload.payloadNoun });
      const payload = compressedPayload ?? envelope.payload;
      const inRequest = header.verb === 'get' && !envelope.hasPayload ? envelope.requestBody : undefined;
      if (!inRequest && (!envelope.hasPayload || payload.payloadNoun === undefined)) throw refused('noPayload', { noun: header.noun });
      if (duplicate) throw new AlreadyReceived();
      if (inRequest) sink.item(inRequest.noun, inRequest.node, { text: '', line: inRequest.line });
      // A streamed noun with no item still goes to its applier once, which says what is missing.
      else if (payload.items === 0 && payload.payloadNoun)
        addCounts(
          applied,
          applyBody(
            {
              store,
              actor,
              change: messageChange,
              at,
              messageId,
              sentAt: header.timestamp,
              xml: '',
              profile,
              meterKeys: options.meterKeys,
            },
            header.verb,
            readPayloadBody(payload.payloadNoun, {}),
          ),
        );
      const inboxId = store.inbox.list({ status: 'received', limit: 1 })[0]?.id;
      if (inboxId !== undefined) store.inbox.finish(inboxId, 'applied', at, null, [applied]);
      const { noun, verb } = header;
      messageChange.audit({
        action: 'inbox.apply',
        entity: 'inbox',
        entityId: messageId,
        details: { noun, verb, file: options.fileName ?? null, applied },
      });
      return { noun, verb, messageId, applied };
    });
  } catch (error) {
    if (error instanceof AlreadyReceived && header)
      return { noun: header.noun, verb: header.verb, messageId, applied: {}, duplicate: true };
    return rejectionOf(error);
  }
}

function digest(source: InboundSource): string {
  const hash = createHash('sha256');
  for (const chunk of source.chunks()) hash.update(chunk);
  return hash.digest('hex');
}
