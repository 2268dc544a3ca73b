import type { Encryptor } from '../../electron/services/sync/secrets';

/** Stands in for Electron safeStorage (the OS keychain is not here): reversible, but never the plain text. */
export const xorEncryptor: Encryptor = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (enc) => Buffer.from(enc.map((b) => b ^ 0x5a)).toString('utf8'),
};
