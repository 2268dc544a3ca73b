/**
 * The sync service as hosts use it (issue 7): run a sync against the configured endpoint, the
 * outbox status, and the rejected items. Hosts pass a SecretStore (environment for the CLI,
 * safeStorage in the app) and never see a credential themselves.
 */
import type { Store } from '../store';
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
