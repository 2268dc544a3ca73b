/**
 * Applies one inbound IEC 61968-100 message (typed or generic envelope) of noun MeterConfig,
 * UsagePointConfig, MasterDataLinkageConfig or MeterServiceRequests in ONE transaction: the
 * changes, an `inbox` row (status applied, with the counts) and an audit row. Anything wrong —
 * not well-formed, not the envelope, a DTD, a noun or verb not imported, a payload that fails its
 * checks, a reference to an unknown meter or usage point — throws InboundRejection (with the line
 * where there is one) and nothing is written. A redelivered MessageID is ignored.
 */
import { createHash } from 'node:crypto';
import { parseMessage, type PayloadBody } from '../../../shared/cim';
import { CimXmlError } from '../../../shared/cim/xml/safeXml';
import { decompressPayload } from '../messages/compression';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { InboundRejection, type Counts, type InboundContext } from './context';
import { applyLinkage } from './linkage';
import { applyMeterConfig } from './meterConfig';
import { applyReadRequest } from './readRequest';
import { applyServiceRequests } from './serviceRequests';
import { applyUsagePointConfig } from './usagePointConfig';

/** The nouns imported, and the verbs each accepts. */
export const INBOUND_VERBS: Readonly<Record<string, readonly string[]>> = {
  MeterConfig: ['create', 'created', 'change', 'changed'],
  UsagePointConfig: ['create', 'created', 'change', 'changed'],
  MasterDataLinkageConfig: ['create', 'created', 'close', 'closed'],
  MeterServiceRequests: ['create', 'created'],
  MeterReadings: ['get'],
};

export interface InboundResult {
  noun: string;
  verb: string;
  messageId: string;
  applied: Counts;
  /** True when this MessageID was received before: nothing applied again. */
  duplicate?: boolean;
}

interface Parsed {
  noun: string;
  verb: string;
  messageId: string;
  correlationId?: string;
  timestamp?: string;
  body: PayloadBody;
}

function rejectionOf(error: unknown): never {
  if (error instanceof CimXmlError) throw new InboundRejection(error.message.replace(/^line \d+: /, ''), error.line);
  throw error;
}

export function readInbound(xml: string): Parsed {
  try {
    const message = parseMessage(xml, undefined, { allowDraftEnvelope: true });
    if (message.kind === 'fault') throw new InboundRejection(`${message.noun}FaultMessage: a fault is not something to import`, 1);
    const { header } = message;
    const verbs = INBOUND_VERBS[header.noun];
    if (!verbs) throw new InboundRejection(`noun "${header.noun}" is not imported (only ${Object.keys(INBOUND_VERBS).join(', ')})`);
    if (!verbs.includes(header.verb)) throw new InboundRejection(`verb "${header.verb}" is not imported for ${header.noun} (only ${verbs.join(', ')})`);
    if (!message.payload) throw new InboundRejection(`${header.noun}: the message has no Payload`);
    const payload = message.payload.kind === 'compressed' ? decompressPayload(message.payload) : message.payload;
    // A get request carries Get<Noun> (GetMeterReadings for noun MeterReadings).
    if (payload.body.noun !== (header.verb === 'get' ? `Get${header.noun}` : header.noun)) throw new InboundRejection(`the Payload holds ${payload.body.noun}, but Header/Noun says ${header.noun}`);
    const messageId = header.messageID?.trim() || `sha256:${createHash('sha256').update(xml).digest('hex')}`;
    return { noun: header.noun, verb: header.verb, messageId, correlationId: header.correlationID, timestamp: header.timestamp, body: payload.body };
  } catch (error) {
    return rejectionOf(error);
  }
}

function applyBody(ctx: InboundContext, verb: string, body: PayloadBody): Counts {
  switch (body.noun) {
    case 'MeterConfig':
      return applyMeterConfig(ctx, verb, body.value);
    case 'UsagePointConfig':
      return applyUsagePointConfig(ctx, verb, body.value);
    case 'MasterDataLinkageConfig':
      return applyLinkage(ctx, verb, body.value);
    case 'MeterServiceRequests':
      return applyServiceRequests(ctx, body.value);
    case 'GetMeterReadings':
      return applyReadRequest(ctx, body.value);
    default:
      throw new InboundRejection(`noun "${body.noun}" is not imported`);
  }
}

export function applyInboundMessage(store: Store, actor: Actor, xml: string, options: { fileName?: string; now?: Date } = {}): InboundResult {
  const parsed = readInbound(xml);
  const at = (options.now ?? new Date()).toISOString();
  const { noun, verb, messageId } = parsed;
  return store.transaction(() => {
    const received = store.inbox.receive({ messageId, correlationId: parsed.correlationId, noun, verb, payload: parsed.body.value, receivedAt: at });
    if (!received) return { noun, verb, messageId, applied: {}, duplicate: true };
    const inboxId = store.inbox.list({ status: 'received', limit: 1 })[0]?.id;
    const applied = applyBody({ store, actor, at, messageId, sentAt: parsed.timestamp, xml }, verb, parsed.body);
    if (inboxId !== undefined) store.inbox.finish(inboxId, 'applied', at, null, [applied]);
    store.journal.audit(actor, { action: 'inbox.apply', entity: 'inbox', entityId: messageId, details: { noun, verb, file: options.fileName ?? null, applied } });
    return { noun, verb, messageId, applied };
  });
}
