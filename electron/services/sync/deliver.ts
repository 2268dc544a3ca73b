/**
 * Delivers one outbox message and interprets the enterprise's reply (IEC 61968-100 Reply.Result):
 * OK → sent; PARTIAL / FAILED → rejected with the enterprise's Error code, level and text; so is a
 * SOAP Fault whose detail is a business fault (`<Noun>FaultMessage` with Reply FAILED), whatever
 * its HTTP status (issue 19). Transport trouble (refused, reset, timeout, HTTP 5xx/429 without a
 * business fault, a SOAP Fault without one, a reply for another message) is retried with backoff,
 * the same MessageID every time. A reply that cannot be trusted (not XML, not the envelope, a DTD,
 * too large or too deep) stops the whole run: nothing is concluded from it.
 */
import { CimXmlError, type XmlLimits } from '../../../shared/cim/xml/safeXml';
import type { ReplyError, ReplyType } from '../../../shared/cim';
import type { AttemptRecord, Outcome } from '../store/repositories/outbox';
import { backoffDelay, type Clock, type RetryPolicy } from './retry';
import { readPeerReply, type PeerReply } from './peerReply';
import { soapHeaders, wrapSoap, type SoapVersion } from './soap';
import { TransportError, type HttpReply } from './transport';

import type { NetworkReason, RunStopCode, SyncStopShape } from '../../../shared/contract/syncStop';
import { stopSentence } from './stopLog';

export type StopCode = RunStopCode;

/**
 * Why a run stopped: a code, a reason with typed details that the screen and the CLI say in the
 * user's words (shared/contract/syncStop.ts), and — apart — what the connection or the
 * enterprise's system itself said (`peerText`). The English sentence is for the log (stopLog.ts).
 */
export type SyncStop = SyncStopShape & { code: StopCode };

export interface DeliveryContext {
  /** `target`: the service's URL when it is not the sync settings' endpoint (integration profile, ReplyAddress). */
  readonly post: (body: string, headers: Readonly<Record<string, string>>, target?: string) => Promise<HttpReply>;
  readonly soapVersion: SoapVersion;
  readonly limits: XmlLimits;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly random: () => number;
  readonly runId: string;
  readonly signal?: AbortSignal;
  /** Whether the request carries credentials: a 401/403 then means refused, else missing. */
  readonly sendsCredentials?: boolean;
  /** Set by the first delivery that must stop the run; others finish their request and stop too. */
  stop: SyncStop | null;
}

export interface Delivery {
  outcome: Outcome;
  attempts: AttemptRecord[];
  /** True once the message went on the wire in this run. */
  transmitted: boolean;
}

/** The peer's code, level, reason and details, and the object in error: all the user needs to fix and resend it. */
const describeError = (e: ReplyError) =>
  [e.code, e.level && `[${e.level}]`, e.reason, e.details, e.id ? `(${e.id.objectType ?? e.id.kind ?? 'ID'} ${e.id.value})` : undefined]
    .filter(Boolean)
    .join(' ');

/** PARTIAL / FAILED: the enterprise's codes and texts of the errors, or a note that it gave none. */
export function rejection(reply: ReplyType): { code: string; text: string; codes: string[] } {
  const errors = reply.errors ?? [];
  if (errors.length === 0) return { code: reply.result, text: `the enterprise answered ${reply.result} without an Error`, codes: [] };
  return { code: errors[0]!.code, text: errors.map(describeError).join('; '), codes: errors.map((e) => e.code) };
}

/**
 * What the last try of a retried message met, coded (said from syncWords when the run gives up),
 * and the peer's own words where it gave some (a SOAP Fault's reason). `text` is the English of the
 * attempt history and the log.
 */
interface LastTry {
  readonly network: NetworkReason;
  readonly systemCode?: string;
  readonly status?: number;
  readonly peerText?: string;
}

type Try =
  | { kind: 'answer'; reply: ReplyType; status: number }
  | { kind: 'retry'; status: number | null; text: string; lastTry: LastTry }
  | { kind: 'stop'; status: number | null; result: 'BAD_REPLY' | 'TRANSPORT_ERROR'; stop: SyncStop };

/** Where one message goes and which CorrelationIDs in a reply name it. */
export interface Addressing {
  readonly messageId: string;
  /** SOAPAction / action of the operation (integration profile). */
  readonly action: string;
  /** The service's URL, or undefined for the sync settings' endpoint. */
  readonly target?: string;
  /** The CorrelationID the message carries (it answers an enterprise request): a reply echoing it names this message too. */
  readonly correlationId?: string;
}

/**
 * HTTP statuses whose body is read as SOAP: 2xx, and the statuses SOAP puts on a Fault (1.1: 500;
 * 1.2: 400 for a Sender fault, 500 for a Receiver fault).
 */
const mayCarrySoap = (status: number) => (status >= 200 && status < 300) || status === 400 || status === 500;
const transient = (status: number) => status >= 500 || status === 429 || status === 408;

function interpret(ctx: DeliveryContext, to: Addressing, reply: HttpReply): Try {
  const { status } = reply;
  let peer: PeerReply | null = null;
  let unreadable: CimXmlError | null = null;
  if (mayCarrySoap(status)) {
    try {
      peer = readPeerReply(reply.body, ctx.limits);
    } catch (error) {
      if (!(error instanceof CimXmlError)) throw error;
      unreadable = error;
    }
  }
  // A business fault refuses this message whatever the status it came with (Java stacks: 500; some gateways: 200).
  if (peer?.kind === 'businessFault') return { kind: 'answer', reply: peer.reply, status };
  // A Fault without business detail, or a 5xx / 429 / 408 without a readable answer: the peer's trouble, retried.
  if (peer?.kind === 'fault')
    return {
      kind: 'retry',
      status,
      text: `HTTP ${status}: ${peer.reason}`,
      lastTry: { network: 'httpStatus', status, peerText: peer.reason },
    };
  if (transient(status)) return { kind: 'retry', status, text: `HTTP ${status}`, lastTry: { network: 'httpStatus', status } };
  if (status === 401 || status === 403) {
    const stop: SyncStop = {
      code: 'REFUSED',
      reason: 'credentials',
      details: { status, credentials: ctx.sendsCredentials === false ? 'missing' : 'refused' },
    };
    return { kind: 'stop', status, result: 'TRANSPORT_ERROR', stop };
  }
  if (status < 200 || status >= 300) {
    return {
      kind: 'stop',
      status,
      result: 'TRANSPORT_ERROR',
      stop: {
        code: 'REFUSED',
        reason: 'httpStatus',
        details: { status },
      },
    };
  }
  if (unreadable || !peer) {
    const problem = unreadable ? unreadable.code : 'EMPTY';
    return {
      kind: 'stop',
      status,
      result: 'BAD_REPLY',
      stop: {
        code: 'BAD_REPLY',
        reason: 'badReply',
        details: { messageId: to.messageId, problem },
        peerText: unreadable ? `(${unreadable.code}): ${unreadable.message}` : '(EMPTY): no reply',
      },
    };
  }
  // A reply that names another message is not this message's answer (a stale or duplicated reply).
  const correlation = peer.correlationId;
  if (correlation !== undefined && correlation !== to.messageId && correlation !== to.correlationId) {
    return {
      kind: 'retry',
      status,
      text: `the reply answers message ${correlation}, not ${to.messageId}`,
      lastTry: { network: 'otherMessage', status },
    };
  }
  return { kind: 'answer', reply: peer.reply, status };
}

async function tryOnce(ctx: DeliveryContext, to: Addressing, body: string): Promise<Try & { durationMs: number }> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let reply: HttpReply;
  try {
    reply = await ctx.post(body, soapHeaders(ctx.soapVersion, to.action), to.target);
  } catch (error) {
    if (error instanceof TransportError && error.kind === 'TOO_LARGE') {
      return {
        kind: 'stop',
        status: null,
        result: 'BAD_REPLY',
        stop: {
          code: 'BAD_REPLY',
          reason: 'replyTooLarge',
          details: error.limitBytes === undefined ? {} : { limitBytes: error.limitBytes },
        },
        durationMs: took(),
      };
    }
    const text = error instanceof Error ? error.message : String(error);
    const lastTry: LastTry = error instanceof TransportError ? error.failure : { network: 'failed' };
    return { kind: 'retry', status: null, text, lastTry, durationMs: took() };
  }
  return { ...interpret(ctx, to, reply), durationMs: reply.durationMs };
}

export async function deliver(ctx: DeliveryContext, to: Addressing, messageXml: string): Promise<Delivery> {
  const { messageId } = to;
  const attempts: AttemptRecord[] = [];
  const unchanged: Outcome = { kind: 'unchanged', messageId };
  const body = wrapSoap(messageXml, ctx.soapVersion);
  let transmitted = false;
  for (let attempt = 1; ; attempt++) {
    if (ctx.stop) return { outcome: unchanged, attempts, transmitted };
    if (ctx.signal?.aborted) {
      ctx.stop = { code: 'CANCELLED', reason: 'cancelled', details: {} };
      return { outcome: unchanged, attempts, transmitted };
    }
    const attemptedAt = ctx.clock.now().toISOString();
    transmitted = true;
    const r = await tryOnce(ctx, to, body);
    const base = { messageId, runId: ctx.runId, attemptedAt, durationMs: r.durationMs };
    if (r.kind === 'answer') {
      const { result } = r.reply;
      if (result === 'OK') {
        attempts.push({ ...base, httpStatus: r.status, result, errorCodes: [], errorText: null });
        return { outcome: { kind: 'sent', messageId, at: attemptedAt }, attempts, transmitted };
      }
      const why = rejection(r.reply);
      attempts.push({ ...base, httpStatus: r.status, result, errorCodes: why.codes, errorText: why.text });
      return { outcome: { kind: 'rejected', messageId, errorCode: why.code, errorText: why.text }, attempts, transmitted };
    }
    if (r.kind === 'stop') {
      attempts.push({ ...base, httpStatus: r.status, result: r.result, errorCodes: [], errorText: stopSentence(r.stop) });
      ctx.stop ??= r.stop;
      return { outcome: unchanged, attempts, transmitted };
    }
    attempts.push({ ...base, httpStatus: r.status, result: 'TRANSPORT_ERROR', errorCodes: [], errorText: r.text });
    if (attempt >= ctx.retry.maxAttempts) {
      const { peerText, ...lastTry } = r.lastTry;
      ctx.stop ??= {
        code: 'UNREACHABLE',
        reason: 'unreachable',
        details: { attempts: attempt, ...lastTry },
        ...(peerText ? { peerText } : {}),
      };
      return { outcome: unchanged, attempts, transmitted };
    }
    await ctx.clock.sleep(backoffDelay(attempt, ctx.retry, ctx.random), ctx.signal);
  }
}
