/**
 * The data message after the identification: the data block `STX … ETX BCC` of modes A–C
 * (IEC 62056-21:2002 §6.3.2, partial blocks ending in EOT §6.3.5) and the unframed text of mode D
 * / DSMR P1 ended by `!` and its CRC-16 (§6.4.4, DSMR 5.0.2 §6.2).
 *
 * One pass per byte folds in the check (BCC or CRC), finds line ends and notes whether the line
 * is clean 7-bit text; each line is then taken as one slice of the chunk's text and parsed in one
 * scan. A line is cleaned (parity bit masked off, CR and NUL dropped) only when it needs it.
 */
import { isBlank, MAX_VALUE, scanDataSets, type DataSet } from './dataSets';
import { crc16ArcTable } from './frames';
import type { SessionEvent } from './sessionEvents';

// Local copies of the control characters: the loops below run once per byte, and an imported
// binding is a property getter under the loaders our tests and benchmarks use (esbuild/vite interop).
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const ETX = 0x03;
const EOT = 0x04;
const BANG = 0x21;
const OPEN = 0x28;
const CLOSE = 0x29;
// The longest value (MAX_VALUE, a DSMR text message) plus its address and brackets.
const MAX_LINE = MAX_VALUE + 64;
const CRC_TABLE = crc16ArcTable;

// One char per byte. WHATWG 'latin1' is windows-1252, which differs from ISO 8859-1 only in
// 0x80–0x9F: such a byte makes its line "odd", and odd lines are rebuilt from the raw bytes.
const decoder = new TextDecoder('latin1');
const scan = scanDataSets; // read the imports once: see the note on the constants above
const blank = isBlank;

/** A line that held a control character or an 8-bit byte: mask to 7 bits, drop CR and NUL (§6.1: 7E1). */
function clean7bit(raw: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const c = (raw[i] ?? 0) & 0x7f;
    if (c !== CR && c !== NUL) s += String.fromCharCode(c);
  }
  return s;
}

function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class DataMessageScanner {
  /** BCC so far (XOR of the 7-bit bytes after STX). */
  bcc = 0;
  /** CRC-16/ARC so far (P1: from the `/` of the identification). */
  crc = 0;
  /** Whether the data held the end mark `!`. */
  endMark = false;
  /** Set when scanBlock stopped at ETX or EOT; 0 while inside the block. */
  blockEnd: 0 | typeof ETX | typeof EOT = 0;
  /** Set when scanText reached the `!` outside brackets. */
  textEnded = false;
  /** Sets of the current block: committed only when its BCC holds. */
  blockSets: DataSet[] = [];
  /** Verified sets (and, listening to mode D, every set as it comes). */
  readonly committed: DataSet[] = [];
  private paren = false;
  /** Bytes (as received) of a line begun in an earlier chunk. */
  private pending: Uint8Array | null = null;
  private pendingOdd = false;

  openBlock(): void {
    this.bcc = 0;
    this.blockEnd = 0;
    this.pending = null;
    this.pendingOdd = false;
    this.blockSets = [];
  }

  /** Inside `STX … ETX BCC` (§6.3.2): XOR into the BCC, split lines at LF, stop at ETX or EOT. */
  scanBlock(raw: Uint8Array, from: number, out: SessionEvent[]): number {
    let x = this.bcc;
    let start = from;
    let limit = start + MAX_LINE - (this.pending?.length ?? 0);
    let odd = false;
    let text = '';
    for (let i = from; i < raw.length; i++) {
      const r = raw[i] ?? 0;
      x ^= r; // masked once at the end: XOR commutes with the mask
      if (i >= limit) {
        if (text === '') text = decoder.decode(raw.subarray(from));
        this.line(raw, text, from, start, i, odd, out, this.blockSets);
        start = i;
        limit = start + MAX_LINE;
        odd = false;
      }
      if (r >= 0x20 && r < 0x7f) continue; // printable: the bulk of a readout
      const b = r & 0x7f;
      if (b === LF || b === ETX || b === EOT) {
        if (text === '') text = decoder.decode(raw.subarray(from));
        this.line(raw, text, from, start, i, odd, out, this.blockSets);
        start = i + 1;
        limit = start + MAX_LINE;
        odd = false;
        if (b === LF) continue;
        this.bcc = x & 0x7f;
        this.blockEnd = b;
        return i + 1;
      }
      if (r !== CR) odd = true;
    }
    this.keep(raw, start, odd);
    this.bcc = x & 0x7f;
    return raw.length;
  }

  /** Unframed mode D / P1 data: CRC-16 over every byte up to and including the `!` outside brackets. */
  scanText(raw: Uint8Array, from: number, out: SessionEvent[]): number {
    let crc = this.crc;
    let start = from;
    let limit = start + MAX_LINE - (this.pending?.length ?? 0);
    let odd = false;
    let paren = this.paren;
    let text = '';
    const table = CRC_TABLE;
    for (let i = from; i < raw.length; i++) {
      const r = raw[i] ?? 0;
      const b = r & 0x7f;
      crc = (crc >>> 8) ^ (table[(crc ^ b) & 0xff] ?? 0);
      if (i >= limit) {
        if (text === '') text = decoder.decode(raw.subarray(from));
        this.line(raw, text, from, start, i, odd, out, this.committed);
        start = i;
        limit = start + MAX_LINE;
        odd = false;
      }
      if (r > CLOSE && r < 0x7f) continue; // digits, letters, . * : - — the bulk of a telegram
      if (b === OPEN || b === CLOSE) {
        paren = b === OPEN;
        if (r > 0x7e) odd = true;
      } else if (b === LF || (b === BANG && !paren)) {
        if (text === '') text = decoder.decode(raw.subarray(from));
        const bang = b === BANG;
        if (bang && r > 0x7e) odd = true; // the `!` belongs to the line; LF does not
        this.line(raw, text, from, start, bang ? i + 1 : i, odd, out, this.committed);
        start = i + 1;
        limit = start + MAX_LINE;
        odd = false;
        paren = false;
        if (!bang) continue;
        this.paren = false;
        this.endMark = true;
        this.textEnded = true;
        this.crc = crc;
        return i + 1;
      }
      if (r > 0x7e || (r < 0x20 && r !== CR)) odd = true;
    }
    this.keep(raw, start, odd);
    this.paren = paren;
    this.crc = crc;
    return raw.length;
  }

  /** The rest of a chunk is the start of a line the next chunk ends. */
  private keep(raw: Uint8Array, start: number, odd: boolean): void {
    if (start >= raw.length) return;
    const rest = raw.slice(start);
    this.pending = this.pending ? joinBytes(this.pending, rest) : rest;
    this.pendingOdd ||= odd;
  }

  /**
   * One complete line raw[start, end) — `text` is raw[from…] decoded — cleaned if it must be,
   * one trailing CR stripped, parsed, announced as a `dataLine` event.
   */
  private line(
    raw: Uint8Array,
    text: string,
    from: number,
    start: number,
    end: number,
    odd: boolean,
    out: SessionEvent[],
    into: DataSet[],
  ): void {
    let s = text;
    let a = start - from;
    let e = end - from;
    const pending = this.pending;
    if (pending) {
      this.pending = null;
      const bytes = joinBytes(pending, raw.subarray(start, end));
      odd ||= this.pendingOdd;
      this.pendingOdd = false;
      s = odd ? clean7bit(bytes, 0, bytes.length) : decoder.decode(bytes);
      a = 0;
      e = s.length;
    } else if (odd) {
      s = clean7bit(raw, start, end);
      a = 0;
      e = s.length;
    }
    if (e > a && s.charCodeAt(e - 1) === CR) e--;
    if (blank(s, a, e)) return;
    const sets: DataSet[] = [];
    if (scan(s, a, e, into[into.length - 1], sets, null)) this.endMark = true;
    for (const set of sets) into.push(set);
    out.push({ type: 'dataLine', line: s.slice(a, e), dataSets: sets });
  }
}
