/**
 * Sync handlers (issue 7). The Electron host passes a SecretStore factory backed by safeStorage;
 * without one (web host, tests) credentials come from the environment only and are never stored.
 */
import type { syncMethods } from '../../../shared/contract/methods/sync';
import { listReceived, listRejected, requeueRejected } from '../sync';
import { editableReadings, editRejected } from '../sync/editRejected';
import { forgetProfile, parseProfileText, profileInfo, storeProfile } from '../sync/profileFile';
import { envSecretStore, type BlobStore, type SecretStore } from '../sync/secrets';
import { createSyncSession } from '../sync/session';
import type { Change } from '../store/mutation';
import type { MeterKeys } from '../meterKeys';
import type { DomainHandlers, HandlerContext } from './context';

export interface SyncHandlerOptions {
  /** Electron: `(blobs) => encryptedSecretStore(safeStorage, blobs)`; absent = environment variables. */
  readonly secrets?: (blobs: BlobStore) => SecretStore;
  /** Where meter keys the enterprise sends go (inbound/meterConfigKeys.ts). */
  readonly meterKeys?: MeterKeys;
}

export function syncHandlers(
  { store, actor, mutate, emit }: HandlerContext,
  options: SyncHandlerOptions = {},
): DomainHandlers<keyof typeof syncMethods> {
  const secrets = options.secrets
    ? { store: options.secrets(store.syncState), source: 'secureStorage' as const }
    : { store: envSecretStore(), source: 'environment' as const };
  const session = createSyncSession(store, { secrets, emit, meterKeys: options.meterKeys });
  return {
    'sync.status': () => session.status(),
    'sync.run': ({ trigger }) => session.start(trigger, actor()),
    'sync.cancel': () => ({ cancelled: session.cancel() }),
    'sync.rejected.list': () =>
      listRejected(store).map(({ messageId, noun, verb, usagePointId, createdAt, errorCode, errorText, attempts, payload }) => ({
        messageId,
        noun,
        verb,
        usagePointId,
        createdAt,
        errorCode,
        errorText,
        attempts: attempts.length,
        readings: editableReadings(store, noun, payload),
      })),
    'sync.rejected.edit': (input) => {
      const result = editRejected(store, actor(), input);
      return result;
    },
    'sync.received.list': () => listReceived(store),
    'sync.rejected.retry': ({ messageId }) => {
      // One change: back to pending with the same MessageID, and who asked for it.
      mutate((change) => {
        requeueRejected(store, messageId);
        change.audit({ action: 'sync.retry', entity: 'outbox', entityId: messageId });
      });
      return { requeued: true as const };
    },
    'sync.settings.get': () => ({ settings: session.settings(), credentials: session.credentialsInfo() }),
    'sync.settings.set': async (input) => {
      const checked = await session.checkSettings(input);
      return mutate((change) => {
        const next = session.setSettings(checked);
        change.audit({ action: 'sync.settings', entity: 'settings', entityId: 'sync.endpoint', details: next });
        return next;
      });
    },
    // The credentials and their audit row in one change; the row says that they changed, never what they are.
    'sync.credentials.set': (input) => mutate((change) => credentialsChanged(change, session.setCredentials(input))),
    'sync.profile.get': () => profileInfo(store),
    'sync.profile.set': ({ text }) =>
      mutate((change) => {
        if (text === null) forgetProfile(store);
        else storeProfile(store, parseProfileText(text, 'chosen'));
        const info = profileInfo(store);
        change.audit({
          action: 'sync.profile',
          entity: 'settings',
          entityId: 'sync.profile',
          details: { name: info.name, isDefault: info.isDefault },
        });
        return info;
      }),
    'sync.credentials.clear': () => mutate((change) => credentialsChanged(change, session.clearCredentials())),
  };
}

function credentialsChanged<I extends { kind: string }>(change: Change, info: I): I {
  change.audit({ action: 'sync.credentials', entity: 'settings', entityId: 'sync.credentials', details: { kind: info.kind } });
  return info;
}
