/**
 * Compact frames (EN 13757-3:2018 Annex G / OMS Vol.2 §7.2.3, CI 0x73, 0x79, 0x7B): to save air
 * time a meter sends its record headers (DIF/DIFE/VIF/VIFE) only now and then, in a full frame,
 * and otherwise only the values, preceded by
 *
 *   format signature (2 bytes, LSB first) = CRC-16/EN-13757 over the record headers of the full frame,
 *   full-frame CRC (2 bytes, LSB first)   = CRC-16/EN-13757 over the full frame's records (headers and values).
 *
 * A compact frame is read only with the headers of a full frame heard earlier from the same meter
 * whose signature matches; an unknown signature is the coded reason `mbus.unknownFormat`, never a
 * guess, and a rebuilt frame whose CRC differs from the one sent is `mbus.crc`.
 */
import { crcEn13757 } from './bytes';
import { codingLength } from './dataField';
import { fail } from './reasons';

/** EN 13757-3 §6.3.1/§6.4.1: at most ten DIFEs and ten VIFEs. */
const MAX_EXTENSIONS = 10;

/** Whether a transport-layer CI announces a compact frame (EN 13757-7:2018 Table 2). */
export const isCompactCi = (ci: number): boolean => ci === 0x73 || ci === 0x79 || ci === 0x7b;

/** The end of the record header starting at `at` (its DIF), and the data coding the DIF gives. */
function headerEnd(b: Uint8Array, at: number, end: number): { end: number; coding: number } {
  const dif = b[at++] ?? 0;
  let more = (dif & 0x80) !== 0;
  for (let n = 0; more; n++) {
    if (n >= MAX_EXTENSIONS) fail('mbus.vifChain', 'DIFE chain');
    if (at >= end) fail('mbus.truncated', 'DIFE');
    more = ((b[at++] ?? 0) & 0x80) !== 0;
  }
  if (at >= end) fail('mbus.truncated', 'record without VIF');
  const vif = b[at++] ?? 0;
  more = (vif & 0x80) !== 0;
  if (vif === 0xfb || vif === 0xfd) {
    if (at >= end) fail('mbus.vifChain', 'extension table without its VIFE');
    more = ((b[at++] ?? 0) & 0x80) !== 0;
  }
  for (let n = 0; more; n++) {
    if (n >= MAX_EXTENSIONS || at >= end) fail('mbus.vifChain', 'VIFE chain');
    more = ((b[at++] ?? 0) & 0x80) !== 0;
  }
  if ((vif & 0x7f) === 0x7c) {
    // A plain-text unit belongs to the header (§6.4.3): its length byte, then the characters.
    const length = b[at] ?? 0;
    if (at + 1 + length > end) fail('mbus.truncated', 'plain-text unit');
    at += 1 + length;
  }
  return { end: at, coding: dif & 0x0f };
}

/** Bytes the value of a record takes, reading an LVAR's length byte (Table 5) from the values. */
function valueLength(coding: number, values: Uint8Array, at: number): number {
  const fixed = codingLength(coding);
  if (fixed !== null) return fixed;
  if (at >= values.length) fail('mbus.truncated', 'LVAR');
  const lvar = values[at] ?? 0;
  const length =
    lvar <= 0xbf
      ? lvar
      : lvar >= 0xc0 && lvar <= 0xc9
        ? lvar - 0xc0
        : lvar >= 0xd0 && lvar <= 0xd9
          ? lvar - 0xd0
          : lvar >= 0xe0 && lvar <= 0xef
            ? lvar - 0xe0
            : fail('mbus.unsupported', `LVAR 0x${lvar.toString(16)}`);
  return 1 + length;
}

const isManufacturerDif = (dif: number) => dif === 0x0f || dif === 0x1f;

/**
 * The record headers of a full frame's application data, idle fillers (0x2F) left out; a
 * manufacturer-specific DIF (0x0F/0x1F) ends them, as it ends the records.
 */
export function recordHeaders(records: Uint8Array): Uint8Array {
  const out: number[] = [];
  let at = 0;
  while (at < records.length) {
    const dif = records[at] ?? 0;
    if (dif === 0x2f) {
      at++;
      continue;
    }
    if (isManufacturerDif(dif)) {
      out.push(dif);
      break;
    }
    const header = headerEnd(records, at, records.length);
    for (let i = at; i < header.end; i++) out.push(records[i] ?? 0);
    at = header.end + valueLength(header.coding, records, header.end);
    if (at > records.length) fail('mbus.truncated', `record data at byte ${header.end}`);
  }
  return Uint8Array.from(out);
}

/** The format signature of a set of record headers. */
export const formatSignature = (headers: Uint8Array): number => crcEn13757(headers);

/** The full frame's records: each header followed by its value taken in turn from the compact frame. */
export function expandCompact(headers: Uint8Array, values: Uint8Array): Uint8Array {
  const out: number[] = [];
  let h = 0;
  let v = 0;
  while (h < headers.length) {
    const dif = headers[h] ?? 0;
    if (isManufacturerDif(dif)) {
      out.push(dif, ...values.subarray(v));
      return Uint8Array.from(out);
    }
    const header = headerEnd(headers, h, headers.length);
    for (let i = h; i < header.end; i++) out.push(headers[i] ?? 0);
    h = header.end;
    const length = valueLength(header.coding, values, v);
    if (v + length > values.length) fail('mbus.truncated', 'compact frame values');
    for (let i = v; i < v + length; i++) out.push(values[i] ?? 0);
    v += length;
  }
  // Past the last value only idle fillers may follow (an encrypted frame is filled to whole AES blocks with 0x2F).
  for (; v < values.length; v++) if (values[v] !== 0x2f) fail('mbus.length', 'compact frame holds more values than its format has records');
  return Uint8Array.from(out);
}

/** Formats heard in full frames, by meter (its manufacturer and id) and signature. */
export interface FormatBook {
  get(meter: string, signature: number): Uint8Array | undefined;
  remember(meter: string, signature: number, headers: Uint8Array): void;
}

/** A format book in memory, for one listening session (a meter keeps its format for long). */
export function formatBook(): FormatBook {
  const byMeter = new Map<string, Map<number, Uint8Array>>();
  return {
    get: (meter, signature) => byMeter.get(meter)?.get(signature),
    remember(meter, signature, headers) {
      let formats = byMeter.get(meter);
      if (!formats) byMeter.set(meter, (formats = new Map()));
      formats.set(signature, headers);
    },
  };
}

/** Rebuilds the full frame's records from compact application data (signature, CRC, values). */
export function readCompact(data: Uint8Array, headersFor: (signature: number) => Uint8Array | undefined): Uint8Array {
  if (data.length < 4) fail('mbus.truncated', 'compact frame header');
  const signature = (data[0] ?? 0) | ((data[1] ?? 0) << 8);
  const crc = (data[2] ?? 0) | ((data[3] ?? 0) << 8);
  const headers = headersFor(signature) ?? fail('mbus.unknownFormat', `format signature 0x${signature.toString(16).padStart(4, '0')}`);
  const full = expandCompact(headers, data.subarray(4));
  if (crcEn13757(full) !== crc) fail('mbus.crc', 'full-frame CRC of a compact frame');
  return full;
}
