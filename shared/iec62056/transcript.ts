/**
 * The probe doctor's transcript: the raw conversation of one optical session, both directions,
 * each chunk with its time from the start (issue 20 §3). Kept with the visit for diagnosis — a
 * meter that answers late, announces a rate it does not keep, or garbles a block shows it here.
 *
 * Bounded (256 kB per session by default): what comes after is counted, not kept, and the
 * transcript says it was cut. Passwords never enter it: the data of a P1/P2 command
 * (`SOH P1 STX (password) ETX BCC`, IEC 62056-21:2002 §6.3.7) and its BCC are replaced by `*`
 * as the bytes are recorded, even when a model sends them one character at a time.
 */
export type Direction = 'tx' | 'rx';

/** One chunk as stored: [ms from the start, direction, length]; the bytes follow each other in `data`. */
export type TranscriptChunk = readonly [number, Direction, number];

export interface Transcript {
  readonly chunks: readonly TranscriptChunk[];
  readonly data: Uint8Array;
  /** Bytes seen in all, kept or not. */
  readonly bytes: number;
  readonly truncated: boolean;
}

export const TRANSCRIPT_LIMIT = 256 * 1024;

const SOH = 0x01;
const STX = 0x02;
const ETX = 0x03;
const STAR = 0x2a;

export class TranscriptRecorder {
  private readonly chunks: TranscriptChunk[] = [];
  private readonly parts: Uint8Array[] = [];
  private kept = 0;
  private seen = 0;
  // Masking state of the sent bytes: where in `SOH P x STX ( … ) ETX BCC` we are.
  private tx: 'idle' | 'soh' | 'p' | 'pn' | 'secret' | 'bcc' = 'idle';

  private readonly start: number;

  constructor(
    private readonly now: () => number,
    private readonly limit = TRANSCRIPT_LIMIT,
    /** Another protocol's masking of sent bytes, in place of the P1/P2 one (DLMS: the AARQ's authentication value). */
    private readonly maskSent: ((bytes: Uint8Array) => void) | null = null,
  ) {
    this.start = now();
  }

  record(direction: Direction, bytes: Uint8Array): void {
    this.seen += bytes.length;
    const room = this.limit - this.kept;
    if (room <= 0 || bytes.length === 0) return;
    const copy = bytes.slice(0, room);
    if (direction === 'tx') (this.maskSent ?? ((b: Uint8Array) => this.mask(b)))(copy);
    this.chunks.push([Math.max(0, Math.round(this.now() - this.start)), direction, copy.length]);
    this.parts.push(copy);
    this.kept += copy.length;
  }

  /** Replaces a password command's data and BCC with `*`, in place. */
  private mask(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]! & 0x7f;
      switch (this.tx) {
        case 'idle':
          if (b === SOH) this.tx = 'soh';
          break;
        case 'soh':
          this.tx = b === 0x50 /* P */ ? 'p' : 'idle';
          break;
        case 'p':
          this.tx = b === 0x31 || b === 0x32 ? 'pn' : 'idle'; // P1, P2 (P0 comes from the meter)
          break;
        case 'pn':
          this.tx = b === STX ? 'secret' : 'idle';
          break;
        case 'secret':
          // The brackets stay (they show the shape of the command), the password inside does not.
          if (b === ETX) this.tx = 'bcc';
          else if (b !== 0x28 && b !== 0x29) bytes[i] = STAR;
          break;
        case 'bcc':
          bytes[i] = STAR;
          this.tx = 'idle';
          break;
      }
    }
  }

  finish(): Transcript {
    const data = new Uint8Array(this.kept);
    let at = 0;
    for (const part of this.parts) {
      data.set(part, at);
      at += part.length;
    }
    return { chunks: [...this.chunks], data, bytes: this.seen, truncated: this.seen > this.kept };
  }
}

// Control characters by name (ASCII; those IEC 62056-21 uses are SOH STX ETX EOT ACK NAK CR LF).
const NAMES = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
];

/** Printable text with control characters named: `<ACK>050<CR><LF>`. Bytes above 0x7e as `<xx>`. */
export function printable(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b < 0x20) out += `<${NAMES[b]}>`;
    else if (b === 0x7f) out += '<DEL>';
    else if (b > 0x7e) out += `<${b.toString(16).padStart(2, '0')}>`;
    else out += String.fromCharCode(b);
  }
  return out;
}

export const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

export interface TranscriptLine {
  readonly ms: number;
  readonly direction: Direction;
  readonly text: string;
  readonly hex: string;
}

/** The chunks with their bytes, for the screen and the export. */
export function transcriptLines(t: Pick<Transcript, 'chunks' | 'data'>): TranscriptLine[] {
  let at = 0;
  return t.chunks.map(([ms, direction, length]) => {
    const bytes = t.data.subarray(at, at + length);
    at += length;
    return { ms, direction, text: printable(bytes), hex: hex(bytes) };
  });
}

/** The text export: a header the caller gives, then one line per chunk: time, direction, text, hex. */
export function transcriptText(header: readonly string[], t: Transcript): string {
  const lines = transcriptLines(t).map(
    (l) =>
      `${String(l.ms).padStart(7)} ms  ${l.direction === 'tx' ? 'probe → meter' : 'meter → probe'}  ${l.text}\n${' '.repeat(28)}${l.hex}`,
  );
  const cut = t.truncated
    ? [`… cut after ${t.data.length} of ${t.bytes} bytes (at most ${TRANSCRIPT_LIMIT / 1024} kB are kept per session)`]
    : [];
  return [...header, '', ...lines, ...cut, ''].join('\n');
}
