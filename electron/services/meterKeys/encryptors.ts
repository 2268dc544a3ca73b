/**
 * What seals meter keys at rest. The desktop app passes Electron safeStorage (the OS keychain), as
 * for sync credentials (electron/services/sync/secrets.ts). The web host and the command line have
 * no keychain: they seal with AES-256-GCM under a secret given in the environment of the run
 * (FIELDMETER_KEY_SECRET), which is never stored; without it they refuse to keep keys at all.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { Encryptor } from '../sync/secrets';

export const KEY_SECRET_ENV = 'FIELDMETER_KEY_SECRET';
const SALT = Buffer.from('fieldmeter meter keys v1');

/** An Encryptor from a secret: AES-256-GCM, a fresh 12-byte nonce per value, the tag kept with it. */
export function secretEncryptor(secret: string): Encryptor {
  const key = scryptSync(secret, SALT, 32);
  return {
    isEncryptionAvailable: () => true,
    encryptString(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** The web host's and the CLI's Encryptor, or undefined when the environment gives no secret. */
export function envEncryptor(env: NodeJS.ProcessEnv = process.env): Encryptor | undefined {
  const secret = env[KEY_SECRET_ENV];
  return secret && secret.length >= 12 ? secretEncryptor(secret) : undefined;
}
