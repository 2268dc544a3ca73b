/**
 * Whether Electron's safeStorage keeps a secret safely here (issue 18). On Linux without a keyring
 * Chromium falls back to the `basic_text` backend: "encrypted" with a hard-coded key, so no better
 * than plain text. The check is handed to the secret store (services/sync/secrets.ts), which
 * refuses to store a credential while it reports a problem.
 */
import type { SafeStorage } from 'electron';
import type { StorageProblem } from '../services/sync/secrets';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function safeStorageProblem(safeStorage: SafeStorageLike, platform: NodeJS.Platform): StorageProblem | null {
  if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
  // getSelectedStorageBackend exists on Linux only (Electron docs, safeStorage).
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'plainTextKey';
  return null;
}
