/**
 * IEC 62056-21:2002 framing: control characters (§6.3), the block check character (§6.3.? "BCC":
 * XOR of every byte after the first SOH or STX up to and including ETX or EOT), and the
 * CRC-16/ARC that DSMR P1 telegrams (mode D derivative, DSMR 4+ §6.2) carry after the `!`.
 * Pure byte helpers: Uint8Array only, no Buffer, no I/O.
 */
import { concatBytes } from '../lib/bytes';
export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ACK = 0x06;
export const NAK = 0x15;
export const CR = 0x0d;
export const LF = 0x0a;
export const NUL = 0x00;
export const BANG = 0x21; // '!' end of data (§6.3.2 data message)
export const SLASH = 0x2f; // '/' start of request and identification messages

/**
 * XOR over bytes[from, to). §6.3: the BCC starts after SOH/STX and includes ETX/EOT. A 7E1 link
 * carries 7 data bits, so the parity bit is masked off (a PTY or 8N1 adapter may hand it to us).
 */
export function bcc(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] ?? 0;
  return x & 0x7f;
}

/** CRC-16/ARC (poly 0x8005 reflected = 0xA001, init 0, no final XOR), as DSMR P1 uses. */
export function crc16Arc(bytes: Uint8Array, seed = 0): number {
  let crc = seed;
  for (let i = 0; i < bytes.length; i++) crc = crc16ArcByte(crc, bytes[i] ?? 0);
  return crc;
}

/** CRC-16/ARC by byte, for loops that fold the CRC in themselves (the P1 scan). */
export const crc16ArcTable: Readonly<Uint16Array> = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let b = 0; b < 8; b++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc16ArcByte(crc: number, byte: number): number {
  return (crc >>> 8) ^ (crc16ArcTable[(crc ^ byte) & 0xff] ?? 0);
}

/** ISO 646 / Latin-1 text to bytes: the protocol is 7-bit ASCII, so one char is one byte. */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Bytes to text, one char per byte, with the parity bit stripped (a 7E1 link can hand us 8-bit bytes). */
export function bytesText(bytes: Uint8Array, from = 0, to = bytes.length): string {
  let s = '';
  const CHUNK = 4096;
  for (let i = from; i < to; i += CHUNK) {
    const end = Math.min(i + CHUNK, to);
    const part: number[] = [];
    for (let j = i; j < end; j++) part.push((bytes[j] ?? 0) & 0x7f);
    s += String.fromCharCode(...part);
  }
  return s;
}

export { concatBytes };

/** Builds a data block `STX text ETX BCC` (§6.3.2) — used by the simulator and tests. */
export function dataBlock(text: string, end: typeof ETX | typeof EOT = ETX): Uint8Array {
  const body = concatBytes(asciiBytes(text), Uint8Array.of(end));
  return concatBytes(Uint8Array.of(STX), body, Uint8Array.of(bcc(body)));
}

/** A printable diagnostic of raw bytes: control characters as <STX>, <ETX>, <0x1F>. */
export function describeBytes(bytes: Uint8Array, max = 4096): string {
  const names: Record<number, string> = {
    [SOH]: '<SOH>',
    [STX]: '<STX>',
    [ETX]: '<ETX>',
    [EOT]: '<EOT>',
    [ACK]: '<ACK>',
    [NAK]: '<NAK>',
    [NUL]: '<NUL>',
    [CR]: '<CR>',
    [LF]: '<LF>\n',
  };
  let s = '';
  for (let i = 0; i < Math.min(bytes.length, max); i++) {
    const b = bytes[i] ?? 0;
    s += names[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `<0x${b.toString(16).padStart(2, '0')}>`);
  }
  return bytes.length > max ? `${s}… (${bytes.length - max} more bytes)` : s;
}
