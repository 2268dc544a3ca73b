/**
 * What a wired M-Bus master sends and how it hears the answers (EN 13757-2:2018 §5, EN 13757-3):
 *
 * - SND_NKE `10 40 A CS 16`: link reset; the meter answers the single character E5.
 * - REQ_UD2 `10 5B|7B A CS 16`: class 2 data; the meter answers RSP_UD, a long frame. The frame
 *   count bit (FCB, 0x20) toggles on each new request so a repeated request (FCB unchanged) gets the
 *   same answer again and a toggled one the next telegram of a multi-telegram answer.
 * - Secondary addressing: SND_UD `68 0B 0B 68 53 FD 52 ID₄ MAN₂ VER MED CS 16` selects the meter
 *   whose secondary address matches; an F nibble (or FF byte) in the mask matches anything. One
 *   selected meter answers E5; several answering at once collide into a garbled character.
 * - Primary address 253 (0xFD) then talks to the selected meter; 254 and 255 are broadcasts.
 * - Application reset, SND_UD with CI 0x50 (EN 13757-3:2018 §6.1, Table 2 and its application reset
 *   subcodes): `68 03|04 … 53 A 50 [subcode] CS 16`; the meter answers E5 and starts its answer over
 *   (a multi-telegram answer from its first telegram). The subcode's upper nibble picks the kind of
 *   data (0 all, 1 user data, 2 simple billing, 3 enhanced billing, 4 multi-tariff, 5 instantaneous
 *   values, …), its lower nibble the telegram number; libmbus sends the same frame
 *   (mbus_send_application_reset_frame).
 * - Data send, SND_UD with CI 0x51: records to the meter (for example the records to be read next,
 *   "select data"); the meter answers E5.
 *
 * Addresses are written as libmbus writes them: 16 hex characters, id (8 BCD digits) then
 * manufacturer (4), version (2), medium (2), e.g. "12345678FFFFFFFF".
 */
import { ACK, checksum, longFrame } from './wiredFrame';

export const SND_NKE = 0x40;
export const REQ_UD2 = 0x5b;
export const FCB = 0x20;
export const SND_UD = 0x53;
export const CI_SELECT = 0x52;
export const CI_APPLICATION_RESET = 0x50;
export const CI_DATA_SEND = 0x51;
/** The primary address that reaches the meter selected by its secondary address. */
export const SELECTED = 0xfd;

export function shortFrame(control: number, address: number): Uint8Array {
  const out = Uint8Array.of(0x10, control, address, 0, 0x16);
  out[3] = checksum(out, 1, 3);
  return out;
}

export const sndNke = (address: number): Uint8Array => shortFrame(SND_NKE, address);
export const reqUd2 = (address: number, fcb: boolean): Uint8Array => shortFrame(REQ_UD2 | (fcb ? FCB : 0), address);

/** Application reset (CI 0x50), with a subcode byte when one is given (0–255). */
export const applicationReset = (address: number, subcode: number | null = null): Uint8Array =>
  longFrame(SND_UD, address, CI_APPLICATION_RESET, subcode === null ? new Uint8Array(0) : Uint8Array.of(subcode & 0xff));

/** Data send (CI 0x51): data records for the meter, e.g. which records to answer with. */
export const dataSend = (address: number, records: Uint8Array): Uint8Array => longFrame(SND_UD, address, CI_DATA_SEND, records);

/** A 16-character secondary address mask, F for any digit; a bare id (up to 8 characters) gets F for the rest. */
export function secondaryMask(text: string): string | null {
  const t = text.trim().toUpperCase();
  if (/^[0-9F]{1,8}$/.test(t)) return t.padEnd(8, 'F') + 'FFFFFFFF';
  return /^[0-9F]{8}[0-9A-F]{8}$/.test(t) ? t : null;
}

/** The selection request for a mask (EN 13757-3 §11.4: id as BCD, least significant byte first). */
export function selectRequest(mask: string): Uint8Array {
  const bytes = (hex: string) => (hex.match(/../g) ?? []).map((b) => parseInt(b, 16)).reverse();
  const data = Uint8Array.from([
    ...bytes(mask.slice(0, 8)),
    ...bytes(mask.slice(8, 12)),
    ...bytes(mask.slice(12, 14)),
    ...bytes(mask.slice(14, 16)),
  ]);
  return longFrame(SND_UD, SELECTED, CI_SELECT, data);
}

/** Whether an address matches a mask, nibble by nibble (F in the mask matches anything). */
export function maskMatches(mask: string, address: string): boolean {
  for (let i = 0; i < 16; i++) if (mask[i] !== 'F' && mask[i] !== address[i]) return false;
  return true;
}

/** The 16-character secondary address a long frame's fixed header names (id, manufacturer, version, medium). */
export function secondaryAddressOf(frame: Uint8Array): string | null {
  // 68 L L 68 C A CI | id₄ man₂ ver med (CI 0x72: long header; 0x76 / 0x7A carry none)
  if (frame[6] !== 0x72 || frame.length < 15) return null;
  const hex = (from: number, count: number) =>
    Array.from(frame.subarray(from, from + count))
      .reverse()
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  return `${hex(7, 4)}${hex(11, 2)}${hex(13, 1)}${hex(14, 1)}`;
}

export type WiredReply = { kind: 'ack' } | { kind: 'long'; frame: Uint8Array } | { kind: 'garbled' };

/**
 * Cuts the master's received bytes into replies: E5, a complete long frame with a good checksum,
 * or garbled (a wrong start byte, a bad checksum, a frame that lies about its length). Several
 * meters answering at once (a collision) arrive as garbled.
 */
export class WiredReplyReader {
  private buffer: number[] = [];

  feed(chunk: Uint8Array): WiredReply[] {
    this.buffer.push(...chunk);
    const replies: WiredReply[] = [];
    while (this.buffer.length > 0) {
      const first = this.buffer[0];
      if (first === ACK) {
        this.buffer.shift();
        replies.push({ kind: 'ack' });
        continue;
      }
      if (first !== 0x68) {
        this.buffer = [];
        replies.push({ kind: 'garbled' });
        break;
      }
      if (this.buffer.length < 4) break;
      const l = this.buffer[1] ?? 0;
      if (this.buffer[2] !== l || this.buffer[3] !== 0x68) {
        this.buffer = [];
        replies.push({ kind: 'garbled' });
        break;
      }
      if (this.buffer.length < l + 6) break;
      const frame = Uint8Array.from(this.buffer.splice(0, l + 6));
      const good = frame[l + 5] === 0x16 && checksum(frame, 4, 4 + l) === frame[4 + l];
      replies.push(good ? { kind: 'long', frame } : { kind: 'garbled' });
    }
    return replies;
  }

  clear(): void {
    this.buffer = [];
  }
}
