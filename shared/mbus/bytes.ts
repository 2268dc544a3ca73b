/** Byte helpers for M-Bus: hex text, the EN 13757-4 CRC, little-endian integers and BCD. Uint8Array only, no I/O. */
import { fail } from './reasons';

/** Hex text to bytes; white space (and `0x` prefixes, colons, dashes) ignored. */
export function hexBytes(text: string): Uint8Array {
  const digits = text.replace(/0x/gi, '').replace(/[\s:-]/g, '');
  if (digits.length % 2 !== 0 || /[^0-9a-f]/i.test(digits)) fail('mbus.notHex');
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

/** CRC-16/EN-13757 (EN 13757-4 §5.5.1.3: polynomial 0x3D65, initial 0, complemented, MSB first). */
const CRC_TABLE: Readonly<Uint16Array> = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 8;
    for (let b = 0; b < 8; b++) c = c & 0x8000 ? ((c << 1) ^ 0x3d65) & 0xffff : (c << 1) & 0xffff;
    table[n] = c;
  }
  return table;
})();

export function crcEn13757(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let crc = 0;
  for (let i = from; i < to; i++) crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >>> 8) ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc ^ 0xffff;
}

/** True when the two bytes at `at` (high byte first, as sent) are the CRC of bytes[from, at). */
export const crcMatches = (bytes: Uint8Array, from: number, at: number): boolean =>
  at + 2 <= bytes.length && crcEn13757(bytes, from, at) === (((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));

/** Unsigned little-endian integer of `length` bytes (up to 8) as a BigInt. */
export function uintLE(bytes: Uint8Array, at: number, length: number): bigint {
  // Up to 6 bytes fit a double exactly: one BigInt at the end instead of one per byte.
  if (length <= 6) return BigInt(uintLENumber(bytes, at, length));
  return (BigInt(uintLENumber(bytes, at + 4, length - 4)) << 32n) | BigInt(uintLENumber(bytes, at, 4));
}

function uintLENumber(bytes: Uint8Array, at: number, length: number): number {
  let v = 0;
  for (let i = length - 1; i >= 0; i--) v = v * 256 + (bytes[at + i] ?? 0);
  return v;
}

/** Two's-complement signed little-endian integer (EN 13757-3 Annex A, type B). */
export function intLE(bytes: Uint8Array, at: number, length: number): bigint {
  if (length <= 6) {
    const v = uintLENumber(bytes, at, length);
    const span = 2 ** (8 * length);
    return BigInt(v >= span / 2 ? v - span : v);
  }
  return BigInt.asIntN(length * 8, uintLE(bytes, at, length));
}

/**
 * BCD, least significant byte first (type A). A top nibble F marks a negative value (EN 13757-3
 * Annex A); any other nibble above 9 makes the value unreadable (null).
 */
export function bcdLE(bytes: Uint8Array, at: number, length: number): bigint | null {
  let digits = '';
  let negative = false;
  for (let i = length - 1; i >= 0; i--) {
    const b = bytes[at + i] ?? 0;
    let hi = b >> 4;
    if (i === length - 1 && hi === 0xf) {
      negative = true;
      hi = 0;
    }
    const lo = b & 0x0f;
    if (hi > 9 || lo > 9) return null;
    digits += `${hi}${lo}`;
  }
  const v = BigInt(digits || '0');
  return negative ? -v : v;
}

/** Bytes as their hex digits, most significant byte first: the BCD identification number "12345678". */
export function idText(bytes: Uint8Array, at: number, length = 4): string {
  let s = '';
  for (let i = length - 1; i >= 0; i--) s += (bytes[at + i] ?? 0).toString(16).padStart(2, '0');
  return s.toUpperCase();
}

export { concatBytes as concat } from '../lib/bytes';
