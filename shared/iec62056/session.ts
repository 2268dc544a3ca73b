/**
 * The IEC 62056-21:2002 session as a pure state machine (§6.4: modes A, B, C with baud switch,
 * D push, E detected and answered with the ASCII readout). Feed it bytes, it yields events; the
 * driver owns the port, the clock and the retries (the Gurux split: protocol classes only parse).
 * It never throws: any input ends in `complete` or a coded `error`, at the latest on `finish()`.
 *
 * This file holds the states and the handshake; the data message itself (BCC/CRC, lines, data
 * sets) is scanned by ./dataMessage.
 */
import type { DataSet } from './dataSets';
import { DataMessageScanner } from './dataMessage';
import { crc16ArcByte } from './frames';
import {
  chooseBaudChar,
  modeBBaud,
  optionSelect,
  parseIdentification,
  signOnRequest,
  wakeUpSequence,
  WAKE_UP_PAUSE_MS,
  type Identification,
  type ProtocolMode,
} from './identification';
import type { Checksum, SessionErrorCode, SessionEvent } from './sessionEvents';

export interface SessionOptions {
  /** 'readout': we sign on (modes A/B/C/E). 'listen': the meter pushes (mode D, DSMR P1) or we parse a capture. */
  readonly kind: 'readout' | 'listen';
  readonly address?: string;
  /** Highest rate the probe may switch to (mode C/E). */
  readonly maxBaud?: number;
  /** Send the NUL wake-up sequence first (battery meters, §6.4.4). */
  readonly wakeUp?: boolean;
  /** Refuse input past this many bytes. */
  readonly maxBytes?: number;
}

type State = 'ident' | 'preData' | 'block' | 'blockBcc' | 'text' | 'crc' | 'done';
const MAX_LINE = 1024;
const MAX_NOISE = 4096;
// Local copies (see ./dataMessage): checked per byte before the data starts.
const STX = 0x02;
const ETX = 0x03;
const ACK = 0x06;
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const NAK = 0x15;
const BANG = 0x21;
const SLASH = 0x2f;

// A push meter sends the same identification with every telegram (DSMR P1: every second), and an
// Identification is read-only: the last one parsed is kept and handed out again for the same line.
let lastIdentText = '';
let lastIdent: Identification | null = null;

/** The identification in a line (a sign-on echo `/?…` is not one), or null. */
function identificationOf(text: string): Identification | null {
  if (text === lastIdentText) return lastIdent;
  const slash = text.lastIndexOf('/');
  const id = slash >= 0 && text.charAt(slash + 1) !== '?' ? parseIdentification(text) : null;
  if (id) [lastIdentText, lastIdent] = [text, id];
  return id;
}

/** A hex digit's value, or -1 (the P1 CRC after `!`). */
function hexDigit(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

export class OpticalSession {
  private state: State = 'ident';
  private line: number[] = [];
  private received = 0;
  private noise = 0;
  private naks = 0;
  private crcDigits = 0;
  private crcValue = 0;
  private skipLine = false;
  private readonly data = new DataMessageScanner();
  private identification: Identification | null = null;
  private mode: ProtocolMode | null = null;
  private readonly maxBytes: number;

  constructor(private readonly options: SessionOptions) {
    this.maxBytes = options.maxBytes ?? 1 << 20;
  }

  /** Where the session is, for the driver's timeouts. */
  get phase(): 'identification' | 'data' | 'done' {
    return this.state === 'done' ? 'done' : this.state === 'ident' ? 'identification' : 'data';
  }
  /** The data sets read so far (verified blocks first, then the current block). A diagnostic, never a reading. */
  get partialDataSets(): DataSet[] {
    return [...this.data.committed, ...this.data.blockSets];
  }
  get bytesReceived(): number {
    return this.received;
  }

  /** A method, not an inline test: TypeScript would narrow `state` across the calls that change it. */
  private isDone(): boolean {
    return this.state === 'done';
  }

  /** What to send to open the session (nothing when listening). */
  start(): SessionEvent[] {
    if (this.options.kind === 'listen') return [];
    const events: SessionEvent[] = [];
    if (this.options.wakeUp) events.push({ type: 'send', purpose: 'wakeUp', bytes: wakeUpSequence(), pauseAfterMs: WAKE_UP_PAUSE_MS });
    events.push({ type: 'send', purpose: 'signOn', bytes: signOnRequest(this.options.address ?? ''), pauseAfterMs: 0 });
    return events;
  }

  feed(chunk: Uint8Array): SessionEvent[] {
    const out: SessionEvent[] = [];
    if (this.state === 'done') return out;
    try {
      if (this.received + chunk.length > this.maxBytes) {
        // Take what fits, then refuse: no readout is this long.
        const room = Math.max(0, this.maxBytes - this.received);
        out.push(...this.feed(chunk.subarray(0, room)).filter((e) => e.type !== 'progress'));
        if (!this.isDone())
          this.fail(
            out,
            'TOO_LONG',
            `More than ${this.maxBytes} bytes without the end of a readout: this is not a meter answering. Check the port and the probe.`,
          );
        return out;
      }
      this.received += chunk.length;
      let i = 0;
      while (i < chunk.length && !this.isDone()) {
        // The bulk of a readout goes through the data scanner in whole runs.
        if (this.state === 'block') i = this.afterBlock(this.data.scanBlock(chunk, i, out));
        else if (this.state === 'text') i = this.afterText(this.data.scanText(chunk, i, out));
        else if (this.state === 'ident' && this.line.length === 0) i = this.scanIdent(chunk, i, out);
        else if (!this.step((chunk[i] ?? 0) & 0x7f, out)) i++;
      }
      if (chunk.length > 0) {
        // Progress comes before a final complete/error, so the last event is always the outcome.
        const terminal = this.isDone() ? out.pop() : undefined;
        out.push({ type: 'progress', bytes: this.received });
        if (terminal) out.push(terminal);
      }
    } catch (error) {
      this.fail(
        out,
        'INTERNAL',
        `The readout could not be decoded (${String(error)}). Retry at 300 baud; if it persists, save the log for support.`,
      );
    }
    return out;
  }

  /** The input has ended (end of file, timeout, port closed). */
  finish(): SessionEvent[] {
    const out: SessionEvent[] = [];
    if (this.state === 'done') return out;
    if (this.state === 'crc') return (this.complete(out, this.crcChecksum()), out);
    if (this.state === 'ident')
      this.fail(
        out,
        'NO_IDENTIFICATION',
        'The meter did not identify itself. Clean the probe window, check it sits on the optical port, and retry at 300 baud.',
      );
    else
      this.fail(
        out,
        'INCOMPLETE',
        `The readout stopped after ${this.received} bytes, before its end. Hold the probe still and retry; the partial data was not saved as a reading.`,
      );
    return out;
  }

  private afterBlock(next: number): number {
    if (this.data.blockEnd !== 0) this.state = 'blockBcc';
    return next;
  }

  private afterText(next: number): number {
    if (this.data.textEnded) this.state = 'crc';
    return next;
  }

  /** One byte outside the bulk of the data. True when the new state must see the same byte again. */
  private step(b: number, out: SessionEvent[]): boolean {
    switch (this.state) {
      case 'ident':
        return (this.onIdent(b, out), false);
      case 'preData':
        return this.onPreData(b, out);
      case 'blockBcc':
        return (this.onBlockBcc(b, out), false);
      case 'crc':
        return (this.onCrc(b, out), false);
      case 'block':
      case 'text':
      case 'done':
        return false;
    }
  }

  /**
   * The identification line taken whole when it starts and ends in this chunk (the usual case);
   * otherwise the bytes go one at a time through onIdent. Returns where to go on.
   */
  private scanIdent(chunk: Uint8Array, from: number, out: SessionEvent[]): number {
    const listen = this.options.kind === 'listen';
    const end = Math.min(chunk.length, from + MAX_LINE);
    for (let i = from; i < end; i++) {
      const b = (chunk[i] ?? 0) & 0x7f;
      if (b === STX && listen) break;
      if (b !== LF) continue;
      this.identLine(chunk, from, i, out);
      return i + 1;
    }
    return this.step((chunk[from] ?? 0) & 0x7f, out) ? from : from + 1;
  }

  private onIdent(b: number, out: SessionEvent[]): void {
    if (b === STX && this.options.kind === 'listen') return this.openBlock();
    if (b !== LF && this.line.length < MAX_LINE) return void this.line.push(b);
    const raw = this.line;
    this.line = [];
    this.identLine(raw, 0, raw.length, out);
  }

  /** A complete line raw[from, to) (LF removed) while waiting for the identification `/XXXZ…` (§6.3.2). */
  private identLine(raw: ArrayLike<number>, from: number, to: number, out: SessionEvent[]): void {
    let text = '';
    let slashAt = -1;
    for (let k = from; k < to; k++) {
      const c = (raw[k] ?? 0) & 0x7f;
      if (c === SLASH) slashAt = k;
      if (c !== CR && c !== NUL) text += String.fromCharCode(c);
    }
    const id = identificationOf(text);
    if (!id) {
      this.noise += text.length + 1;
      if (this.noise > MAX_NOISE)
        this.fail(
          out,
          'BAD_IDENTIFICATION',
          'The meter answered with unreadable data. Clean the probe window, check the probe is the right way round, and retry at 300 baud.',
        );
      return;
    }
    this.identification = id;
    this.mode = id.mode;
    out.push({ type: 'identification', identification: id });
    if (this.options.kind === 'listen') {
      // DSMR P1 CRC covers the telegram from '/' (DSMR 5.0.2 §6.2); identification line included.
      let crc = 0;
      for (let k = Math.max(from, slashAt); k < to; k++) crc = crc16ArcByte(crc, (raw[k] ?? 0) & 0x7f);
      this.data.crc = crc16ArcByte(crc, LF);
    } else if (id.mode === 'C' || id.mode === 'E') {
      // Mode E is answered with V='0': the meter falls back to the ASCII readout (§6.4.5).
      const { baudChar, baud } = chooseBaudChar(id, this.options.maxBaud ?? 19200);
      out.push({ type: 'baudSwitch', baud, send: optionSelect(baudChar, 'readout'), reactionTimeMs: id.reactionTimeMs });
    } else if (id.mode === 'B') {
      out.push({ type: 'baudSwitch', baud: modeBBaud[id.baudChar] ?? 300, send: null, reactionTimeMs: id.reactionTimeMs });
    }
    this.state = 'preData';
  }

  private onPreData(b: number, out: SessionEvent[]): boolean {
    if (b === STX) return (this.openBlock(), false);
    if (this.options.kind === 'readout') {
      // The echo of our option select, or line noise, before STX (§6.3.2): skip it.
      if (++this.noise > MAX_NOISE) this.fail(out, 'INCOMPLETE', 'The meter sent no data block. Clean the probe and retry at 300 baud.');
      return false;
    }
    // A capture may hold our option select `ACK 0 Z Y CR LF` (§6.3.3): skip that line.
    if (b === ACK) this.skipLine = true;
    if (this.skipLine) {
      if (b === LF) this.skipLine = false;
      return false;
    }
    // Listening: a mode D / P1 telegram goes on unframed after the identification (§6.4.4);
    // this byte is its first, scanned with the rest of the chunk.
    if (b === 0x28 /* ( */ || b === BANG || (b > 0x20 && b < 0x7f && b !== ACK)) {
      this.state = 'text';
      this.mode = 'D';
      return true;
    }
    this.data.crc = crc16ArcByte(this.data.crc, b);
    return false;
  }

  private openBlock(): void {
    this.state = 'block';
    this.line = [];
    this.data.openBlock();
  }

  private onBlockBcc(b: number, out: SessionEvent[]): void {
    const ok = b === (this.data.bcc & 0x7f); // §6.3: the BCC as a 7-bit character
    const data = this.data;
    if (data.blockEnd === ETX) {
      data.committed.push(...data.blockSets);
      data.blockSets = [];
      return this.complete(out, ok ? 'ok' : 'bad');
    }
    // Partial block (EOT, §6.3.5): acknowledge, or ask for it again with NAK.
    if (ok) data.committed.push(...data.blockSets);
    else if (++this.naks > 3)
      return this.fail(
        out,
        'BLOCK_REJECTED',
        'A data block failed its check three times. Clean the probe window, hold it still, and retry at 300 baud.',
      );
    data.blockSets = [];
    this.state = 'preData';
    out.push({ type: 'send', purpose: ok ? 'ack' : 'nak', bytes: Uint8Array.of(ok ? ACK : NAK), pauseAfterMs: 0 });
  }

  /** DSMR P1: `!` is followed by the CRC as 4 hex digits; IEC mode D sends `!` CR LF only. */
  private onCrc(b: number, out: SessionEvent[]): void {
    const digit = hexDigit(b);
    if (digit < 0) return this.complete(out, this.crcChecksum());
    this.crcValue = this.crcValue * 16 + digit;
    if (++this.crcDigits === 4) this.complete(out, this.crcChecksum());
  }

  /**
   * DSMR 5.0.2 §6.2 sends the CRC as 4 hex digits; some meters drop its leading zeros. Fewer
   * digits are compared as a number and the readout flagged (`shortCrc`), not refused.
   */
  private crcChecksum(): Checksum {
    if (this.crcDigits === 0) return 'absent';
    return this.crcValue === this.data.crc ? 'ok' : 'bad';
  }

  private complete(out: SessionEvent[], checksum: Checksum): void {
    this.state = 'done';
    const shortCrc = this.crcDigits > 0 && this.crcDigits < 4;
    out.push({
      type: 'complete',
      dataSets: this.data.committed,
      checksum,
      identification: this.identification,
      mode: this.mode,
      endMark: this.data.endMark,
      ...(shortCrc ? { shortCrc } : {}),
    });
  }

  private fail(out: SessionEvent[], code: SessionErrorCode, message: string): void {
    this.state = 'done';
    out.push({ type: 'error', code, message });
  }
}
