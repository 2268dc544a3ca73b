/**
 * Keeps the meter's secret out of a DLMS probe transcript (issue 22 "Bad input": the raw
 * transcript of a failed read is kept, never the password or keys). The only secret a client
 * puts on the wire is the AARQ's calling-authentication-value (Green Book §9.4.2, IEC 62056-5-3
 * §8: field [12] 0xAC holding the LLS password, or the HLS challenge); keys never leave the
 * device. Its octets are replaced by `*` in the bytes as they are recorded, so the transcript
 * keeps the AARQ's shape (and so its frame no longer passes its FCS: it is a record, not a replay).
 */

/** HDLC LLC of a command (IEC 62056-46 §6.4.4.5: E6 E6 00), then the AARQ tag 0x60. */
const AARQ_START = [0xe6, 0xe6, 0x00, 0x60] as const;
const CALLING_AUTHENTICATION_VALUE = 0xac;
const STAR = 0x2a;

/** A BER length at `at`: its value and where the content starts; null past the bytes or in a form ACSE does not use. */
function berLength(bytes: Uint8Array, at: number): { length: number; content: number } | null {
  const first = bytes[at];
  if (first === undefined) return null;
  if (first < 0x80) return { length: first, content: at + 1 };
  if (first === 0x81 && at + 1 < bytes.length) return { length: bytes[at + 1]!, content: at + 2 };
  if (first === 0x82 && at + 2 < bytes.length) return { length: (bytes[at + 1]! << 8) | bytes[at + 2]!, content: at + 3 };
  return null;
}

/** Replaces, in place, the calling-authentication-value of every AARQ in `bytes` (sent bytes: one frame or more). */
export function maskAuthenticationValue(bytes: Uint8Array): void {
  for (let i = 0; i + AARQ_START.length <= bytes.length; i++) {
    if (!AARQ_START.every((b, k) => bytes[i + k] === b)) continue;
    const aarq = berLength(bytes, i + AARQ_START.length);
    if (!aarq) continue;
    const end = Math.min(bytes.length, aarq.content + aarq.length);
    for (let at = aarq.content; at < end;) {
      const tag = bytes[at];
      const field = berLength(bytes, at + 1);
      if (tag === undefined || !field) break;
      if (tag === CALLING_AUTHENTICATION_VALUE) {
        // [12] { [0] charstring | [1] bitstring }: the choice's tag and length stay, its content goes.
        const inner = berLength(bytes, field.content + 1);
        const from = inner ? inner.content : field.content;
        for (let k = from; k < Math.min(end, field.content + field.length); k++) bytes[k] = STAR;
      }
      at = field.content + field.length;
    }
  }
}
