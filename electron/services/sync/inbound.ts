/**
 * Inbound during a sync run (issue 7): after sending, the run pulls what the enterprise has queued
 * for this device — complete 61968-100 messages of any noun, enterprise-initiated (MeterConfig,
 * GetMeterReadings, work orders …) — from the queue beside the endpoint (`outbound`: list, fetch,
 * acknowledge), and applies each through the inbox (inbound/applyMessage.ts) in one transaction
 * each. A message is acknowledged only after its transaction committed, so a crash in between
 * fetches it again and the inbox's MessageID check skips it. A message the device cannot apply is
 * kept in the inbox as failed with the reason (the user sees it in the received list) and
 * acknowledged, so it does not block the queue.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/contract/result';
import { createLogger } from '../log';
import { applyInboundMessage } from '../inbound/applyMessage';
import { InboundRejection } from '../inbound/context';
import type { InboundRefusal } from '../../../shared/contract/inboundRefusal';
import type { XsdValidator } from '../messages/xsdValidator';
import { maskPersonalData } from '../inbound/personalData';
import type { MeterKeys } from '../meterKeys';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { HttpReply } from './transport';

const log = createLogger('sync.inbound');
export const QUEUE_PATH = 'outbound';
/** The enterprise gives a device at most this many messages per run; the rest come next time. */
const MAX_PER_RUN = 1000;

export interface InboundQueue {
  readonly get: (path: string) => Promise<HttpReply>;
  readonly delete: (path: string) => Promise<HttpReply>;
}

export interface PullSummary {
  received: number;
  applied: number;
  refused: number;
  duplicates: number;
}

/** Header values of a message the device could not read as a whole, for the received list. */
export function headerOf(xml: string): { messageId: string; noun: string; verb: string; correlationId?: string } {
  const field = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}>([^<]{1,200})</`).exec(xml)?.[1]?.trim();
  return {
    messageId: field('MessageID') ?? `sha256:${createHash('sha256').update(xml).digest('hex')}`,
    noun: field('Noun') ?? 'unknown',
    verb: field('Verb') ?? 'unknown',
    correlationId: field('CorrelationID'),
  };
}

function queueIds(reply: HttpReply): string[] {
  // An enterprise without a queue for devices (not found, GET not allowed on its endpoint): nothing to pull.
  if (reply.status === 404 || reply.status === 405 || reply.status === 501) return [];
  if (reply.status !== 200) throw new AppError('INTERNAL', `The enterprise's message queue answered HTTP ${reply.status}.`);
  let ids: unknown;
  try {
    ids = JSON.parse(reply.body);
  } catch {
    throw new AppError('INTERNAL', "The enterprise's message queue did not answer with a list.");
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^[\w.-]{1,200}$/.test(id))) {
    throw new AppError('INTERNAL', "The enterprise's message queue answered with something other than a list of message ids.");
  }
  return ids.slice(0, MAX_PER_RUN);
}

/** Why a message was refused, as the inbox keeps it: the refusal's code, or the coded error that stopped it. */
export function refusalOf(error: AppError): InboundRefusal {
  return error instanceof InboundRejection ? error.refusal : { code: 'failed', details: { error: error.toShape() } };
}

/**
 * A message the device could not apply, kept in the inbox with why, as a code with details (the
 * user reads it in their language in the received list).
 */
export function keepRefused(store: Store, actor: Actor, xml: string, error: AppError): void {
  const h = headerOf(xml);
  const refusal = refusalOf(error);
  store.mutate(actor, (change) => {
    store.inbox.refuse({ ...h, xml: maskPersonalData(xml), at: new Date().toISOString(), refusal });
    change.audit({
      action: 'inbox.refuse',
      entity: 'inbox',
      entityId: h.messageId,
      details: { noun: h.noun, verb: h.verb, refusal },
    });
  });
}

/**
 * `schemas`: the utility's schema folder, when set; every message must pass it before it is applied.
 * `meterKeys`: where the meter keys a MeterConfig from the queue carries go (the queue is the
 * enterprise's own, so whichever profile runs the sync; absent: such a message is refused).
 */
export async function pullInbound(
  store: Store,
  queue: InboundQueue,
  actor: Actor,
  signal?: AbortSignal,
  schemas?: XsdValidator,
  meterKeys?: Pick<MeterKeys, 'keepWithin'>,
): Promise<PullSummary> {
  const summary: PullSummary = { received: 0, applied: 0, refused: 0, duplicates: 0 };
  for (const id of queueIds(await queue.get(QUEUE_PATH))) {
    if (signal?.aborted) break;
    const reply = await queue.get(`${QUEUE_PATH}/${id}`);
    if (reply.status !== 200) continue; // gone meanwhile
    summary.received++;
    try {
      const result = applyInboundMessage(store, actor, reply.body, {
        fileName: `enterprise queue ${id}`,
        ...(schemas ? { schemas } : {}),
        ...(meterKeys ? { meterKeys: { keeper: meterKeys, fromEnterprise: true } } : {}),
      });
      if (result.duplicate) summary.duplicates++;
      else summary.applied++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // the database, not the message: stop the run
      keepRefused(store, actor, reply.body, error);
      summary.refused++;
      log.warn(`enterprise message ${id} refused: ${error.message}`);
    }
    await queue.delete(`${QUEUE_PATH}/${id}`);
  }
  return summary;
}
