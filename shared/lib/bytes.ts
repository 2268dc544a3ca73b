/** Byte helpers every protocol module needs (IEC 62056-21, DLMS/COSEM, M-Bus): pure, no Node Buffer. */

/** The parts one after another in one new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
