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
import type { DomainHandlers, HandlerContext } from './context';

export interface SyncHandlerOptions {
  /** Electron: `(blobs) => encryptedSecretStore(safeStorage, blobs)`; absent = environment variables. */
  readonly secrets?: (blobs: BlobStore) => SecretStore;
}

export function syncHandlers(
  { store, actor, emit }: HandlerContext,
  options: SyncHandlerOptions = {},
): DomainHandlers<keyof typeof syncMethods> {
  const secrets = options.secrets
    ? { store: options.secrets(store.syncState), source: 'secureStorage' as const }
    : { store: envSecretStore(), source: 'environment' as const };
  const session = createSyncSession(store, { secrets, emit });
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
      // One transaction: back to pending with the same MessageID, and who asked for it.
      store.transaction(() => {
        requeueRejected(store, messageId);
        store.journal.audit(actor(), { action: 'sync.retry', entity: 'outbox', entityId: messageId });
      });
      return { requeued: true as const };
    },
    'sync.settings.get': () => ({ settings: session.settings(), credentials: session.credentialsInfo() }),
    'sync.settings.set': async (input) => {
      const checked = await session.checkSettings(input);
      const saved = store.transaction(() => {
        const next = session.setSettings(checked);
        store.journal.audit(actor(), { action: 'sync.settings', entity: 'settings', entityId: 'sync.endpoint', details: next });
        return next;
      });
      return saved;
    },
    'sync.credentials.set': (input) => {
      const info = session.setCredentials(input);
      // The audit row says that credentials changed, never what they are.
      store.journal.audit(actor(), {
        action: 'sync.credentials',
        entity: 'settings',
        entityId: 'sync.credentials',
        details: { kind: info.kind },
      });
      return info;
    },
    'sync.profile.get': () => profileInfo(store),
    'sync.profile.set': ({ text }) =>
      store.transaction(() => {
        if (text === null) forgetProfile(store);
        else storeProfile(store, parseProfileText(text, 'chosen'));
        const info = profileInfo(store);
        store.journal.audit(actor(), {
          action: 'sync.profile',
          entity: 'settings',
          entityId: 'sync.profile',
          details: { name: info.name, isDefault: info.isDefault },
        });
        return info;
      }),
    'sync.credentials.clear': () => {
      const info = session.clearCredentials();
      store.journal.audit(actor(), {
        action: 'sync.credentials',
        entity: 'settings',
        entityId: 'sync.credentials',
        details: { kind: 'none' },
      });
      return info;
    },
  };
}
