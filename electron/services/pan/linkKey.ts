/**
 * The Trust Center link key derived from an install code: the Matyas-Meyer-Oseas (AES-MMO)
 * hash of the install code *including* its CRC, as the Zigbee specification defines it
 * (Zigbee 05-3474, Annex B.6 "Block-cipher-based cryptographic hash function"; Smart Energy
 * Profile 1.x §5.4.8.1.1). AES-128 comes from node:crypto, so this stays on the Node side.
 * The key is derived on request and never stored or logged (issue 8).
 */
import { createCipheriv } from 'node:crypto';

const BLOCK = 16;

function aesEncryptBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/**
 * MMO padding (Annex B.6): append bit '1' (0x80), zeros, then the message length in bits as a
 * 16-bit big-endian number, so the total is a multiple of the block size. Messages here are
 * at most 18 bytes, far below the 2^16-bit limit where the longer length form applies.
 */
function mmoPad(message: Uint8Array): Buffer {
  const bits = message.length * 8;
  let total = message.length + 1 + 2;
  total = Math.ceil(total / BLOCK) * BLOCK;
  const padded = Buffer.alloc(total);
  padded.set(message);
  padded[message.length] = 0x80;
  padded.writeUInt16BE(bits, total - 2);
  return padded;
}

/** AES-MMO: H0 = 0; Hj = E(Hj-1, Mj) XOR Mj. */
export function aesMmoHash(message: Uint8Array): Buffer {
  const padded = mmoPad(message);
  let hash: Buffer = Buffer.alloc(BLOCK);
  for (let offset = 0; offset < padded.length; offset += BLOCK) {
    const block = padded.subarray(offset, offset + BLOCK);
    const encrypted = aesEncryptBlock(hash, block);
    for (let i = 0; i < BLOCK; i += 1) encrypted[i] = (encrypted[i] ?? 0) ^ (block[i] ?? 0);
    hash = encrypted;
  }
  return hash;
}

/** The link key, 32 upper-case hex digits, from install code bytes that include their CRC. */
export function linkKeyFromInstallCode(installCodeWithCrc: Uint8Array): string {
  return aesMmoHash(installCodeWithCrc).toString('hex').toUpperCase();
}
