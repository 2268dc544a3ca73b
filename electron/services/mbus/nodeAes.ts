/** AES-128-CBC for shared/mbus's security layer, from node:crypto (OpenSSL): no padding, whole blocks. */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { AesCipher } from '../../../shared/mbus/security';

function run(cipher: ReturnType<typeof createCipheriv> | ReturnType<typeof createDecipheriv>, data: Uint8Array): Uint8Array {
  cipher.setAutoPadding(false);
  const head = cipher.update(data);
  const tail = cipher.final();
  return tail.length ? Buffer.concat([head, tail]) : head;
}

export const nodeAes: AesCipher = {
  decryptCbc: (key, iv, data) => run(createDecipheriv('aes-128-cbc', key, iv), data),
  encryptCbc: (key, iv, data) => run(createCipheriv('aes-128-cbc', key, iv), data),
};
