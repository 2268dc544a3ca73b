/**
 * The text output of rtl-wmbus, the software-defined wM-Bus receiver (an RTL-SDR stick), read as a
 * third kind of receiver beside the iM871A and the Amber (issue 23 §2). One telegram per line:
 *
 *   MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;0xDATAGRAM
 *
 * as the README of xaelsouth/rtl-wmbus names the columns and its packet decoders print them
 * (t1_c1_packet_decoder.h, s1_packet_decoder.h: `%s;%u;%u;%s;%u;%u;%08X;` then `0x`, the frame in
 * lower-case hex with its L field and without the frame-format CRCs, and a line feed). MODE is T1,
 * C1 or S1; a line with CRC_OK or 3OUTOF6OK at 0 was damaged on the air and is counted, never read.
 * wmbusmeters (src/wmbus_rtlwmbus.cc) reads the same lines and also accepts a second `;0x…` datagram
 * on a line and tools that leave the RSSI columns empty: so do we.
 *
 * rtl-wmbus is told its frequency on its command line and hears every mode there at once: there is
 * no mode to switch, and nothing is ever written to it.
 */
import { hexBytes } from './bytes';

export const rtlWmbusModes = ['T1', 'C1', 'S1'] as const;
export type RtlWmbusMode = (typeof rtlWmbusModes)[number];

export interface RtlWmbusTelegram {
  readonly mode: RtlWmbusMode;
  /** As rtl-wmbus prints it: local time of the receiving machine, "2019-04-03 19:00:42.000". */
  readonly timestamp: string;
  /** PACKET_RSSI, rtl-wmbus's own scale (not dBm); null when the column is empty. */
  readonly rssi: number | null;
  /** The wM-Bus frame from its L field, without the frame-format CRCs. */
  readonly telegram: Uint8Array;
}

/** A line longer than this is not rtl-wmbus output (its longest frame is 255 bytes, 510 hex digits). */
const MAX_LINE = 2048;
const LINE = /(?:^|[^A-Za-z0-9])([TCS]1);(\d);(\d);([^;]*);(\d*);(\d*);([0-9A-Fa-f]*);(0x[0-9A-Fa-f;x]*)\s*$/;

export interface RtlWmbusResult {
  readonly frames: readonly RtlWmbusTelegram[];
  /** Lines dropped since the last call: a CRC or 3-out-of-6 error, or not rtl-wmbus output. */
  readonly damaged: number;
}

/** Reads one line; null when the line is damaged or not a telegram line. Blank lines are skipped by the stream. */
export function readRtlWmbusLine(line: string): RtlWmbusTelegram[] | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const [, mode, crcOk, threeOutOfSixOk, timestamp = '', rssi = '', , , datagrams = ''] = m; // current RSSI and ident not used
  if (crcOk !== '1' || threeOutOfSixOk !== '1') return null;
  const telegrams: RtlWmbusTelegram[] = [];
  for (const part of datagrams.split(';')) {
    if (part === '') continue;
    const hex = part.slice(2);
    if (!part.startsWith('0x') || hex.length < 2 || hex.length % 2 !== 0 || /[^0-9A-Fa-f]/.test(hex)) return null;
    // A lying L field is the decoder's to refuse (mbus.length), with the sender named where it can be read.
    telegrams.push({ mode: mode as RtlWmbusMode, timestamp, rssi: rssi === '' ? null : Number(rssi), telegram: hexBytes(hex) });
  }
  return telegrams.length ? telegrams : null;
}

/** Bytes from a pipe, a PTY or stdin in any chunking; whole lines out. */
export class RtlWmbusStream {
  private pending = '';
  private readonly decoder = new TextDecoder('latin1');

  feed(chunk: Uint8Array): RtlWmbusResult {
    let text = this.pending + this.decoder.decode(chunk, { stream: true });
    const frames: RtlWmbusTelegram[] = [];
    let damaged = 0;
    let end = text.indexOf('\n');
    while (end >= 0) {
      const line = text.slice(0, end).replace(/\r$/, '');
      text = text.slice(end + 1);
      if (line.trim() !== '') {
        const read = readRtlWmbusLine(line);
        if (read) frames.push(...read);
        else damaged++;
      }
      end = text.indexOf('\n');
    }
    if (text.length > MAX_LINE) {
      damaged++;
      text = '';
    }
    this.pending = text;
    return { frames, damaged };
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The line rtl-wmbus prints for a frame (with its L field, without CRCs): for the simulator and tests. */
export function rtlWmbusLine(telegram: Uint8Array, options: { mode: RtlWmbusMode; at: Date; rssi: number }): string {
  const t = options.at;
  const timestamp = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}`;
  // LINK_LAYER_IDENT_NO is the A field's id printed as %08X: its BCD digits, most significant first.
  const ident = Array.from(telegram.subarray(4, 8))
    .reverse()
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  const hex = Array.from(telegram, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${options.mode};1;1;${timestamp};${options.rssi};${options.rssi};${ident};0x${hex}\n`;
}
