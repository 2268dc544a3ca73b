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
import { createTransport } from './transport';

export { listRejected, requeueRejected, type RejectedItem } from './rejected';
export { dryRunSync, type SyncProgress, type SyncSummary };
export type { EndpointConfig } from './config';

export interface SyncNowOptions extends Omit<SyncRunOptions, 'post' | 'limits'> {
  readonly endpoint: EndpointConfig;
  readonly secrets: SecretStore;
}

export async function syncNow(store: Store, options: SyncNowOptions): Promise<SyncSummary> {
  const transport = createTransport(transportOptions(options.endpoint, options.secrets));
  try {
    return await runSync(store, { ...options, soapVersion: options.soapVersion ?? options.endpoint.soapVersion, post: transport.post });
  } finally {
    transport.close();
  }
}

/**
 * One run as `sync_runs` records it, whoever started it (the app's button, background sync, the
 * CLI): started with the pending count, finished with what it sent and why it stopped — also when
 * it threw (then the error is recorded as the stop and thrown on).
 */
export async function recordedRun(store: Store, run: { id?: string; trigger: SyncTrigger }, work: () => Promise<SyncSummary>): Promise<SyncSummary> {
  const id = run.id ?? randomUUID();
  store.syncState.startRun({ id, startedAt: new Date().toISOString(), trigger: run.trigger, pending: store.outbox.counts().pending });
  let summary: SyncSummary | null = null;
  let failure: { code: string; message: string } | null = null;
  try {
    summary = await work();
    return summary;
  } catch (error) {
    failure = { code: error instanceof AppError ? error.code : 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
    throw error;
  } finally {
    const stop = summary?.stopped ?? failure;
    store.syncState.finishRun({
      id,
      finishedAt: new Date().toISOString(),
      sent: summary?.sent ?? 0,
      accepted: summary?.accepted ?? 0,
      rejected: summary?.rejected ?? 0,
      pending: summary?.pending ?? store.outbox.counts().pending,
      stopCode: stop?.code ?? null,
      stopMessage: stop?.message ?? null,
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
