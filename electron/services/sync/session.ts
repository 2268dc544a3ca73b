/**
 * The app's sync session (issue 7, "status and control"): at most one run at a time, started by
 * the user or in the background, running on the Node side while the renderer gets
 * `sync.progress` after each batch and `sync.finished` at the end; cancel through an
 * AbortSignal (what was not answered stays pending with its MessageID). Each run is recorded in
 * `sync_runs` so "last success" survives a restart. The endpoint settings live in `settings`;
 * credentials only ever go into the SecretStore the host gave us.
 */
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../../shared/contract/api';
import { syncSettings, type SyncSettings, type SyncStatus } from '../../../shared/contract/methods/sync';
import { AppError } from '../../../shared/contract/result';
import { endpointOrigin, endpointProblem, endpointProblemText, redactEndpoint } from '../../../shared/domain/syncEndpoint';
import { createLogger } from '../log';
import type { MeterKeys } from '../meterKeys';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { SyncTrigger } from '../store/repositories/syncState';
import { checkSchemaFolder, checkSchemaFolderAsync } from '../messages/schemaFolder';
import { xmllintAvailable } from '../messages/xsdValidator';
import { transportOptions, type EndpointConfig } from './config';
import { failedStop, recordedRun, syncNow } from './index';
import { storedProfile } from './profileFile';
import type { RetryPolicy } from './retry';
import { SecretStorageUnsafe, type SecretName, type SecretStore } from './secrets';

const log = createLogger('sync');
const SETTINGS_KEY = 'sync.endpoint';
/** sync_state: the origin (scheme://host:port) the stored credentials were given for (issue 18). */
const CREDENTIALS_ORIGIN_KEY = 'credentials.origin';
const SECRET_NAMES = ['sync.token', 'sync.user', 'sync.password', 'sync.keyPassphrase'] as const;
/** Settings that passed checkSettings: only those can be saved. */
export type CheckedSyncSettings = SyncSettings & { readonly __checked: true };

export const defaultSyncSettings: SyncSettings = { endpoint: '', soapVersion: '1.1', caPath: '', schemaFolder: '' };

export interface SyncSecrets {
  readonly store: SecretStore;
  /** 'environment' = read-only (web host, CLI): nothing is ever written. */
  readonly source: 'secureStorage' | 'environment';
}

export interface SyncSessionOptions {
  readonly secrets: SyncSecrets;
  readonly emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  readonly source?: string;
  readonly retry?: RetryPolicy;
  readonly timeoutMs?: number;
  /** Where meter keys the enterprise sends go (inbound/meterConfigKeys.ts); absent: such a message is refused. */
  readonly meterKeys?: Pick<MeterKeys, 'keepWithin'> | undefined;
}

export function createSyncSession(store: Store, options: SyncSessionOptions) {
  let running: { runId: string; abort: AbortController; done: Promise<void> } | null = null;
  // Unknown until a run has talked to the enterprise (or failed to reach it).
  let online: boolean | undefined;

  const settings = (): SyncSettings => store.settings.getJson(SETTINGS_KEY, syncSettings, defaultSyncSettings);
  const stores = () => options.secrets.source === 'secureStorage';
  /** Whether a secret is stored, also one this device cannot decrypt (that is said when a run needs it). */
  const present = (name: SecretName): boolean => {
    try {
      return Boolean(options.secrets.store.get(name));
    } catch (error) {
      if (error instanceof AppError && error.details?.reason === 'credentialsProblem') return true;
      throw error;
    }
  };
  const hasStoredCredentials = () => SECRET_NAMES.some(present);

  // An endpoint saved with a user or password in it (before issue 18 refused them) loses them now;
  // credentials stored before they were bound to an origin are bound to the endpoint they were used with.
  store.transaction(() => {
    const stored = settings();
    const redacted = redactEndpoint(stored.endpoint);
    if (redacted !== stored.endpoint) {
      store.settings.set(SETTINGS_KEY, JSON.stringify({ ...stored, endpoint: redacted }));
      log.warn('a user or password was removed from the stored sync endpoint');
    }
    if (stores() && store.syncState.get(CREDENTIALS_ORIGIN_KEY) === null && stored.endpoint !== '' && hasStoredCredentials()) {
      store.syncState.set(CREDENTIALS_ORIGIN_KEY, endpointOrigin(redacted));
    }
  });

  /** Forgets the stored credentials and what they were bound to (a new server must not receive them). */
  function forgetCredentials(): void {
    for (const name of SECRET_NAMES) options.secrets.store.delete(name);
    store.syncState.delete(CREDENTIALS_ORIGIN_KEY);
  }

  // Credentials from this machine's environment (web host) are bound the same way: to the origin of
  // FIELDMETER_SYNC_ENDPOINT when set, else to the endpoint saved when the host started.
  const environmentOrigin = stores()
    ? ''
    : endpointOrigin(process.env.FIELDMETER_SYNC_ENDPOINT ?? '') || endpointOrigin(settings().endpoint);

  /** Stored credentials travel only to the origin they were given for. */
  function checkCredentialsOrigin(endpoint: string): void {
    if (!stores()) {
      if (hasStoredCredentials() && environmentOrigin !== endpointOrigin(endpoint)) {
        throw new AppError(
          'VALIDATION',
          `The credentials of this machine (FIELDMETER_SYNC_*) are for ${environmentOrigin || 'no endpoint yet'}, not this endpoint. Set FIELDMETER_SYNC_ENDPOINT to the endpoint they belong to and restart.`,
          { reason: 'credentialsProblem', credentials: 'otherOrigin' },
        );
      }
      return;
    }
    if (!hasStoredCredentials()) return;
    if (store.syncState.get(CREDENTIALS_ORIGIN_KEY) !== endpointOrigin(endpoint)) {
      throw new AppError(
        'VALIDATION',
        'The stored credentials were given for another server. A supervisor stores them again for this endpoint.',
        { reason: 'credentialsProblem', credentials: 'otherOrigin' },
      );
    }
  }

  function endpointConfig(): EndpointConfig {
    const s = settings();
    if (!s.endpoint)
      throw new AppError('VALIDATION', 'No enterprise endpoint is set. A supervisor sets it under Sync → Endpoint.', {
        reason: 'endpointMissing',
      });
    return { endpoint: s.endpoint, soapVersion: s.soapVersion, caFile: s.caPath || undefined, timeoutMs: options.timeoutMs };
  }

  function credentialsInfo() {
    const kind = present('sync.token') ? 'bearer' : present('sync.user') ? 'basic' : 'none';
    return { kind, source: options.secrets.source, canStore: options.secrets.source === 'secureStorage' } as const;
  }

  function refuseEnvironment(): void {
    if (options.secrets.source === 'environment') {
      throw new AppError(
        'VALIDATION',
        'Credentials are not stored by this version of Fieldmeter (browser or command line): set FIELDMETER_SYNC_USER and FIELDMETER_SYNC_PASSWORD, or FIELDMETER_SYNC_TOKEN, on this machine and restart it.',
        { reason: 'credentialsNotStored' },
      );
    }
  }

  async function execute(runId: string, trigger: SyncTrigger, endpoint: EndpointConfig, actor: Actor, signal: AbortSignal): Promise<void> {
    let finished: EventPayload<'sync.finished'>;
    try {
      const summary = await recordedRun(store, { id: runId, trigger }, () =>
        syncNow(store, {
          endpoint,
          secrets: options.secrets.store,
          envelope: { source: options.source ?? 'FIELDMETER' },
          actor,
          retry: options.retry,
          schemaFolder: settings().schemaFolder || undefined,
          meterKeys: options.meterKeys,
          signal,
          onProgress: (p) => {
            options.emit('sync.progress', { ...p, runId });
          },
        }),
      );
      online = summary.stopped?.code === 'UNREACHABLE' ? false : true;
      const { sent, accepted, rejected, pending, held, resent } = summary;
      const received = summary.inbound?.received ?? 0;
      finished = { runId, summary: { runId, sent, accepted, rejected, pending, held, resent, received }, stopped: summary.stopped };
    } catch (error) {
      log.warn('sync run failed', error);
      // A coded error keeps its code and details, so the screen says it in the user's language.
      finished = { runId, summary: null, stopped: failedStop(error) };
    }
    // Not running any more before anyone hears "finished": a status fetched on the event is true.
    if (running?.runId === runId) running = null;
    options.emit('sync.finished', finished);
  }

  return {
    status(): SyncStatus {
      const c = store.outbox.counts();
      const latest = store.syncState.latestRun();
      const lastStop = latest?.stop ?? null;
      return {
        pending: c.pending,
        held: c.held,
        rejected: c.rejected,
        sent: c.sent,
        online,
        lastSuccessAt: store.syncState.lastSuccessAt(),
        running: running !== null,
        configured: settings().endpoint !== '',
        lastStop,
        lastStopAt: lastStop ? (latest?.finishedAt ?? latest?.startedAt ?? null) : null,
      };
    },
    /** Starts a run unless one is running; a setup problem (no endpoint, unreadable CA) is thrown at once. */
    /** Starts a run as `actor` (who applies what the enterprise sends) unless one is running. */
    start(trigger: SyncTrigger, actor: Actor): { runId: string; alreadyRunning: boolean } {
      if (running) return { runId: running.runId, alreadyRunning: true };
      const endpoint = endpointConfig();
      transportOptions(endpoint, options.secrets.store); // checks URL, CA file and credentials before we say "started"
      checkCredentialsOrigin(endpoint.endpoint);
      const { schemaFolder } = settings();
      if (schemaFolder) checkSchemaFolder(schemaFolder, xmllintAvailable); // gone or emptied since it was set
      storedProfile(store); // a stored integration profile that no longer parses is said at once
      const runId = randomUUID();
      const abort = new AbortController();
      const done = execute(runId, trigger, endpoint, actor, abort.signal)
        .catch((error: unknown) => log.error('sync run could not be recorded', error))
        .finally(() => {
          if (running?.runId === runId) running = null;
        });
      running = { runId, abort, done };
      return { runId, alreadyRunning: false };
    },
    cancel(): boolean {
      if (!running) return false;
      running.abort.abort();
      return true;
    },
    /** Resolves when the current run (if any) has ended. */
    async idle(): Promise<void> {
      await running?.done;
    },
    settings,
    /** Saves the settings; a new origin (scheme, host or port) drops the stored credentials (issue 18). */
    /** Checks settings before they are saved: the endpoint, and the schema folder walked without blocking the host. */
    async checkSettings(next: SyncSettings): Promise<CheckedSyncSettings> {
      const problem = next.endpoint === '' ? null : endpointProblem(next.endpoint);
      if (problem) throw new AppError('VALIDATION', endpointProblemText[problem], { reason: 'endpointProblem', endpoint: problem });
      if (next.schemaFolder) await checkSchemaFolderAsync(next.schemaFolder, xmllintAvailable);
      return next as CheckedSyncSettings;
    },
    setSettings(next: CheckedSyncSettings): SyncSettings {
      store.transaction(() => {
        if (stores() && endpointOrigin(next.endpoint) !== endpointOrigin(settings().endpoint)) forgetCredentials();
        store.settings.set(SETTINGS_KEY, JSON.stringify(next));
      });
      return next;
    },
    credentialsInfo,
    setCredentials(c: { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string }) {
      refuseEnvironment();
      const { endpoint } = settings();
      if (endpoint === '') {
        throw new AppError('VALIDATION', 'Save the endpoint first: credentials are kept for that server only.', {
          reason: 'credentialsProblem',
          credentials: 'noEndpoint',
        });
      }
      const s = options.secrets.store;
      try {
        if (c.kind === 'bearer') {
          s.set('sync.token', c.token);
          s.delete('sync.user');
          s.delete('sync.password');
        } else {
          s.set('sync.user', c.user);
          s.set('sync.password', c.password);
          s.delete('sync.token');
        }
      } catch (error) {
        // e.g. no keyring: refuse rather than keep the secret in plain text (issue 7, Transport).
        if (error instanceof SecretStorageUnsafe)
          throw new AppError('VALIDATION', error.message, { reason: 'credentialsProblem', credentials: error.reason });
        throw new AppError('VALIDATION', error instanceof Error ? error.message : String(error), {
          reason: 'credentialsProblem',
          credentials: 'storage',
        });
      }
      store.syncState.set(CREDENTIALS_ORIGIN_KEY, endpointOrigin(endpoint));
      return credentialsInfo();
    },
    clearCredentials() {
      refuseEnvironment();
      forgetCredentials();
      return credentialsInfo();
    },
  };
}
export type SyncSession = ReturnType<typeof createSyncSession>;
