/**
 * Credentials for the enterprise endpoint are never stored in plain text (issue 7). The sync
 * service asks a SecretStore; the CLI's store reads environment variables, the app's store
 * (wired by electron/main) encrypts with Electron safeStorage through the `Encryptor` below, so
 * this module needs no 'electron' import.
 */
import { AppError } from '../../../shared/contract/appError';

export type SecretName = 'sync.user' | 'sync.password' | 'sync.token' | 'sync.keyPassphrase';

export interface SecretStore {
  get(name: SecretName): string | undefined;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

const ENV_NAMES: Readonly<Record<SecretName, string>> = {
  'sync.user': 'FIELDMETER_SYNC_USER',
  'sync.password': 'FIELDMETER_SYNC_PASSWORD',
  'sync.token': 'FIELDMETER_SYNC_TOKEN',
  'sync.keyPassphrase': 'FIELDMETER_SYNC_KEY_PASSPHRASE',
};

/** Read-only: the CLI takes credentials from the environment of the one run. */
export function envSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const refuse = () => {
    throw new Error('credentials for the command line come from environment variables; nothing is stored');
  };
  return { get: (name) => env[ENV_NAMES[name]] || undefined, set: refuse, delete: refuse };
}

export function memorySecretStore(initial: Partial<Record<SecretName, string>> = {}): SecretStore {
  const values = new Map(Object.entries(initial) as [SecretName, string][]);
  return { get: (n) => values.get(n), set: (n, v) => void values.set(n, v), delete: (n) => void values.delete(n) };
}

/** The part of Electron's safeStorage this needs (electron/main passes the real one). */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the encrypted blobs live, e.g. the settings repository (keys `secret.<name>`). */
export interface BlobStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/**
 * Why this computer cannot keep a secret safely: no encryption at all, or (Linux without a keyring)
 * Electron's `basic_text` backend, which encrypts with a key written into Chromium's source, so the
 * blob is as good as plain text to anyone who can read the database.
 */
export type StorageProblem = 'unavailable' | 'plainTextKey';

const storageProblemText: Readonly<Record<StorageProblem, string>> = {
  unavailable: 'Secure storage is not available on this computer; the credential was not saved.',
  plainTextKey:
    'This computer has no keyring, so the credential could only be kept under a key known to everyone; it was not saved. ' +
    'Install and unlock a keyring (GNOME Keyring or KWallet) and start Fieldmeter again, or start it with --password-store=gnome-libsecret (or kwallet5, kwallet6).',
};

export class SecretStorageUnsafe extends Error {
  constructor(readonly reason: StorageProblem) {
    super(storageProblemText[reason]);
    this.name = 'SecretStorageUnsafe';
  }
}

/**
 * `storageProblem` is asked before every write (electron/main passes a check of safeStorage's
 * backend); without one only an unavailable encryptor is refused.
 */
export function encryptedSecretStore(
  encryptor: Encryptor,
  blobs: BlobStore,
  storageProblem: () => StorageProblem | null = () => (encryptor.isEncryptionAvailable() ? null : 'unavailable'),
): SecretStore {
  const key = (name: SecretName) => `secret.${name}`;
  return {
    get(name) {
      const blob = blobs.get(key(name));
      if (blob === null) return undefined;
      try {
        return encryptor.decryptString(Buffer.from(blob, 'base64'));
      } catch (error) {
        // Encrypted under another device's key (the database was copied) or a keyring since reset.
        throw new AppError('VALIDATION', `the stored ${name} cannot be decrypted with this device's key: ${String(error)}`, {
          reason: 'credentialsProblem',
          credentials: 'undecryptable',
        });
      }
    },
    set(name, value) {
      // Refuse rather than fall back to plain text or a well-known key (issue 7, issue 18).
      const problem = storageProblem();
      if (problem) throw new SecretStorageUnsafe(problem);
      blobs.set(key(name), encryptor.encryptString(value).toString('base64'));
    },
    delete(name) {
      blobs.delete(key(name));
    },
  };
}
