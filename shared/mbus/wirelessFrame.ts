/**
 * The wireless M-Bus data link layer (EN 13757-4:2019 §5.5 / OMS Vol.2 §7.1): a frame with or
 * without its CRCs, in frame format A (a 10-byte first block, then 16-byte blocks, each followed
 * by its CRC; L counts no CRC byte) or B (one CRC over the first up-to-126 bytes, one over the
 * rest; L counts the CRCs). Receivers hand over either form, so the form is told from L and
 * the number of bytes, and a CRC is always checked when it is there.
 */
import { crcEn13757, crcMatches } from './bytes';
import { fail } from './reasons';

export type FrameFormat = 'A' | 'B' | 'none';

export interface LinkFrame {
  /** The frame without CRCs; L (byte 0) counts the bytes after it. */
  readonly bytes: Uint8Array;
  readonly format: FrameFormat;
}

/** Bytes of a format A frame with its CRCs for a given L. */
export const formatALength = (l: number): number => l + 1 + 2 * (1 + Math.ceil(Math.max(0, l - 9) / 16));

export function stripFormatA(raw: Uint8Array): Uint8Array {
  const l = raw[0] ?? 0;
  const out = new Uint8Array(l + 1);
  let from = 0;
  let to = 0;
  let block = 10;
  while (to < out.length) {
    const take = Math.min(block, out.length - to);
    if (!crcMatches(raw, from, from + take)) fail('mbus.crc', `block at byte ${from}`);
    out.set(raw.subarray(from, from + take), to);
    to += take;
    from += take + 2;
    block = 16;
  }
  return out;
}

/** Format B: L counts the CRCs; the first CRC covers bytes 0..125 when the frame is longer (§5.5.2.2). */
function stripFormatB(raw: Uint8Array): Uint8Array | null {
  const end = raw.length - 2;
  if (raw.length <= 128) return crcMatches(raw, 0, end) ? rewriteL(raw.subarray(0, end)) : null;
  if (!crcMatches(raw, 0, 126) || !crcMatches(raw, 128, end)) return null;
  const out = new Uint8Array(raw.length - 4);
  out.set(raw.subarray(0, 126));
  out.set(raw.subarray(128, end), 126);
  return rewriteL(out);
}

function rewriteL(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out[0] = out.length - 1;
  return out;
}

/** Tells the form from L and the length and returns the frame without CRCs. */
export function linkFrame(raw: Uint8Array): LinkFrame {
  if (raw.length < 11) fail('mbus.truncated', 'shorter than a link-layer header');
  const l = raw[0] ?? 0;
  if (raw.length === formatALength(l)) return { bytes: stripFormatA(raw), format: 'A' };
  if (raw.length === l + 1) {
    // Format B with CRCs and a frame without CRCs have the same length: the CRC decides.
    const b = stripFormatB(raw);
    return b ? { bytes: b, format: 'B' } : { bytes: raw, format: 'none' };
  }
  if (raw.length < l + 1) fail('mbus.truncated', `L says ${l} bytes, ${raw.length - 1} came`);
  return fail('mbus.length', `L says ${l} bytes, ${raw.length - 1} came`);
}

/** Adds format A CRCs (for the simulator and tests). */
export function withFormatACrc(frame: Uint8Array): Uint8Array {
  const parts: number[] = [];
  let from = 0;
  let block = 10;
  while (from < frame.length) {
    const to = Math.min(from + block, frame.length);
    for (let i = from; i < to; i++) parts.push(frame[i] ?? 0);
    const c = crcEn13757(frame, from, to);
    parts.push(c >> 8, c & 0xff);
    from = to;
    block = 16;
  }
  return Uint8Array.from(parts);
}
