/**
 * Data field codings (EN 13757-3:2018 §6.3.3 Table 4 and Annex A): integers (type B, signed),
 * BCD (type A), 32-bit real (type H), variable length (LVAR, Table 5) and the dates G, F and I.
 * Values come out as exact decimal text: an integer scaled by a power of ten is shifted, never
 * multiplied in binary floating point; a real is written as the shortest decimal that is its float.
 */
import { bcdLE, intLE, toHex } from './bytes';
import { fail } from './reasons';

/** Bytes the coding (DIF bits 0–3) takes; null for LVAR (its length byte says). */
export function codingLength(coding: number): number | null {
  return coding === 0xd ? null : (([0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, 0, 6, 0] as const)[coding] ?? 0);
}

export const isBcd = (coding: number) => (coding >= 0x9 && coding <= 0xc) || coding === 0xe;

/** units × 10^exponent as decimal text, keeping the decimals the exponent gives ("474.240"). */
export function scaledText(units: bigint, exponent: number): string {
  if (exponent >= 0) return (units * 10n ** BigInt(exponent)).toString();
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(-exponent + 1, '0');
  const cut = digits.length + exponent;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** Moves the decimal point of decimal text by `exponent` places. */
export function shiftDecimal(text: string, exponent: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const scale = fraction.length;
  const units = BigInt(`${negative ? '-' : ''}${whole}${fraction}`);
  return scaledText(units, exponent - scale)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** The shortest decimal text that reads back as this 32-bit float (type H); null for NaN/∞. */
export function float32Text(bytes: Uint8Array, at: number): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 4);
  const f = view.getFloat32(0, true);
  if (!Number.isFinite(f)) return null;
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return plainDecimal(candidate);
  }
  return plainDecimal(f);
}

/** A number's decimal text without exponent notation (1e-7 → "0.0000001"). */
function plainDecimal(n: number): string {
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', whole = '', fraction = '', exp = '0'] = m;
  return `${sign}${shiftDecimal(`${whole}.${fraction || '0'}`, Number(exp))}`;
}

/** Integer or BCD field as a BigInt; null when a BCD digit is not a digit. */
export function integerOf(bytes: Uint8Array, at: number, coding: number): bigint | null {
  const length = codingLength(coding) ?? 0;
  return isBcd(coding) ? bcdLE(bytes, at, length) : intLE(bytes, at, length);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const year = (lo: number, hi: number) => 2000 + (((lo & 0xe0) >> 5) | ((hi & 0xf0) >> 1)); // 7-bit year, 2000-based (Annex A)

/** Type G date (2 bytes), "YYYY-MM-DD"; null when invalid (day or month 0, month > 12, all ones). */
export function dateG(b: Uint8Array, at: number): string | null {
  const lo = b[at] ?? 0;
  const hi = b[at + 1] ?? 0;
  const day = lo & 0x1f;
  const month = hi & 0x0f;
  if (day === 0 || month === 0 || month > 12) return null;
  return `${year(lo, hi)}-${pad(month)}-${pad(day)}`;
}

/** Type F date and time (4 bytes), "YYYY-MM-DDTHH:MM"; null when the invalid bit is set. */
export function dateTimeF(b: Uint8Array, at: number): string | null {
  const minute = b[at] ?? 0;
  const hour = (b[at + 1] ?? 0) & 0x1f;
  const date = dateG(b, at + 2);
  if (minute & 0x80 || !date || hour > 23 || (minute & 0x3f) > 59) return null;
  return `${date}T${pad(hour)}:${pad(minute & 0x3f)}`;
}

/** Type I date and time (6 bytes), "YYYY-MM-DDTHH:MM:SS". */
export function dateTimeI(b: Uint8Array, at: number): string | null {
  const second = (b[at] ?? 0) & 0x3f;
  const minute = (b[at + 1] ?? 0) & 0x3f;
  const hour = (b[at + 2] ?? 0) & 0x1f;
  const date = dateG(b, at + 3);
  if ((b[at + 1] ?? 0) & 0x80 || !date || hour > 23 || minute > 59 || second > 59) return null;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

export interface LvarField {
  /** Bytes after the length byte. */
  readonly length: number;
  /** Text, for an LVAR of 0x00–0xBF. */
  readonly text?: string;
  /** The number, for BCD and binary LVARs; null when a BCD digit is not a digit. */
  readonly units?: bigint | null;
}

/** LVAR (Table 5): text (sent last character first), BCD, negative BCD or a binary number. */
export function lvarField(b: Uint8Array, at: number, end: number): LvarField {
  const lvar = b[at] ?? 0;
  let length: number;
  if (lvar <= 0xbf) length = lvar;
  else if (lvar >= 0xc0 && lvar <= 0xc9) length = lvar - 0xc0;
  else if (lvar >= 0xd0 && lvar <= 0xd9) length = lvar - 0xd0;
  else if (lvar >= 0xe0 && lvar <= 0xef) length = lvar - 0xe0;
  else return fail('mbus.unsupported', `LVAR 0x${lvar.toString(16)}`);
  if (at + 1 + length > end) fail('mbus.truncated', 'LVAR data');
  const from = at + 1;
  if (lvar <= 0xbf) {
    let text = '';
    for (let i = from + length - 1; i >= from; i--) text += String.fromCharCode(b[i] ?? 0);
    return { length, text };
  }
  if (lvar >= 0xe0) return { length, units: length ? intLE(b, from, length) : 0n };
  const v = bcdLE(b, from, length);
  return { length, units: v === null ? null : lvar >= 0xd0 ? -v : v };
}

export const rawHex = (b: Uint8Array, from: number, to: number) => toHex(b.subarray(from, to));
