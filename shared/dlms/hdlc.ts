/**
 * HDLC framing of DLMS/COSEM (IEC 62056-46 / Green Book §8.4): frame format type 3
 * `7E | A S L L | dest | src | control | HCS | info | FCS | 7E`, the 11-bit length counting every
 * byte between the flags; addresses of 1, 2 or 4 bytes, 7 bits each, the last byte's LSB set;
 * HCS and FCS are CRC-16/X-25 (RFC 1662 FCS-16), sent low byte first; a frame without an
 * information field carries only the FCS.
 */
import { DlmsError } from './errors';

export const FLAG = 0x7e;

const crcTable: Readonly<Uint16Array> = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let b = 0; b < 8; b++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-16/X-25 (poly 0x1021 reflected, init 0xFFFF, final XOR 0xFFFF) over bytes[from, to). */
export function crc16X25(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let crc = 0xffff;
  for (let i = from; i < to; i++) crc = (crc >>> 8) ^ (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return (crc ^ 0xffff) & 0xffff;
}

/** Control field kinds (IEC 62056-46 §6.4.3.4). */
export type Control =
  | { kind: 'I'; send: number; receive: number; poll: boolean }
  | { kind: 'RR' | 'RNR'; receive: number; poll: boolean }
  | { kind: 'SNRM' | 'DISC' | 'UA' | 'DM' | 'FRMR' | 'UI'; poll: boolean };

const unnumbered = { SNRM: 0x83, DISC: 0x43, UA: 0x63, DM: 0x0f, FRMR: 0x87, UI: 0x03 } as const;

export function encodeControl(c: Control): number {
  const p = c.poll ? 0x10 : 0;
  switch (c.kind) {
    case 'I':
      return ((c.receive & 7) << 5) | p | ((c.send & 7) << 1);
    case 'RR':
      return ((c.receive & 7) << 5) | p | 0x01;
    case 'RNR':
      return ((c.receive & 7) << 5) | p | 0x05;
    default:
      return unnumbered[c.kind] | p;
  }
}

export function decodeControl(byte: number): Control {
  const poll = (byte & 0x10) !== 0;
  if ((byte & 1) === 0) return { kind: 'I', send: (byte >> 1) & 7, receive: byte >> 5, poll };
  if ((byte & 0x0f) === 0x01) return { kind: 'RR', receive: byte >> 5, poll };
  if ((byte & 0x0f) === 0x05) return { kind: 'RNR', receive: byte >> 5, poll };
  const u = byte & ~0x10;
  for (const [kind, value] of Object.entries(unnumbered) as [keyof typeof unnumbered, number][]) if (u === value) return { kind, poll };
  throw new DlmsError('dlms.unsupported', `HDLC control field 0x${byte.toString(16)}`);
}

/**
 * A server address: the upper HDLC address (logical device) and, for 2- and 4-byte forms, the
 * lower one (physical device). A client address is a 1-byte upper address (§6.4.2.2).
 */
export interface HdlcAddress {
  readonly upper: number;
  readonly lower: number | null;
  /** 1, 2 or 4 bytes on the wire. */
  readonly size: 1 | 2 | 4;
}

/** Address bytes: 7 bits per byte, MSB first, LSB of the last byte set (§6.4.2.1). */
export function encodeAddress(a: HdlcAddress): number[] {
  const half = a.size === 4 ? 2 : 1;
  const part = (v: number, n: number) => (n === 2 ? [(v >> 7) & 0x7f, v & 0x7f] : [v & 0x7f]);
  const septets = a.size === 1 ? part(a.upper, 1) : [...part(a.upper, half), ...part(a.lower ?? 0, half)];
  return septets.map((s, i) => (s << 1) | (i === septets.length - 1 ? 1 : 0));
}

function readAddress(bytes: Uint8Array, at: number, end: number): { address: HdlcAddress; next: number } {
  let i = at;
  while (i < end && ((bytes[i] ?? 0) & 1) === 0) i++;
  const size = i - at + 1;
  if (i >= end) throw new DlmsError('dlms.truncated', 'HDLC address without its last byte');
  if (size !== 1 && size !== 2 && size !== 4) throw new DlmsError('dlms.format', `HDLC address of ${size} bytes`);
  const septet = (k: number) => (bytes[at + k] ?? 0) >> 1;
  const address: HdlcAddress =
    size === 1
      ? { upper: septet(0), lower: null, size }
      : size === 2
        ? { upper: septet(0), lower: septet(1), size }
        : { upper: (septet(0) << 7) | septet(1), lower: (septet(2) << 7) | septet(3), size };
  return { address, next: i + 1 };
}

export interface HdlcFrame {
  readonly destination: HdlcAddress;
  readonly source: HdlcAddress;
  readonly control: Control;
  /** The segmentation bit of the format field: more segments of this information follow. */
  readonly segmented: boolean;
  readonly info: Uint8Array;
}

export interface FrameOptions {
  readonly destination: HdlcAddress;
  readonly source: HdlcAddress;
  readonly control: Control;
  readonly segmented?: boolean;
  readonly info?: Uint8Array;
}

export function encodeFrame(f: FrameOptions): Uint8Array {
  const info = f.info ?? new Uint8Array(0);
  const head = [...encodeAddress(f.destination), ...encodeAddress(f.source), encodeControl(f.control)];
  const length = 2 + head.length + (info.length ? 2 + info.length : 0) + 2;
  if (length > 0x7ff) throw new DlmsError('dlms.limit', `HDLC frame of ${length} bytes`);
  const out = new Uint8Array(length + 2);
  out[0] = FLAG;
  out[1] = 0xa0 | (f.segmented ? 0x08 : 0) | (length >> 8);
  out[2] = length & 0xff;
  out.set(head, 3);
  let at = 3 + head.length;
  if (info.length) {
    const hcs = crc16X25(out, 1, at);
    out[at++] = hcs & 0xff;
    out[at++] = hcs >> 8;
    out.set(info, at);
    at += info.length;
  }
  const fcs = crc16X25(out, 1, at);
  out[at++] = fcs & 0xff;
  out[at++] = fcs >> 8;
  out[at] = FLAG;
  return out;
}

/**
 * Decodes the frame whose opening flag is at `at`; `end` is the frame's closing flag position
 * (found from the length field by the caller). Checks HCS and FCS.
 */
export function decodeFrame(bytes: Uint8Array, at = 0): { frame: HdlcFrame; next: number } {
  if (bytes[at] !== FLAG) throw new DlmsError('dlms.format', 'no HDLC opening flag');
  if (at + 3 > bytes.length) throw new DlmsError('dlms.truncated', 'HDLC format field');
  const format = ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0);
  if (format >> 12 !== 0xa) throw new DlmsError('dlms.format', 'not HDLC frame format type 3');
  const length = format & 0x7ff;
  const close = at + 1 + length;
  if (close >= bytes.length) throw new DlmsError('dlms.truncated', `HDLC frame of ${length} bytes`);
  if (bytes[close] !== FLAG) throw new DlmsError('dlms.format', 'HDLC frame does not end with a flag at its length');
  const dst = readAddress(bytes, at + 3, close);
  const src = readAddress(bytes, dst.next, close);
  const controlAt = src.next;
  if (controlAt + 3 > close) throw new DlmsError('dlms.truncated', 'HDLC control field and FCS');
  const control = decodeControl(bytes[controlAt] ?? 0);
  const fcs = crc16X25(bytes, at + 1, close - 2);
  if (fcs !== ((bytes[close - 2] ?? 0) | ((bytes[close - 1] ?? 0) << 8)))
    throw new DlmsError('dlms.fcs', 'HDLC frame check sequence does not match');
  let info = new Uint8Array(0);
  if (close - 2 > controlAt + 1) {
    const hcsAt = controlAt + 1;
    if (hcsAt + 2 > close - 2) throw new DlmsError('dlms.truncated', 'HDLC header check sequence');
    const hcs = crc16X25(bytes, at + 1, hcsAt);
    if (hcs !== ((bytes[hcsAt] ?? 0) | ((bytes[hcsAt + 1] ?? 0) << 8)))
      throw new DlmsError('dlms.hcs', 'HDLC header check sequence does not match');
    info = bytes.slice(hcsAt + 2, close - 2);
  }
  return { frame: { destination: dst.address, source: src.address, control, segmented: (format & 0x0800) !== 0, info }, next: close + 1 };
}

/** The LLC header before an APDU in an I-frame (IEC 62056-46 §8.4, Green Book "LLC sublayer"). */
export const LLC_COMMAND = Uint8Array.of(0xe6, 0xe6, 0x00);
export const LLC_RESPONSE = Uint8Array.of(0xe6, 0xe7, 0x00);

/** The info without its LLC header when it has one. */
export function stripLlc(info: Uint8Array): Uint8Array {
  return info.length >= 3 && info[0] === 0xe6 && (info[1] === 0xe6 || info[1] === 0xe7) && info[2] === 0x00 ? info.subarray(3) : info;
}
