/**
 * DLMS/COSEM over wired M-Bus as Austrian meters push it on their customer interface (Kaifa
 * MA309, Sagemcom T210-D, Landis+Gyr E450 at TINETZ, Netz NÖ, Salzburg Netz…): the xDLMS APDU is
 * cut into long frames `68 L L 68 C A CI STSAP DTSAP … CS 16` (EN 13757-2 §5.4 frame format; the
 * DLMS/COSEM wrapper of IEC 62056-7-6 / EN 13757-1 with CI 00h–1Fh): the CI's low four bits count
 * the segments from 0 and bit 4 marks the last one. TINETZ's published example ("Beschreibung
 * Kundenschnittstelle Smart Meter", walked through in github.com/fneur/smart-meter-tirol
 * doc/EXAMPLE.md) is two frames, CI 00h then 11h, STSAP 01h, DTSAP 67h, C 53h (SND_UD), A FFh.
 */
import { checksum } from '../mbus/wiredFrame';
import { concat } from './bytes';
import { DlmsError, type DlmsReason } from './errors';

const START = 0x68;
const STOP = 0x16;
/** The last segment (CI bit 4) and the segment counter (bits 0–3). */
const LAST_SEGMENT = 0x10;
const SEGMENT_MASK = 0x0f;
/** C, A, CI, STSAP, DTSAP before the APDU's bytes. */
const HEADER = 5;
/** Segment data in a full frame as the meters send it: L = FAh (the published frames), minus the header. */
export const MBUS_SEGMENT_DATA = 0xfa - HEADER;

export const looksLikeMbusDlms = (bytes: Uint8Array): boolean =>
  bytes[0] === START && bytes[3] === START && bytes[1] === bytes[2] && ((bytes[6] ?? 0xff) & 0xe0) === 0;

export interface MbusSegment {
  readonly index: number;
  readonly last: boolean;
  readonly data: Uint8Array;
}

/** One long frame at `at`: its segment, or the reason it is refused; `next` is where the following frame may start. */
export function readMbusSegment(bytes: Uint8Array, at: number): { segment: MbusSegment | null; reason: DlmsReason | null; next: number } {
  const l = bytes[at + 1] ?? 0;
  const end = at + l + 6;
  if (bytes[at] !== START || bytes[at + 3] !== START || bytes[at + 2] !== l || l < HEADER)
    return { segment: null, reason: 'dlms.format', next: at + 1 };
  if (end > bytes.length) return { segment: null, reason: 'dlms.truncated', next: bytes.length };
  if (bytes[end - 1] !== STOP) return { segment: null, reason: 'dlms.format', next: at + 1 };
  if (checksum(bytes, at + 4, at + 4 + l) !== bytes[at + 4 + l]) return { segment: null, reason: 'dlms.fcs', next: end };
  const ci = bytes[at + 6] ?? 0xff;
  if ((ci & 0xe0) !== 0) return { segment: null, reason: 'dlms.unsupported', next: end };
  return {
    segment: { index: ci & SEGMENT_MASK, last: (ci & LAST_SEGMENT) !== 0, data: bytes.slice(at + 4 + HEADER, at + 4 + l) },
    reason: null,
    next: end,
  };
}

/** Joins segments 0, 1, 2 … into the APDU; a gap or a repeat drops what was gathered (`dlms.segment`). */
export class MbusSegmentJoiner {
  private parts: Uint8Array[] = [];

  push(segment: MbusSegment): Uint8Array | null {
    if (segment.index !== (this.parts.length & SEGMENT_MASK)) {
      this.parts = [];
      throw new DlmsError('dlms.segment', `M-Bus segment ${segment.index} after ${this.parts.length}`);
    }
    this.parts.push(segment.data);
    if (!segment.last) return null;
    const whole = concat(...this.parts);
    this.parts = [];
    return whole;
  }

  get pending(): boolean {
    return this.parts.length > 0;
  }
}

/** Every frame of a capture with its check, and the APDUs they carry. */
export function mbusDlmsApdus(bytes: Uint8Array): { frames: { ok: boolean; reason: DlmsReason | null }[]; apdus: Uint8Array[] } {
  const frames: { ok: boolean; reason: DlmsReason | null }[] = [];
  const apdus: Uint8Array[] = [];
  const joiner = new MbusSegmentJoiner();
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] !== START) {
      at++;
      continue;
    }
    const { segment, reason, next } = readMbusSegment(bytes, at);
    at = next;
    if (!segment) {
      frames.push({ ok: false, reason });
      continue;
    }
    try {
      const apdu = joiner.push(segment);
      frames.push({ ok: true, reason: null });
      if (apdu) apdus.push(apdu);
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
      frames.push({ ok: false, reason: error.reason });
    }
  }
  return { frames, apdus };
}

/** An APDU as an Austrian meter sends it: segments of at most 245 bytes, C 53h, A FFh, STSAP 01h, DTSAP 67h. */
export function mbusDlmsFrames(apdu: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const count = Math.max(1, Math.ceil(apdu.length / MBUS_SEGMENT_DATA));
  if (count > SEGMENT_MASK + 1) throw new DlmsError('dlms.limit', `an APDU of ${apdu.length} bytes needs ${count} M-Bus segments`);
  for (let i = 0; i < count; i++) {
    const data = apdu.subarray(i * MBUS_SEGMENT_DATA, (i + 1) * MBUS_SEGMENT_DATA);
    const l = HEADER + data.length;
    const frame = new Uint8Array(l + 6);
    frame.set([START, l, l, START, 0x53, 0xff, i | (i === count - 1 ? LAST_SEGMENT : 0), 0x01, 0x67]);
    frame.set(data, 9);
    frame[4 + l] = checksum(frame, 4, 4 + l);
    frame[5 + l] = STOP;
    out.push(frame);
  }
  return out;
}
