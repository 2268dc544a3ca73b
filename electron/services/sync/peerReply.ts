/**
 * What a peer's HTTP reply to one message says, read the way real 61968-100 services answer
 * (issue 19):
 * - a ResponseMessage (generic or `<Noun>ResponseMessage`) with Reply.Result, and the
 *   CorrelationID it carries — peers on the common Java SOAP stacks echo the request's
 *   CorrelationID where it had one, others the request's MessageID;
 * - a SOAP Fault (1.1 or 1.2, whatever the HTTP status) whose detail holds the operation's declared
 *   fault, `<Noun>FaultMessage` (or a generic FaultMessage / ResponseMessage) with Reply FAILED and
 *   Error codes: a business refusal of this message;
 * - a SOAP Fault without such detail: the peer's own trouble, as good as no answer.
 * Anything else that is not a trustworthy document throws CimXmlError.
 */
import { parseMessage, type ReplyType } from '../../../shared/cim';
import { CimXmlError, type XmlLimits } from '../../../shared/cim/xml/safeXml';
import { soapBody, SoapFaultError } from './soap';

export type PeerReply =
  | {
      kind: 'answer';
      reply: ReplyType;
      correlationId: string | undefined;
      /** The ResponseMessage itself when it carries a Payload: a synchronous answer to a request. */
      withPayload?: string;
    }
  | { kind: 'businessFault'; reply: ReplyType; reason: string }
  | { kind: 'fault'; reason: string };

/** The Reply of a fault's detail when it is a business refusal (FAILED or PARTIAL with errors), else undefined. */
function businessReply(detailXml: string | undefined, limits: XmlLimits): ReplyType | undefined {
  if (detailXml === undefined) return undefined;
  try {
    const parsed = parseMessage(detailXml, limits, { allowDraftEnvelope: true });
    if (parsed.kind !== 'fault' && parsed.kind !== 'response') return undefined;
    return parsed.reply.result === 'OK' ? undefined : parsed.reply;
  } catch (error) {
    // A detail the peer's stack filled with its own exception (a stack trace, a vendor element) is no business answer.
    if (error instanceof CimXmlError) return undefined;
    throw error;
  }
}

export function readPeerReply(xml: string, limits: XmlLimits): PeerReply {
  let body: string;
  try {
    body = soapBody(xml, limits).xml;
  } catch (error) {
    if (!(error instanceof SoapFaultError)) throw error;
    const reply = businessReply(error.detailXml, limits);
    return reply ? { kind: 'businessFault', reply, reason: error.reason } : { kind: 'fault', reason: error.message };
  }
  const parsed = parseMessage(body, limits, { allowDraftEnvelope: true });
  // A FaultMessage as the Body's child (not inside a SOAP Fault) names no message: its Reply decides.
  if (parsed.kind === 'fault') return { kind: 'answer', reply: parsed.reply, correlationId: undefined };
  if (parsed.kind !== 'response') throw new CimXmlError('INVALID_MESSAGE', `expected a ResponseMessage, got a ${parsed.kind} message`);
  return {
    kind: 'answer',
    reply: parsed.reply,
    correlationId: parsed.header.correlationID,
    ...(parsed.payload !== undefined ? { withPayload: body } : {}),
  };
}
