/**
 * Wired M-Bus frames (EN 13757-2:2018 §5.4, the FT1.2 format of IEC 60870-5-2): the single
 * character E5, the short frame `10 C A CS 16`, and the control and long frames
 * `68 L L 68 C A CI … CS 16`. The checksum is the sum of C to the last data byte, modulo 256.
 * A length byte that disagrees with its copy or with the bytes received is caught.
 */
import { fail } from './reasons';

export type WiredFrame =
  | { readonly kind: 'ack' }
  | { readonly kind: 'short'; readonly control: number; readonly address: number }
  | {
      readonly kind: 'control' | 'long';
      readonly control: number;
      readonly address: number;
      readonly ci: number;
      readonly bytes: Uint8Array;
      readonly dataAt: number;
    };

export const ACK = 0xe5;
const START_SHORT = 0x10;
const START_LONG = 0x68;
const STOP = 0x16;

export const checksum = (b: Uint8Array, from: number, to: number): number => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += b[i] ?? 0;
  return sum & 0xff;
};

export const isWiredFrame = (b: Uint8Array): boolean =>
  (b[0] === ACK && b.length === 1) || (b[0] === START_SHORT && b.length === 5) || (b[0] === START_LONG && b[3] === START_LONG);

export function wiredFrame(b: Uint8Array): WiredFrame {
  if (b.length === 1 && b[0] === ACK) return { kind: 'ack' };
  if (b[0] === START_SHORT) {
    if (b.length !== 5 || b[4] !== STOP) fail('mbus.length', 'short frame');
    if (checksum(b, 1, 3) !== b[3]) fail('mbus.crc', 'short frame checksum');
    return { kind: 'short', control: b[1] ?? 0, address: b[2] ?? 0 };
  }
  if (b[0] !== START_LONG || b[3] !== START_LONG || b.length < 9) return fail('mbus.length', 'not an M-Bus frame');
  const l = b[1] ?? 0;
  if (b[2] !== l) fail('mbus.length', 'the two length bytes differ');
  if (l < 3) fail('mbus.length', 'L below 3');
  if (b.length < l + 6) fail('mbus.truncated', `L says ${l} bytes, ${b.length - 6} came`);
  if (b.length > l + 6 || b[l + 5] !== STOP) fail('mbus.length', `L says ${l} bytes, ${b.length - 6} came`);
  if (checksum(b, 4, 4 + l) !== b[4 + l]) fail('mbus.crc', 'long frame checksum');
  return {
    kind: l === 3 ? 'control' : 'long',
    control: b[4] ?? 0,
    address: b[5] ?? 0,
    ci: b[6] ?? 0,
    bytes: b.subarray(0, 4 + l),
    dataAt: 6,
  };
}

/** Builds a long frame around C, A, CI and data (for the simulator and tests). */
export function longFrame(control: number, address: number, ci: number, data: Uint8Array): Uint8Array {
  const l = 3 + data.length;
  const out = new Uint8Array(l + 6);
  out.set([START_LONG, l, l, START_LONG, control, address, ci]);
  out.set(data, 7);
  out[4 + l] = checksum(out, 4, 4 + l);
  out[5 + l] = STOP;
  return out;
}
