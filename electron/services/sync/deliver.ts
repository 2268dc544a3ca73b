/**
 * Delivers one outbox message and interprets the enterprise's reply (IEC 61968-100 Reply.Result):
 * OK → sent; PARTIAL / FAILED → rejected with the enterprise's Error code and text. Transport
 * trouble (refused, reset, timeout, HTTP 5xx/429, a reply for another message) is retried with
 * backoff, the same MessageID every time. A reply that cannot be trusted (not XML, not the
 * envelope, a DTD, too large or too deep) stops the whole run: nothing is concluded from it.
 */
import { CimXmlError, type XmlLimits } from '../../../shared/cim/xml/safeXml';
import type { ReplyError, ReplyType } from '../../../shared/cim';
import type { AttemptRecord, Outcome } from '../store/repositories/outbox';
import { backoffDelay, type Clock, type RetryPolicy } from './retry';
import { parseSoapReply, SoapFaultError, soapHeaders, wrapSoap, type SoapVersion } from './soap';
import { TransportError, type HttpReply } from './transport';

export type StopCode = 'UNREACHABLE' | 'BAD_REPLY' | 'REFUSED' | 'CANCELLED';

export interface SyncStop {
  code: StopCode;
  message: string;
}

export interface DeliveryContext {
  readonly post: (body: string, headers: Readonly<Record<string, string>>) => Promise<HttpReply>;
  readonly soapVersion: SoapVersion;
  readonly limits: XmlLimits;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly random: () => number;
  readonly runId: string;
  readonly signal?: AbortSignal;
  /** Set by the first delivery that must stop the run; others finish their request and stop too. */
  stop: SyncStop | null;
}

export interface Delivery {
  outcome: Outcome;
  attempts: AttemptRecord[];
  /** True once the message went on the wire in this run. */
  transmitted: boolean;
}

const describeError = (e: ReplyError) => [e.code, e.reason, e.details, e.id ? `(${e.id.objectType ?? e.id.kind ?? 'ID'} ${e.id.value})` : undefined].filter(Boolean).join(' ');

/** PARTIAL / FAILED: the enterprise's codes and texts of the errors, or a note that it gave none. */
export function rejection(reply: ReplyType): { code: string; text: string; codes: string[] } {
  const errors = reply.errors ?? [];
  if (errors.length === 0) return { code: reply.result, text: `the enterprise answered ${reply.result} without an Error`, codes: [] };
  return { code: errors[0]!.code, text: errors.map(describeError).join('; '), codes: errors.map((e) => e.code) };
}

type Try =
  | { kind: 'answer'; reply: ReplyType; status: number }
  | { kind: 'retry'; status: number | null; text: string }
  | { kind: 'stop'; status: number | null; result: 'BAD_REPLY' | 'TRANSPORT_ERROR'; stop: SyncStop };

async function tryOnce(ctx: DeliveryContext, messageId: string, action: string, body: string): Promise<Try & { durationMs: number }> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let reply: HttpReply;
  try {
    reply = await ctx.post(body, soapHeaders(ctx.soapVersion, action));
  } catch (error) {
    if (error instanceof TransportError && error.kind === 'TOO_LARGE') {
      return { kind: 'stop', status: null, result: 'BAD_REPLY', stop: { code: 'BAD_REPLY', message: `The enterprise's reply was refused: ${error.message}.` }, durationMs: took() };
    }
    return { kind: 'retry', status: null, text: error instanceof Error ? error.message : String(error), durationMs: took() };
  }
  const { status } = reply;
  if (status >= 500 || status === 429 || status === 408) return { kind: 'retry', status, text: `HTTP ${status}`, durationMs: reply.durationMs };
  if (status === 401 || status === 403) {
    const stop: SyncStop = { code: 'REFUSED', message: `The enterprise refused the credentials (HTTP ${status}). Check FIELDMETER_SYNC_USER / PASSWORD / TOKEN or the client certificate.` };
    return { kind: 'stop', status, result: 'TRANSPORT_ERROR', stop, durationMs: reply.durationMs };
  }
  if (status < 200 || status >= 300) {
    return { kind: 'stop', status, result: 'TRANSPORT_ERROR', stop: { code: 'REFUSED', message: `The endpoint answered HTTP ${status}; is the endpoint URL right?` }, durationMs: reply.durationMs };
  }
  try {
    const parsed = parseSoapReply(reply.body, ctx.limits);
    if (parsed.kind !== 'response' && parsed.kind !== 'fault') throw new CimXmlError('INVALID_MESSAGE', `expected a ResponseMessage, got a ${parsed.kind} message`);
    const correlation = parsed.kind === 'response' ? parsed.header.correlationID : undefined;
    // A reply that names another message is not this message's answer (a stale or duplicated reply).
    if (correlation !== undefined && correlation !== messageId) {
      return { kind: 'retry', status, text: `the reply answers message ${correlation}, not ${messageId}`, durationMs: reply.durationMs };
    }
    return { kind: 'answer', reply: parsed.reply, status, durationMs: reply.durationMs };
  } catch (error) {
    if (!(error instanceof CimXmlError) && !(error instanceof SoapFaultError)) throw error;
    const message = `The enterprise's reply to ${messageId} was refused (${error instanceof CimXmlError ? error.code : 'SOAP_FAULT'}): ${error.message}. Nothing was marked sent.`;
    return { kind: 'stop', status, result: 'BAD_REPLY', stop: { code: 'BAD_REPLY', message }, durationMs: reply.durationMs };
  }
}

export async function deliver(ctx: DeliveryContext, messageId: string, action: string, messageXml: string): Promise<Delivery> {
  const attempts: AttemptRecord[] = [];
  const unchanged: Outcome = { kind: 'unchanged', messageId };
  const body = wrapSoap(messageXml, ctx.soapVersion);
  let transmitted = false;
  for (let attempt = 1; ; attempt++) {
    if (ctx.stop) return { outcome: unchanged, attempts, transmitted };
    if (ctx.signal?.aborted) {
      ctx.stop = { code: 'CANCELLED', message: 'The sync was cancelled; what was not answered stays in the outbox.' };
      return { outcome: unchanged, attempts, transmitted };
    }
    const attemptedAt = ctx.clock.now().toISOString();
    transmitted = true;
    const r = await tryOnce(ctx, messageId, action, body);
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
      attempts.push({ ...base, httpStatus: r.status, result: r.result, errorCodes: [], errorText: r.stop.message });
      ctx.stop ??= r.stop;
      return { outcome: unchanged, attempts, transmitted };
    }
    attempts.push({ ...base, httpStatus: r.status, result: 'TRANSPORT_ERROR', errorCodes: [], errorText: r.text });
    if (attempt >= ctx.retry.maxAttempts) {
      ctx.stop ??= { code: 'UNREACHABLE', message: `The enterprise could not be reached after ${attempt} attempts (${r.text}). Everything not answered stays in the outbox; sync again later.` };
      return { outcome: unchanged, attempts, transmitted };
    }
    await ctx.clock.sleep(backoffDelay(attempt, ctx.retry, ctx.random), ctx.signal);
  }
}
