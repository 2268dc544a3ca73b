/**
 * Transport-layer security (OMS Vol.2 Issue 5 §9, EN 13757-7): mode 5 (AES-128-CBC, IV = M-field,
 * A-field and the access number eight times) and mode 7 (AES-128-CBC with IV zero under a key
 * derived per message with AES-CMAC, OMS Vol.2 §9.6 "KDF-A"). The AES block cipher is injected:
 * this layer stays pure (the Node side hands in node:crypto; a test or the renderer could hand in
 * another), and it never keeps or prints a key.
 */
import { concat } from './bytes';
import { fail } from './reasons';

export interface AesCipher {
  /** AES-128-CBC without padding; data is whole 16-byte blocks. */
  decryptCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  encryptCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
}

const ZERO_IV = new Uint8Array(16);

/** One AES block encryption through CBC with a zero IV (what CMAC needs). */
const encryptBlock = (aes: AesCipher, key: Uint8Array, block: Uint8Array) => aes.encryptCbc(key, ZERO_IV, block);

function shiftLeft(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (((block[i] ?? 0) << 1) | ((block[i + 1] ?? 0) >> 7)) & 0xff;
  if ((block[0] ?? 0) & 0x80) out[15] = (out[15] ?? 0) ^ 0x87;
  return out;
}

/** AES-CMAC (NIST SP 800-38B, RFC 4493). */
export function aesCmac(aes: AesCipher, key: Uint8Array, message: Uint8Array): Uint8Array {
  const k1 = shiftLeft(encryptBlock(aes, key, new Uint8Array(16)));
  const k2 = shiftLeft(k1);
  const blocks = Math.max(1, Math.ceil(message.length / 16));
  const complete = message.length > 0 && message.length % 16 === 0;
  const last = new Uint8Array(16);
  last.set(message.subarray((blocks - 1) * 16));
  if (!complete) last[message.length - (blocks - 1) * 16] = 0x80;
  const subkey = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) last[i] = (last[i] ?? 0) ^ (subkey[i] ?? 0);
  const padded = concat(message.subarray(0, (blocks - 1) * 16), last);
  const chained = aes.encryptCbc(key, ZERO_IV, padded);
  return chained.subarray(chained.length - 16);
}

/** Mode 5 IV (OMS Vol.2 §9.4.1): M-field (2) + A-field (6: id, version, device type) + access number × 8. */
export function mode5Iv(manufacturerAndAddress: Uint8Array, accessNumber: number): Uint8Array {
  const iv = new Uint8Array(16);
  iv.set(manufacturerAndAddress.subarray(0, 8));
  iv.fill(accessNumber, 8);
  return iv;
}

/**
 * Mode 7 message key (OMS Vol.2 §9.6.1, KDF-A): CMAC(K, 0x00 ‖ message counter ‖ meter id ‖ 0x07×7),
 * counter and id as sent (least significant byte first); 0x00 selects Kenc, meter to reader.
 */
export function mode7Key(
  aes: AesCipher,
  key: Uint8Array,
  messageCounter: Uint8Array,
  meterId: Uint8Array,
  constant: 0x00 | 0x01 = 0x00,
): Uint8Array {
  const input = new Uint8Array(16).fill(0x07);
  input[0] = constant; // 0x00 Kenc, 0x01 Kmac (meter to reader)
  input.set(messageCounter.subarray(0, 4), 1);
  input.set(meterId.subarray(0, 4), 5);
  return aesCmac(aes, key, input);
}

/**
 * The AFL MAC of a mode 7 message (EN 13757-7 §6.3.6, OMS Vol.2 §9.6.2): AES-CMAC under Kmac over
 * MCL ‖ MCR ‖ [ML] ‖ the transport layer from its CI to the end, truncated to the MAC's length.
 */
export function macMatches(aes: AesCipher, kmac: Uint8Array, prefix: Uint8Array, transportLayer: Uint8Array, mac: Uint8Array): boolean {
  const full = aesCmac(aes, kmac, concat(prefix, transportLayer));
  if (mac.length === 0 || mac.length > 16) return false;
  let same = 0;
  for (let i = 0; i < mac.length; i++) same |= (full[i] ?? 0) ^ (mac[i] ?? 0);
  return same === 0;
}

/** Decrypts whole blocks and checks the 2F2F verification bytes (OMS Vol.2 §9.2.4): a wrong key is "cannot decrypt", never values. */
export function decryptVerified(aes: AesCipher, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== 16) fail('mbus.decrypt', 'an AES-128 key has 16 bytes');
  if (data.length === 0 || data.length % 16 !== 0) fail('mbus.truncated', 'encrypted part is not whole AES blocks');
  const plain = aes.decryptCbc(key, iv, data);
  if (plain[0] !== 0x2f || plain[1] !== 0x2f) fail('mbus.decrypt');
  return plain;
}

/**
 * ELL decryption (EN 13757-4:2019 §13.2.11): AES-128-CTR with the counter block
 * M ‖ A ‖ CC (hop bit cleared) ‖ SN ‖ FN (0x0000) ‖ BC (block counter from 0). The first two plaintext bytes are the
 * payload CRC (least significant byte first) over the rest: a wrong key fails it.
 */
export function decryptEll(
  aes: AesCipher,
  key: Uint8Array,
  manufacturerAndAddress: Uint8Array,
  control: number,
  sessionNumber: Uint8Array,
  data: Uint8Array,
  crc: (b: Uint8Array) => number,
): Uint8Array {
  if (key.length !== 16) fail('mbus.decrypt', 'an AES-128 key has 16 bytes');
  const counter = new Uint8Array(16);
  counter.set(manufacturerAndAddress.subarray(0, 8));
  counter[8] = control & 0xef; // the hop counter bit is not part of the counter block (repeaters change it)
  counter.set(sessionNumber.subarray(0, 4), 9);
  const plain = new Uint8Array(data.length);
  for (let block = 0; block * 16 < data.length; block++) {
    counter[15] = block;
    const stream = encryptBlock(aes, key, counter);
    for (let i = 0; i < 16 && block * 16 + i < data.length; i++) plain[block * 16 + i] = (data[block * 16 + i] ?? 0) ^ (stream[i] ?? 0);
  }
  if (plain.length < 2 || crc(plain.subarray(2)) !== ((plain[0] ?? 0) | ((plain[1] ?? 0) << 8))) fail('mbus.decrypt');
  return plain.subarray(2);
}
