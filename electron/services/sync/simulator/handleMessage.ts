/**
 * What the simulated enterprise does with one incoming 61968-100 message: read it through the
 * hardened parser, validate it against the schemas, discard a MessageID it accepted before
 * (counted), store a new one, and answer with a ResponseMessage (Reply.Result OK, PARTIAL with
 * Error + ID of the rejected reading, or FAILED with the schema errors). The Error codes are
 * placeholders: the 61968-100 code catalogue is not public (../shared/cim/NOTES.md §3).
 */
import { randomUUID } from 'node:crypto';
import { buildMessage, parseMessage, type Header, type ParsedMessage, type ReplyType } from '../../../../shared/cim';
import { CimXmlError, defaultXmlLimits } from '../../../../shared/cim/xml/safeXml';
import type { ValidationResult } from '../../messages/xsdValidator';
import { soapBody, SOAP11_NS, SOAP12_NS, wrapSoap, type SoapVersion } from '../soap';
import { historyAnswer } from './historyAnswer';
import {
  answerForm,
  businessFaultAnswer,
  replyCorrelation,
  soapActionProblem,
  soapFaultAnswer,
  wrapperProblem,
  type PeerBehaviour,
} from './peer';
import type { MessageStorage } from './storage';

export interface SimulatorStats {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  invalid: number;
  faults: number;
}

export interface MessageContext {
  readonly storage: MessageStorage;
  /** The path each accepted MessageID came in on (an endpoint per service, a ReplyAddress). */
  readonly paths: Map<string, string>;
  readonly validate: ((xml: string) => Promise<ValidationResult>) | null;
  readonly stats: SimulatorStats;
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

const limits = { ...defaultXmlLimits, maxChars: 8 * 1024 * 1024 };
const SOURCE = 'ENTERPRISE-SIMULATOR';

function soapFault(version: SoapVersion, reason: string): Answer {
  const esc = reason.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body =
    version === '1.1'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>${esc}</faultstring></s:Fault></s:Body></s:Envelope>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<s:Envelope xmlns:s="${SOAP12_NS}"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en">${esc}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>\n`;
  return { status: version === '1.1' ? 500 : 400, contentType: contentTypeOf(version), body };
}

const contentTypeOf = (version: SoapVersion | null) =>
  version === '1.2'
    ? 'application/soap+xml; charset=utf-8'
    : version === '1.1'
      ? 'text/xml; charset=utf-8'
      : 'application/xml; charset=utf-8';

export function replyFor(message: { header: Header }, reply: ReplyType, version: SoapVersion | null, peer?: PeerBehaviour): Answer {
  const correlationID = replyCorrelation(message.header, peer);
  const xml = buildMessage(
    {
      kind: 'response',
      header: {
        verb: 'reply',
        noun: message.header.noun,
        timestamp: new Date().toISOString(),
        source: SOURCE,
        messageID: randomUUID(),
        correlationID,
      },
      reply,
    },
    answerForm(message.header.noun, peer),
  );
  return { status: 200, contentType: contentTypeOf(version), body: version === null ? xml : wrapSoap(xml, version) };
}

/** The first reading of a MeterReadings payload, for a PARTIAL reply that names exactly one rejected item. */
function firstReading(message: ParsedMessage): string | undefined {
  if (message.kind === 'fault' || message.payload?.kind !== 'xml' || message.payload.body.noun !== 'MeterReadings') return undefined;
  return message.payload.body.value.meterReadings[0]?.readings?.[0]?.readingType;
}

/** The MeterReadings' meter (its first Name or mRID), the object a business fault names. */
function firstMeter(message: ParsedMessage): { value: string; objectType: string } | undefined {
  if (message.kind === 'fault' || message.payload?.kind !== 'xml' || message.payload.body.noun !== 'MeterReadings') return undefined;
  const meter = message.payload.body.value.meterReadings[0]?.meter;
  const value = meter?.names?.[0]?.name ?? meter?.mRID;
  return value === undefined ? undefined : { value, objectType: 'Meter' };
}

export interface HandleOptions {
  /** Answer PARTIAL, naming the first reading as rejected. */
  readonly partial?: boolean;
  /** Refuse the message with a business SOAP Fault carrying this HTTP status (500 or 200). */
  readonly businessFault?: number;
  /** The request's SOAPAction (peer.ts requestAction). */
  readonly action?: string;
  readonly peer?: PeerBehaviour;
  /** The URL path the request was posted to. */
  readonly path?: string;
}

export async function handleMessage(ctx: MessageContext, raw: string, options: HandleOptions = {}): Promise<Answer> {
  const { partial = false, peer } = options;
  ctx.stats.received++;
  let version: SoapVersion | null = '1.1';
  let message: ParsedMessage;
  let messageXml: string;
  try {
    const body = soapBody(raw, limits, true);
    version = body.version;
    messageXml = body.xml;
    // The draft envelope namespace too: MeterServiceRequests exists only in that set (NOTES.md §5).
    message = parseMessage(messageXml, limits, { allowDraftEnvelope: true });
  } catch (error) {
    ctx.stats.invalid++;
    const reason = error instanceof CimXmlError ? error.message : 'the request could not be read';
    return version === null
      ? { status: 400, contentType: 'text/plain', body: reason }
      : soapFault(version, `not a 61968-100 message: ${reason}`);
  }
  // A `reply` with a payload is a device's answer to a request (MeterReadings for a GetMeterReadings),
  // as ReplyMeterReadings in the published WSDLs takes it; any other response or a fault is not for it.
  const isAnswer = message.kind === 'response' && message.header.verb === 'reply' && message.payload !== undefined;
  if (message.kind === 'fault' || (message.kind === 'response' && !isAnswer)) {
    ctx.stats.invalid++;
    return soapFault(version ?? '1.1', `a ${message.kind} message is not a request or event`);
  }
  const actionProblem =
    (peer?.strictSoapAction ? soapActionProblem(options.action, message.header, peer) : null) ??
    wrapperProblem(messageXml, message.header, peer);
  if (actionProblem) {
    ctx.stats.invalid++;
    return soapFaultAnswer(version ?? '1.1', 500, actionProblem);
  }
  const messageId = message.header.messageID;
  if (!messageId) {
    ctx.stats.rejected++;
    return replyFor(
      message,
      { result: 'FAILED', errors: [{ code: '1.1', level: 'FATAL', reason: 'Header/MessageID is required' }] },
      version,
    );
  }
  if (ctx.storage.has(messageId)) {
    // Already accepted: discard, count, and answer as before so the sender can clear it.
    ctx.stats.duplicates++;
    return replyFor(message, { result: 'OK', ids: [{ value: messageId, kind: 'uuid' }] }, version, peer);
  }
  if (ctx.validate) {
    const result = await ctx.validate(messageXml);
    if (!result.valid) {
      ctx.stats.rejected++;
      return replyFor(
        message,
        {
          result: 'FAILED',
          errors: result.errors.slice(0, 5).map((e) => ({ code: '1.2', level: 'FATAL', reason: 'schema validation failed', details: e })),
        },
        version,
        peer,
      );
    }
  }
  // A Get answered in the response itself, once it passed the schemas (historyAnswer.ts).
  const isGet = message.kind === 'request' && message.header.verb === 'get' && message.header.noun === 'MeterReadings';
  if (isGet && peer?.syncGetReplies) return historyAnswer(ctx.storage, message, messageXml, version, peer);
  if (options.businessFault !== undefined) {
    ctx.stats.rejected++;
    return businessFaultAnswer(version ?? '1.1', options.businessFault, message.header, firstMeter(message), peer);
  }
  const readingType = partial ? firstReading(message) : undefined;
  if (readingType !== undefined) {
    ctx.stats.rejected++;
    return replyFor(
      message,
      {
        result: 'PARTIAL',
        errors: [
          {
            code: '2.4',
            level: 'FATAL',
            reason: 'reading value rejected by validation',
            id: { value: readingType, objectType: 'ReadingType' },
          },
        ],
      },
      version,
      peer,
    );
  }
  if (await ctx.storage.accept(messageId, messageXml)) {
    ctx.stats.accepted++;
    ctx.paths.set(messageId, options.path ?? '/');
  } else ctx.stats.duplicates++;
  return replyFor(message, { result: 'OK', ids: [{ value: messageId, kind: 'uuid' }] }, version, peer);
}
