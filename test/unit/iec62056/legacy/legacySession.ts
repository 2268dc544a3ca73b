/** The session as it was before the one-pass rewrite (2026-11), kept as a test oracle: the new one must give the same events. */
/**
 * The IEC 62056-21:2002 session as a pure state machine (§6.4: modes A, B, C with baud switch,
 * D push, E detected and answered with the ASCII readout). Feed it bytes, it yields events; the
 * driver owns the port, the clock and the retries (the Gurux split: protocol classes only parse).
 * It never throws: any input ends in `complete` or a coded `error`, at the latest on `finish()`.
 */
import { parseDataLine, type DataSet } from './legacyDataSets';
import type { SessionErrorCode, SessionEvent } from '../../../../shared/iec62056/sessionEvents';
import { BANG, CR, crc16ArcByte, EOT, ETX, LF, NAK, ACK, STX, NUL } from '../../../../shared/iec62056/frames';
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
} from '../../../../shared/iec62056/identification';

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

export class LegacyOpticalSession {
  private state: State = 'ident';
  private line: number[] = [];
  private received = 0;
  private noise = 0;
  private naks = 0;
  private bcc = 0;
  private crc = 0;
  private crcText = '';
  private paren = false;
  private skipLine = false;
  private pending = '';
  private endMark = false;
  private blockEnd: typeof ETX | typeof EOT = ETX;
  private blockSets: DataSet[] = [];
  private committed: DataSet[] = [];
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
    return [...this.committed, ...this.blockSets];
  }
  get bytesReceived(): number {
    return this.received;
  }

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
        // Fast paths for the bulk of a readout: whole runs of a data block or a P1 telegram.
        if (this.state === 'block') i = this.scanBlock(chunk, i, out);
        else if (this.state === 'text') i = this.scanText(chunk, i, out);
        else this.step((chunk[i++] ?? 0) & 0x7f, out);
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

  private step(b: number, out: SessionEvent[]): void {
    switch (this.state) {
      case 'ident':
        return this.onIdent(b, out);
      case 'preData':
        return this.onPreData(b, out);
      case 'blockBcc':
        return this.onBlockBcc(b, out);
      case 'crc':
        return this.onCrc(b, out);
      case 'done':
        return;
    }
  }

  private takeLine(): string {
    const codes = this.line;
    this.line = [];
    let s = '';
    for (const c of codes) if (c !== CR && c !== NUL) s += String.fromCharCode(c);
    return s;
  }

  private onIdent(b: number, out: SessionEvent[]): void {
    if (b === STX && this.options.kind === 'listen') return this.openBlock();
    if (b !== LF && this.line.length < MAX_LINE) return void this.line.push(b);
    const raw = this.line.slice();
    const text = this.takeLine();
    const slash = text.lastIndexOf('/');
    const id = slash >= 0 && text.charAt(slash + 1) !== '?' ? parseIdentification(text) : null;
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
      this.crc = 0;
      for (let k = Math.max(0, raw.lastIndexOf(0x2f)); k < raw.length; k++) this.crc = crc16ArcByte(this.crc, raw[k] ?? 0);
      this.crc = crc16ArcByte(this.crc, LF);
    } else if (id.mode === 'C' || id.mode === 'E') {
      // Mode E is answered with V='0': the meter falls back to the ASCII readout (§6.4.5).
      const { baudChar, baud } = chooseBaudChar(id, this.options.maxBaud ?? 19200);
      out.push({ type: 'baudSwitch', baud, send: optionSelect(baudChar, 'readout'), reactionTimeMs: id.reactionTimeMs });
    } else if (id.mode === 'B') {
      out.push({ type: 'baudSwitch', baud: modeBBaud[id.baudChar] ?? 300, send: null, reactionTimeMs: id.reactionTimeMs });
    }
    this.state = 'preData';
  }

  private onPreData(b: number, out: SessionEvent[]): void {
    if (b === STX) return this.openBlock();
    if (this.options.kind === 'readout') {
      // The echo of our option select, or line noise, before STX (§6.3.2): skip it.
      if (++this.noise > MAX_NOISE) this.fail(out, 'INCOMPLETE', 'The meter sent no data block. Clean the probe and retry at 300 baud.');
      return;
    }
    // A capture may hold our option select `ACK 0 Z Y CR LF` (§6.3.3): skip that line.
    if (b === ACK) this.skipLine = true;
    if (this.skipLine) {
      if (b === LF) this.skipLine = false;
      return;
    }
    // Listening: a mode D / P1 telegram goes on unframed after the identification (§6.4.4).
    if (b === 0x28 /* ( */ || b === BANG || (b > 0x20 && b < 0x7f && b !== ACK)) {
      this.state = 'text';
      this.mode = 'D';
      return void this.scanText(Uint8Array.of(b), 0, out);
    }
    this.crc = crc16ArcByte(this.crc, b);
  }

  private openBlock(): void {
    this.state = 'block';
    this.bcc = 0;
    this.line = [];
    this.pending = '';
    this.blockSets = [];
  }

  /** Decodes raw[from, to) into the pending line (7-bit, CR and NUL dropped). */
  private append(raw: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    let text = String.fromCharCode.apply(null, raw.subarray(from, to) as unknown as number[]);
    if (/[^\x20-\x7e\r]/.test(text))
      text = Array.from(text, (c) => String.fromCharCode(c.charCodeAt(0) & 0x7f))
        .join('')
        .replace(/[\r\0]/g, '');
    this.pending += text;
  }

  /** Inside `STX … ETX BCC` (§6.3.2): XOR into the BCC, split lines at LF, stop at ETX or EOT. */
  private scanBlock(raw: Uint8Array, i: number, out: SessionEvent[]): number {
    let x = this.bcc;
    let start = i;
    for (; i < raw.length; i++) {
      const b = (raw[i] ?? 0) & 0x7f;
      x ^= b;
      if (b === LF || i - start >= MAX_LINE) {
        this.append(raw, start, i);
        this.flushLine(out, this.blockSets);
        start = i + 1;
      } else if (b === ETX || b === EOT) {
        this.append(raw, start, i);
        if (this.pending.length) this.flushLine(out, this.blockSets);
        this.bcc = x;
        this.blockEnd = b;
        this.state = 'blockBcc';
        return i + 1;
      }
    }
    this.append(raw, start, raw.length);
    this.bcc = x;
    return raw.length;
  }

  private flushLine(out: SessionEvent[], into: DataSet[]): void {
    const text = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    this.pending = '';
    if (text.trim() === '') return;
    const parsed = parseDataLine(text, into[into.length - 1]);
    if (parsed.end) this.endMark = true;
    into.push(...parsed.dataSets);
    out.push({ type: 'dataLine', line: text, dataSets: parsed.dataSets });
  }

  private onBlockBcc(b: number, out: SessionEvent[]): void {
    const ok = b === (this.bcc & 0x7f); // §6.3: the BCC as a 7-bit character
    if (this.blockEnd === ETX) {
      this.committed.push(...this.blockSets);
      this.blockSets = [];
      return this.complete(out, ok ? 'ok' : 'bad');
    }
    // Partial block (EOT, §6.3.? programming mode): acknowledge, or ask for it again with NAK.
    if (ok) this.committed.push(...this.blockSets);
    else if (++this.naks > 3)
      return this.fail(
        out,
        'BLOCK_REJECTED',
        'A data block failed its check three times. Clean the probe window, hold it still, and retry at 300 baud.',
      );
    this.blockSets = [];
    this.state = 'preData';
    out.push({ type: 'send', purpose: ok ? 'ack' : 'nak', bytes: Uint8Array.of(ok ? ACK : NAK), pauseAfterMs: 0 });
  }

  /** Unframed mode D / P1 data: CRC-16 over every byte up to and including the `!` outside brackets. */
  private scanText(raw: Uint8Array, i: number, out: SessionEvent[]): number {
    let crc = this.crc;
    let start = i;
    for (; i < raw.length; i++) {
      const b = (raw[i] ?? 0) & 0x7f;
      crc = crc16ArcByte(crc, b);
      if (b === 0x28) this.paren = true;
      else if (b === 0x29) this.paren = false;
      else if (b === LF || i - start >= MAX_LINE) {
        this.paren = false;
        this.append(raw, start, i);
        this.flushLine(out, this.committed);
        start = i + 1;
      } else if (b === BANG && !this.paren) {
        this.append(raw, start, i + 1);
        this.flushLine(out, this.committed);
        this.endMark = true;
        this.crc = crc;
        this.state = 'crc';
        return i + 1;
      }
    }
    this.append(raw, start, raw.length);
    this.crc = crc;
    return raw.length;
  }

  /** DSMR P1: `!` is followed by the CRC as 4 hex digits; IEC mode D sends `!` CR LF only. */
  private onCrc(b: number, out: SessionEvent[]): void {
    if (/[0-9A-Fa-f]/.test(String.fromCharCode(b))) {
      this.crcText += String.fromCharCode(b);
      if (this.crcText.length === 4) this.complete(out, this.crcChecksum());
      return;
    }
    this.complete(out, this.crcChecksum());
  }

  private crcChecksum(): 'ok' | 'bad' | 'absent' {
    if (this.crcText.length === 0) return 'absent';
    return this.crcText.length === 4 && parseInt(this.crcText, 16) === this.crc ? 'ok' : 'bad';
  }

  private complete(out: SessionEvent[], checksum: 'ok' | 'bad' | 'absent'): void {
    this.state = 'done';
    out.push({
      type: 'complete',
      dataSets: this.committed,
      checksum,
      identification: this.identification,
      mode: this.mode,
      endMark: this.endMark,
    });
  }

  private fail(out: SessionEvent[], code: SessionErrorCode, message: string): void {
    this.state = 'done';
    out.push({ type: 'error', code, message });
  }
}
