/**
 * Stream readers for the receiver framings (receivers.ts): bytes arrive from the serial port in
 * any chunking; complete frames come out, a frame whose FCS or checksum fails is counted and
 * dropped, and bytes before a start byte are skipped (a stick plugged in mid-frame).
 */
import { crc16X25, xorChecksum, type AmberFrame, type ImstFrame } from './receivers';

export interface StreamResult<F> {
  readonly frames: readonly F[];
  /** Frames dropped for a bad FCS/checksum since the last call. */
  readonly damaged: number;
}

abstract class FrameStream<F> {
  protected buffer = new Uint8Array(0);

  feed(chunk: Uint8Array): StreamResult<F> {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const frames: F[] = [];
    let damaged = 0;
    let at = 0;
    while (at < joined.length) {
      if (joined[at] !== this.sof) {
        at++;
        continue;
      }
      const length = this.frameLength(joined, at);
      if (length === null || at + length > joined.length) break;
      const frame = this.read(joined.subarray(at, at + length));
      if (frame) {
        frames.push(frame);
        at += length;
      } else {
        damaged++;
        at++; // resynchronise on the next start byte
      }
    }
    this.buffer = joined.slice(at);
    return { frames, damaged };
  }

  protected abstract readonly sof: number;
  /** Bytes of the frame starting at `at`, or null while its header is incomplete. */
  protected abstract frameLength(b: Uint8Array, at: number): number | null;
  protected abstract read(frame: Uint8Array): F | null;
}

export class ImstStream extends FrameStream<ImstFrame> {
  protected readonly sof = 0xa5;

  protected frameLength(b: Uint8Array, at: number): number | null {
    if (at + 4 > b.length) return null;
    const control = b[at + 1] ?? 0;
    return 4 + (b[at + 3] ?? 0) + (control & 0x20 ? 4 : 0) + (control & 0x40 ? 1 : 0) + (control & 0x80 ? 2 : 0);
  }

  protected read(f: Uint8Array): ImstFrame | null {
    const control = f[1] ?? 0;
    const length = f[3] ?? 0;
    let at = 4 + length;
    if (control & 0x80) {
      const fcs = (f[f.length - 2] ?? 0) | ((f[f.length - 1] ?? 0) << 8);
      if (crc16X25(f, 1, f.length - 2) !== fcs) return null;
    }
    let timestamp: number | null = null;
    if (control & 0x20) {
      timestamp = new DataView(f.buffer, f.byteOffset + at, 4).getUint32(0, true);
      at += 4;
    }
    const rssi = control & 0x40 ? (f[at] ?? 0) : null;
    return { endpoint: control & 0x0f, messageId: f[2] ?? 0, payload: f.slice(4, 4 + length), timestamp, rssi };
  }
}

export class AmberStream extends FrameStream<AmberFrame> {
  protected readonly sof = 0xff;

  protected frameLength(b: Uint8Array, at: number): number | null {
    return at + 3 > b.length ? null : 4 + (b[at + 2] ?? 0);
  }

  protected read(f: Uint8Array): AmberFrame | null {
    if (xorChecksum(f, 0, f.length - 1) !== f[f.length - 1]) return null;
    return { command: f[1] ?? 0, payload: f.slice(3, f.length - 1) };
  }
}
