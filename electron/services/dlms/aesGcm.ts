/** AES-128-GCM for DLMS ciphering (shared/dlms/ciphering) on node:crypto, with the 12-byte tag of security suite 0. */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { AesGcm } from '../../../shared/dlms/ciphering';
import { TAG_LENGTH } from '../../../shared/dlms/ciphering';

export const nodeAesGcm: AesGcm = {
  encrypt(key, iv, aad, plain) {
    const cipher = createCipheriv('aes-128-gcm', key, iv, { authTagLength: TAG_LENGTH });
    cipher.setAAD(aad);
    const out = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { cipher: new Uint8Array(out), tag: new Uint8Array(cipher.getAuthTag()) };
  },
  decrypt(key, iv, aad, data, tag) {
    const decipher = createDecipheriv('aes-128-gcm', key, iv, { authTagLength: TAG_LENGTH });
    if (!tag) return new Uint8Array(decipher.update(data)); // encryption only: GCM's counter mode, nothing to verify
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    try {
      return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
    } catch {
      return null;
    }
  },
};
