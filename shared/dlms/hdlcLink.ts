/**
 * The HDLC link above single frames (IEC 62056-46 §6.4.4.9, Green Book §8.4.5): the SNRM/UA
 * parameter negotiation field, reassembly of segmented I-frames, and splitting a byte stream
 * (a capture, a serial buffer) into frames.
 */
import { ByteReader, ByteWriter } from './bytes';
import { DlmsError, type DlmsReason } from './errors';
import { decodeFrame, FLAG, stripLlc, type HdlcFrame } from './hdlc';

/** The negotiated link parameters; defaults per §6.4.4.9.3 when a side leaves one out. */
export interface LinkParameters {
  readonly maxInfoTransmit: number;
  readonly maxInfoReceive: number;
  readonly windowTransmit: number;
  readonly windowReceive: number;
}

export const defaultLinkParameters: LinkParameters = { maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 1, windowReceive: 1 };

/** `81 80 len` then `05 n max_info_tx`, `06 n max_info_rx`, `07 n window_tx`, `08 n window_rx`. */
export function encodeLinkParameters(p: LinkParameters): Uint8Array {
  const body = new ByteWriter();
  const param = (id: number, value: number, size: 1 | 2 | 4) => {
    body.u8(id).u8(size);
    if (size === 1) body.u8(value);
    else if (size === 2) body.u16(value);
    else body.u32(value);
  };
  const sizeOf = (v: number): 1 | 2 => (v > 0xff ? 2 : 1);
  param(0x05, p.maxInfoTransmit, sizeOf(p.maxInfoTransmit));
  param(0x06, p.maxInfoReceive, sizeOf(p.maxInfoReceive));
  param(0x07, p.windowTransmit, 4);
  param(0x08, p.windowReceive, 4);
  const inner = body.done();
  return new ByteWriter().u8(0x81).u8(0x80).u8(inner.length).bytes(inner).done();
}

export function decodeLinkParameters(info: Uint8Array): LinkParameters {
  if (info.length === 0) return defaultLinkParameters;
  const r = new ByteReader(info);
  if (r.u8() !== 0x81 || r.u8() !== 0x80) throw new DlmsError('dlms.format', 'HDLC parameter field without its 81 80 header');
  const end = r.u8() + r.pos;
  if (end > info.length) throw new DlmsError('dlms.truncated', 'HDLC parameter field');
  const out = { ...defaultLinkParameters };
  while (r.pos < end) {
    const id = r.u8();
    const n = r.u8();
    if (n < 1 || n > 4) throw new DlmsError('dlms.format', `HDLC parameter ${id} of ${n} bytes`);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + r.u8();
    if (id === 0x05) out.maxInfoTransmit = v;
    else if (id === 0x06) out.maxInfoReceive = v;
    else if (id === 0x07) out.windowTransmit = v;
    else if (id === 0x08) out.windowReceive = v;
  }
  if (out.windowTransmit < 1 || out.windowTransmit > 7 || out.windowReceive < 1 || out.windowReceive > 7) {
    throw new DlmsError('dlms.format', 'HDLC window size outside 1..7');
  }
  return out;
}

/**
 * Joins segmented I-frames into one APDU (§6.4.4.4.3.4 "segmentation"): each segment's N(S)
 * follows the previous one's (mod 8); a gap, a repeat or a missing first segment is refused
 * rather than glued into a wrong APDU. UI frames (HAN pushes) may be segmented too and carry no
 * sequence number; they are joined in arrival order.
 */
export class SegmentReassembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private lastSend: number | null = null;

  constructor(private readonly maxApdu = 1 << 22) {}

  /** The whole APDU (LLC header removed) when `frame` ends it, else null. */
  push(frame: HdlcFrame): Uint8Array | null {
    const { control } = frame;
    if (control.kind !== 'I' && control.kind !== 'UI') return null;
    if (control.kind === 'I') {
      if (this.lastSend !== null && control.send !== ((this.lastSend + 1) & 7)) {
        this.reset();
        throw new DlmsError('dlms.segment', `segment N(S)=${control.send} out of order`);
      }
      this.lastSend = frame.segmented ? control.send : null;
    }
    const part = this.parts.length === 0 ? stripLlc(frame.info) : frame.info;
    this.size += part.length;
    if (this.size > this.maxApdu) {
      this.reset();
      throw new DlmsError('dlms.limit', `segmented APDU over ${this.maxApdu} bytes`);
    }
    this.parts.push(part);
    if (frame.segmented) return null;
    const whole = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      whole.set(p, at);
      at += p.length;
    }
    this.reset();
    return whole;
  }

  /** True while segments of an APDU are pending. */
  get pending(): boolean {
    return this.parts.length > 0;
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.lastSend = null;
  }
}

export type ScannedFrame = { ok: true; frame: HdlcFrame; at: number } | { ok: false; reason: DlmsReason; message: string; at: number };

/**
 * Every HDLC frame in a byte stream, in order: a frame is found at a flag followed by a type-3
 * format field, and ends where its length says. Adjacent frames may share a flag (§6.4.4.1).
 * A frame that fails its checks is reported and skipped to the next flag.
 */
export function* scanFrames(bytes: Uint8Array): Generator<ScannedFrame> {
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] !== FLAG || ((bytes[i + 1] ?? 0) & 0xf0) !== 0xa0) {
      i++;
      continue;
    }
    try {
      const { frame, next } = decodeFrame(bytes, i);
      yield { ok: true, frame, at: i };
      i = next - 1; // the closing flag may open the next frame
      if (bytes[i + 1] === FLAG) i++;
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
      yield { ok: false, reason: error.reason, message: error.message, at: i };
      const nextFlag = bytes.indexOf(FLAG, i + 1);
      i = nextFlag < 0 ? bytes.length : nextFlag;
    }
  }
}
