/**
 * The sync service as hosts use it (issue 7): run a sync against the configured endpoint, the
 * outbox status, and the rejected items. Hosts pass a SecretStore (environment for the CLI,
 * safeStorage in the app) and never see a credential themselves.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/result';
import type { Store } from '../store';
import type { SyncTrigger } from '../store/repositories/syncState';
import { transportOptions, type EndpointConfig } from './config';
import { dryRunSync, runSync, type SyncProgress, type SyncRunOptions, type SyncSummary } from './run';
import type { SecretStore } from './secrets';
import { TransportError } from './transport';
import type { SyncStop } from './deliver';
import { storedProfile } from './profileFile';
import { createRouter } from './router';
import type { Actor } from '../store/repositories/journal';
import type { MeterKeys } from '../meterKeys';
import { pullInbound, type PullSummary } from './inbound';
import { askMeterHistory, type HistoryOutcome } from './historyRequest';
import { defaultXmlLimits } from '../../../shared/cim/xml/safeXml';
import { createBatchValidator } from '../messages/batchValidator';
import { checkSchemaFolder } from '../messages/schemaFolder';
import { createXsdValidator, xmllintAvailable } from '../messages/xsdValidator';
import type { SyncStopShape } from '../../../shared/contract/syncStop';
import { createLogger } from '../log';
import { stopSentence } from './stopLog';

const log = createLogger('sync');

/** A run that threw: stopped with the error's code and, for a coded error, its details (said as that error is). */
export function failedStop(error: unknown): SyncStopShape {
  const shape = error instanceof AppError ? error.toShape() : { code: 'INTERNAL' as const };
  return { code: shape.code, reason: 'failed', details: { error: shape } };
}

export { listRejected, requeueRejected, type RejectedItem } from './rejected';
export { listReceived } from './received';
export { dryRunSync, type SyncProgress, type SyncSummary };
export type { EndpointConfig } from './config';

export interface SyncNowOptions extends Omit<SyncRunOptions, 'post' | 'limits'> {
  readonly endpoint: EndpointConfig;
  readonly secrets: SecretStore;
  /** Who applies what the enterprise sent (audit rows): the signed-in profile that started the run. */
  readonly actor: Actor;
  /** The utility's schema folder: every message is checked against it before it is sent. */
  readonly schemaFolder?: string | undefined;
  /** Where meter keys pulled from the enterprise go (inbound/meterConfigKeys.ts). */
  readonly meterKeys?: Pick<MeterKeys, 'keepWithin'> | undefined;
}

export interface SyncNowSummary extends SyncSummary {
  /** What was pulled from the enterprise's queue after sending (null: not pulled, the run stopped first). */
  inbound: PullSummary | null;
  /** The meters' history asked for (profile `meterHistory: ask`) and what became of the answer; absent when not asked. */
  history?: HistoryOutcome;
}

/** Sends the outbox, then — unless the run stopped — pulls and applies what the enterprise queued for the device. */
export async function syncNow(store: Store, options: SyncNowOptions): Promise<SyncNowSummary> {
  // Checked here too (gone or emptied since the caller looked); its index serves the validator.
  const schemas = options.schemaFolder ? checkSchemaFolder(options.schemaFolder, xmllintAvailable) : null;
  const profile = options.profile ?? storedProfile(store);
  const transportSettings = transportOptions(options.endpoint, options.secrets);
  const router = createRouter(transportSettings, Object.values(profile.endpoints));
  const transport = router.main;
  const validator = options.schemaFolder && schemas ? createBatchValidator(options.schemaFolder, { schemas }) : null;
  try {
    const summary = await runSync(store, {
      ...options,
      profile,
      sendsCredentials: transportSettings.auth.kind !== 'none' || transportSettings.tls?.cert !== undefined,
      // The profile is the utility's; its SOAP version wins over the endpoint settings' default.
      soapVersion: options.soapVersion ?? profile.soapVersion ?? options.endpoint.soapVersion,
      post: router.post,
      ...(validator ? { validate: (xmls: readonly string[]) => validator.validateAll(xmls) } : {}),
    });
    if (summary.stopped) return { ...summary, inbound: null };
    const history =
      profile.meterHistory === 'ask'
        ? await askMeterHistory(store, {
            post: router.post,
            profile,
            soapVersion: options.soapVersion ?? profile.soapVersion ?? options.endpoint.soapVersion ?? '1.1',
            limits: defaultXmlLimits,
            source: options.envelope.source,
            actor: options.actor,
            ...(options.schemaFolder && schemas ? { schemas: createXsdValidator(options.schemaFolder) } : {}),
          })
        : null;
    const asked = history ? { history } : {};
    try {
      const inbound = await pullInbound(
        store,
        transport,
        options.actor,
        options.signal,
        options.schemaFolder && schemas ? createXsdValidator(options.schemaFolder) : undefined,
        options.meterKeys,
      );
      return { ...summary, inbound, ...asked };
    } catch (error) {
      if (!(error instanceof AppError) && !(error instanceof TransportError)) throw error;
      // The connection's trouble is coded; our own English about the queue's answer goes to the log only.
      log.warn(`the enterprise's queue for this device could not be fetched: ${error.message}`);
      const stopped: SyncStop =
        error instanceof TransportError
          ? { code: 'UNREACHABLE', reason: 'inboundFailed', details: { ...error.failure } }
          : { code: 'BAD_REPLY', reason: 'inboundFailed', details: {} };
      return { ...summary, ...asked, inbound: null, stopped };
    }
  } finally {
    router.close();
    validator?.close();
  }
}

/**
 * One run as `sync_runs` records it, whoever started it (the app's button, background sync, the
 * CLI): started with the pending count, finished with what it sent and why it stopped — also when
 * it threw (then the error is recorded as the stop and thrown on).
 */
export async function recordedRun<S extends SyncSummary & { inbound?: PullSummary | null }>(
  store: Store,
  run: { id?: string; trigger: SyncTrigger },
  work: () => Promise<S>,
): Promise<S> {
  const id = run.id ?? randomUUID();
  store.syncState.startRun({ id, startedAt: new Date().toISOString(), trigger: run.trigger, pending: store.outbox.counts().pending });
  let summary: S | null = null;
  let failure: SyncStopShape | null = null;
  try {
    summary = await work();
    return summary;
  } catch (error) {
    failure = failedStop(error);
    throw error;
  } finally {
    const stop = summary?.stopped ?? failure;
    // The sentence goes to the log; the row keeps the reason and details the screen and the CLI say.
    if (stop) log.warn(`sync run ${id} stopped: ${stopSentence(stop)}`);
    store.syncState.finishRun({
      id,
      finishedAt: new Date().toISOString(),
      sent: summary?.sent ?? 0,
      accepted: summary?.accepted ?? 0,
      rejected: summary?.rejected ?? 0,
      pending: summary?.pending ?? store.outbox.counts().pending,
      received: summary?.inbound?.received ?? 0,
      stop,
    });
  }
}

export interface OutboxStatusSummary {
  pending: number;
  inFlight: number;
  held: number;
  sent: number;
  rejected: number;
}

export function outboxStatus(store: Store): OutboxStatusSummary {
  return store.outbox.counts();
}
