/**
 * One sync run (issue 7, DESIGN.md §6): the outbox is sent in enqueue order, in batches. A batch
 * is marked in flight in one committed transaction before its first byte leaves, so after a
 * crash the next run starts with exactly those messages and resends them with the same
 * MessageID (the enterprise deduplicates). Within a batch, messages for different usage points
 * go out concurrently; those for one usage point go one after another, and a rejected message
 * holds back the later ones for its usage point until the user has dealt with it. Every reply is
 * recorded, and what it did to each message is written, in one transaction per batch.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeBytesSafely } from '../files/safeWrite';
import { join } from 'node:path';
import { OutboxRenderError, type EnvelopeContext } from '../../../shared/cim/outbox';
import { defaultXmlLimits, type XmlLimits } from '../../../shared/cim/xml/safeXml';
import { renderForSync } from '../messages/renderOutbox';
import type { ValidationResult } from '../messages/xsdValidator';
import type { Store } from '../store';
import type { AttemptRecord, OutboxEntry, Outcome } from '../store/repositories/outbox';
import {
  defaultIntegrationProfile,
  endpointOf,
  profileSchemaSet,
  resolveCodeTable,
  serviceUrlProblem,
  soapActionOf,
  type IntegrationProfile,
} from '../../../shared/cim/integrationProfile';
import { documentEndpoint } from '../evidence/receiptOutbox';
import { answerRoute } from './answerRouting';
import { deliver, type Addressing, type DeliveryContext, type SyncStop } from './deliver';
import { defaultRetryPolicy, systemClock, type Clock, type RetryPolicy } from './retry';
import { wrapSoap, type SoapVersion } from './soap';
import type { HttpReply } from './transport';

export interface SyncProgress {
  runId: string;
  sent: number;
  accepted: number;
  rejected: number;
  /** Pending messages left when the last batch was recorded. */
  pending: number;
}

export interface SyncSummary extends SyncProgress {
  /** Messages held behind a rejected message of the same usage point (part of `pending`). */
  held: number;
  /** Messages found in flight from an interrupted run and sent again with their MessageID. */
  resent: number;
  stopped: SyncStop | null;
}

export interface SyncRunOptions {
  readonly post: DeliveryContext['post'];
  readonly envelope: EnvelopeContext;
  readonly soapVersion?: SoapVersion;
  /** SOAPAction template, endpoints per service, header fields (issue 19); default: the published 61968-100 conventions. */
  readonly profile?: IntegrationProfile;
  /** Whether requests carry credentials or a client certificate (a 401 then means refused, not missing). */
  readonly sendsCredentials?: boolean;
  readonly batchSize?: number;
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** Limits for the reply; maxChars should not exceed the transport's byte cap. */
  readonly limits?: XmlLimits;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Checks each rendered message before it is sent (the utility's schema folder); a failing one is rejected here, never sent. */
  readonly validate?: (xmls: readonly string[]) => Promise<readonly ValidationResult[]>;
}

/** Name of a 61968-100 operation, "CreatedMeterReadings", "CreateMeterReadings" … (the dry run's file names). */
export const operationName = (verb: string, noun: string) => `${verb.charAt(0).toUpperCase()}${verb.slice(1)}${noun}`;

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Messages of one usage point in order; messages without a usage point each stand alone. */
function chains(batch: readonly OutboxEntry[]): OutboxEntry[][] {
  const byUsagePoint = new Map<string, OutboxEntry[]>();
  const out: OutboxEntry[][] = [];
  for (const e of batch) {
    if (e.usagePointId === null) out.push([e]);
    else {
      let chain = byUsagePoint.get(e.usagePointId);
      if (!chain) byUsagePoint.set(e.usagePointId, (chain = []));
      if (chain.length === 0) out.push(chain);
      chain.push(e);
    }
  }
  return out;
}

type Rendered = ({ xml: string } | { error: string; code: 'FIELDMETER_RENDER' | 'FIELDMETER_SCHEMA' | 'FIELDMETER_REPLY_ADDRESS' }) & {
  to: Addressing;
};

/**
 * One entry as it goes out under the profile: its SOAPAction, its service's URL or the
 * ReplyAddress of the request it answers, the CorrelationID that request asks for, and the XML.
 */
function render(store: Store, entry: OutboxEntry, envelope: EnvelopeContext, profile: IntegrationProfile): Rendered {
  const route = answerRoute(store, entry);
  // An answer to a GetMeterReadings in the reply form, where the profile asks for it.
  const asReply = profile.readingAnswers === 'reply' && entry.noun === 'MeterReadings' && route.correlationId !== undefined;
  const verb = asReply ? 'reply' : entry.verb;
  const to: Addressing = {
    messageId: entry.messageId,
    action: soapActionOf(profile, verb, entry.noun),
    target: route.replyAddress ?? endpointOf(profile, verb, entry.noun),
    correlationId: route.correlationId,
  };
  // A visit receipt goes only to the profile's document endpoint, never to the readings' endpoint (issue 24 §3).
  if (entry.kind === 'visitReceipt' && documentEndpoint(profile) === undefined)
    return {
      to,
      error:
        'The integration profile names no document endpoint (endpoints.SendDocument or endpoints.Document), so the visit receipt was not sent; it stays on this device. Set one, then Retry.',
      code: 'FIELDMETER_RENDER',
    };
  const problem = route.replyAddress === undefined ? null : serviceUrlProblem(route.replyAddress);
  if (problem)
    return {
      to,
      error: `The request it answers asks for the answer at ${route.replyAddress}, which fails the endpoint checks: ${problem}.`,
      code: 'FIELDMETER_REPLY_ADDRESS',
    };
  try {
    return {
      to,
      xml: renderForSync(
        { ...entry, correlationId: route.correlationId ?? null },
        {
          ...envelope,
          headerFields: profile.header,
          schemaSet: profileSchemaSet(profile),
          codeTable: resolveCodeTable(profile.codeTable),
          meterStatusWords: profile.meterStatus,
          answerAsReply: asReply,
        },
      ),
    };
  } catch (error) {
    if (error instanceof OutboxRenderError) return { to, error: error.message, code: 'FIELDMETER_RENDER' };
    throw error;
  }
}

/** What the user reads for a message the schema folder refused: the first errors, with their lines. */
function schemaError(result: ValidationResult): string {
  const shown = result.errors.slice(0, 5).map((e) => e.replace(/\.$/, ''));
  const more = result.errors.length - shown.length;
  return `Not valid against the utility's schemas, so it was not sent: ${shown.join('; ') || 'no reason given'}${more > 0 ? ` (and ${more} more)` : ''}.`;
}

/** Renders a batch and, with a validator, checks every rendered message in one go. */
async function renderBatch(store: Store, batch: readonly OutboxEntry[], options: SyncRunOptions): Promise<Map<string, Rendered>> {
  const profile = options.profile ?? defaultIntegrationProfile;
  const rendered = new Map(batch.map((e) => [e.messageId, render(store, e, options.envelope, profile)]));
  if (!options.validate) return rendered;
  const built = [...rendered].filter((r): r is [string, Rendered & { xml: string }] => 'xml' in r[1]);
  const results = await options.validate(built.map(([, r]) => r.xml));
  built.forEach(([messageId, r], i) => {
    const result = results[i]!;
    if (!result.valid) rendered.set(messageId, { to: r.to, error: schemaError(result), code: 'FIELDMETER_SCHEMA' });
  });
  return rendered;
}

export async function runSync(store: Store, options: SyncRunOptions): Promise<SyncSummary> {
  const outbox = store.outbox;
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 100;
  const ctx: DeliveryContext = {
    post: options.post,
    soapVersion: options.soapVersion ?? options.profile?.soapVersion ?? '1.1',
    limits: options.limits ?? { ...defaultXmlLimits, maxChars: 4 * 1024 * 1024 },
    retry: options.retry ?? defaultRetryPolicy,
    clock,
    random: options.random ?? Math.random,
    runId: randomUUID(),
    signal: options.signal,
    ...(options.sendsCredentials === undefined ? {} : { sendsCredentials: options.sendsCredentials }),
    stop: null,
  };
  const progress: SyncProgress = { runId: ctx.runId, sent: 0, accepted: 0, rejected: 0, pending: outbox.counts().pending };
  let resent = 0;

  while (!ctx.stop) {
    const batch = outbox.due(batchSize);
    if (batch.length === 0) break;
    resent += batch.filter((e) => e.inFlightAt !== null).length;
    const rendered = await renderBatch(store, batch, options);
    outbox.markInFlight(
      batch.filter((e) => 'xml' in rendered.get(e.messageId)!).map((e) => e.messageId),
      clock.now().toISOString(),
    );

    const attempts: AttemptRecord[] = [];
    const outcomes: Outcome[] = [];
    await pool(chains(batch), options.concurrency ?? 16, async (chain) => {
      for (const entry of chain) {
        const r = rendered.get(entry.messageId)!;
        if ('error' in r) {
          // Cannot be built, or fails the utility's schemas: the user must see it like an enterprise rejection.
          outcomes.push({ kind: 'rejected', messageId: entry.messageId, errorCode: r.code, errorText: r.error });
          break;
        }
        const d = await deliver(ctx, r.to, r.xml);
        attempts.push(...d.attempts);
        outcomes.push(d.outcome);
        if (d.transmitted) progress.sent++;
        if (d.outcome.kind !== 'sent') break;
      }
    });
    outbox.record(attempts, outcomes);
    progress.accepted += outcomes.filter((o) => o.kind === 'sent').length;
    progress.rejected += outcomes.filter((o) => o.kind === 'rejected').length;
    progress.pending = outbox.counts().pending;
    options.onProgress?.({ ...progress });
  }
  const counts = outbox.counts();
  return { ...progress, pending: counts.pending, held: counts.held, resent, stopped: ctx.stop };
}

/** `--dry-run`: the SOAP requests a run would send now, one file each; nothing is sent or changed. */
export function dryRunSync(
  store: Store,
  options: { outDir: string; envelope: EnvelopeContext; soapVersion?: SoapVersion; profile?: IntegrationProfile; force?: boolean },
): { files: string[]; problems: string[] } {
  const profile = options.profile ?? defaultIntegrationProfile;
  const outbox = store.outbox;
  mkdirSync(options.outDir, { recursive: true });
  const files: string[] = [];
  const problems: string[] = [];
  for (let after = 0, batch = outbox.due(500, after); batch.length > 0; batch = outbox.due(500, after)) {
    for (const entry of batch) {
      const r = render(store, entry, options.envelope, profile);
      if ('error' in r) problems.push(r.error);
      else {
        const name = `${String(entry.id).padStart(6, '0')}-${operationName(entry.verb, entry.noun)}-${entry.messageId}.xml`;
        // Never over an existing file without --force (issue 18).
        writeBytesSafely(join(options.outDir, name), wrapSoap(r.xml, options.soapVersion ?? profile.soapVersion ?? '1.1'), {
          force: options.force,
          databasePath: store.path,
        });
        files.push(name);
      }
    }
    after = batch[batch.length - 1]!.id;
  }
  return { files, problems };
}

export type { HttpReply };
