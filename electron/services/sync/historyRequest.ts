/**
 * Asking the enterprise for the meters' validated history (integration profile `meterHistory: ask`,
 * issue 19 §3-4): one GetMeterReadings naming the usage points of the meters on this device, sent
 * after the outbox. Many Java SOAP stacks answer a Get in the HTTP response itself — a
 * ResponseMessage with Reply OK and the MeterReadings Payload — and that answer is applied at once
 * through the inbound path (schema check, MessageID, all or nothing: inbound/applyMessage.ts) as if
 * it had come as a message of its own. A Reply without Payload means the answer comes later, through
 * the queue; a refusal or trouble reaching the peer is reported, and the run goes on.
 */
import { randomUUID } from 'node:crypto';
import { buildMessage } from '../../../shared/cim';
import {
  endpointOf,
  profileSchemaSet,
  soapActionOf,
  withProfileHeader,
  type IntegrationProfile,
} from '../../../shared/cim/integrationProfile';
import { CimXmlError, type XmlLimits } from '../../../shared/cim/xml/safeXml';
import { AppError } from '../../../shared/contract/result';
import { applyInboundMessage } from '../inbound/applyMessage';
import type { XsdValidator } from '../messages/xsdValidator';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { DeliveryContext } from './deliver';
import { keepRefused } from './inbound';
import { readPeerReply } from './peerReply';
import { soapHeaders, wrapSoap, type SoapVersion } from './soap';

/** One request names at most this many usage points (a route's worth); the rest are asked next run. */
const MAX_USAGE_POINTS = 1000;

export type HistoryOutcome =
  | { kind: 'applied'; messageId: string; applied: Readonly<Record<string, number>>; duplicate: boolean }
  | { kind: 'later' }
  | { kind: 'refused'; reason: string };

export interface HistoryRequestOptions {
  readonly post: DeliveryContext['post'];
  readonly profile: IntegrationProfile;
  readonly soapVersion: SoapVersion;
  readonly limits: XmlLimits;
  readonly source: string;
  readonly actor: Actor;
  readonly schemas?: XsdValidator;
  readonly now?: Date;
}

export async function askMeterHistory(store: Store, options: HistoryRequestOptions): Promise<HistoryOutcome | null> {
  const usagePoints = [
    ...new Set(
      store.endDevices
        .placed()
        .filter((d) => d.kind === 'meter')
        .map((d) => d.usage_point_id),
    ),
  ];
  if (usagePoints.length === 0) return null;
  const { profile } = options;
  const xml = buildMessage(
    {
      kind: 'request',
      header: withProfileHeader(
        {
          verb: 'get',
          noun: 'MeterReadings',
          timestamp: (options.now ?? new Date()).toISOString(),
          source: options.source,
          messageID: randomUUID(),
        },
        profile.header,
      ),
      payload: {
        kind: 'xml',
        body: { noun: 'GetMeterReadings', value: { usagePoints: usagePoints.slice(0, MAX_USAGE_POINTS).map((mRID) => ({ mRID })) } },
      },
    },
    { form: 'typed', ...(profileSchemaSet(profile) ? { schemaSet: profileSchemaSet(profile) } : {}) },
  );
  let body: string;
  try {
    const reply = await options.post(
      wrapSoap(xml, options.soapVersion),
      soapHeaders(options.soapVersion, soapActionOf(profile, 'get', 'MeterReadings')),
      endpointOf(profile, 'get', 'MeterReadings'),
    );
    if (reply.status !== 200) return { kind: 'refused', reason: `HTTP ${reply.status}` };
    body = reply.body;
  } catch (error) {
    return { kind: 'refused', reason: error instanceof Error ? error.message : String(error) };
  }
  let answer;
  try {
    answer = readPeerReply(body, options.limits);
  } catch (error) {
    if (error instanceof CimXmlError) return { kind: 'refused', reason: error.message };
    throw error;
  }
  if (answer.kind !== 'answer') return { kind: 'refused', reason: answer.reason };
  if (answer.reply.result === 'FAILED') return { kind: 'refused', reason: answer.reply.errors?.[0]?.reason ?? 'FAILED' };
  if (answer.withPayload === undefined) return { kind: 'later' };
  try {
    const result = applyInboundMessage(store, options.actor, answer.withPayload, {
      fileName: 'GetMeterReadings reply',
      ...(options.schemas ? { schemas: options.schemas } : {}),
    });
    return { kind: 'applied', messageId: result.messageId, applied: result.applied, duplicate: result.duplicate === true };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Kept in the inbox with the reason, as a refused message from the queue is.
    keepRefused(store, options.actor, answer.withPayload, error);
    return { kind: 'refused', reason: error.message };
  }
}
