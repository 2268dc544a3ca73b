/**
 * The IEC 62056-21:2002 opening of protocol mode E (§6.4.5 and Annex E): the same request and
 * identification as mode C, the identification carrying the enhanced-capability escape `\2`
 * ("W" = 2: the meter speaks HDLC, §6.3.14 item 15), then the acknowledgement `ACK 2 Z 2 CR LF`
 * (V = '2' HDLC protocol procedure, Z the chosen baud character, Y = '2' binary mode). Both
 * sides then switch to Z's rate with 8 data bits, no parity, 1 stop bit, and IEC 62056-46 HDLC
 * follows (Annex E.2).
 */
import { ACK, asciiBytes, concatBytes } from '../iec62056/frames';
import { modeCBaud, type Identification } from '../iec62056/identification';

/** `ACK 2 Z 2 CR LF`: switch to HDLC (Annex E). */
export function modeEOptionSelect(baudChar: string): Uint8Array {
  return concatBytes(Uint8Array.of(ACK), asciiBytes(`2${baudChar}2\r\n`));
}

/**
 * The handshake's characters are 7E1 (§6.1). A 7E1 character on the wire is the same 10 bits as
 * an 8N1 character whose 8th bit is the even parity bit, so the mode E reader opens the port
 * 8N1 once and sends the sign-on with the parity bit set here: no reopen (and no DTR drop that
 * would power down a self-powered probe) when the line switches to 8N1 for HDLC. A 7-bit port
 * sends the same bits (it ignores bit 7); received handshake bytes are masked to 7 bits.
 */
export function withEvenParity(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    let b = (bytes[i] ?? 0) & 0x7f;
    let ones = 0;
    for (let v = b; v; v >>= 1) ones += v & 1;
    if (ones & 1) b |= 0x80;
    out[i] = b;
  }
  return out;
}

/** The highest mode E rate both offer (§6.3.14 item 14: the same characters as mode C). */
export function modeERate(identification: Identification, maxBaud: number): { baudChar: string; baud: number } {
  let best = { baudChar: '0', baud: 300 };
  for (const [char, baud] of Object.entries(modeCBaud)) {
    if (baud <= identification.maxBaud && baud <= maxBaud && baud > best.baud) best = { baudChar: char, baud };
  }
  return best;
}
