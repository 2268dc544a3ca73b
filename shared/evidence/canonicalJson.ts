/**
 * Canonical JSON of a visit's data, the text a receipt's verification code is taken over: object
 * keys sorted by UTF-16 code units, no white space, strings as JSON.stringify writes them (the
 * rules of RFC 8785 for the values a VisitRecord holds: strings, finite numbers, booleans, null).
 * Two programs that read the same data write the same bytes, whatever order their fields came in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The short verification code a person reads off the receipt: the first 50 bits of the SHA-256
 * as 10 characters of the RFC 4648 base32 alphabet (no 0/1/8/9, so O/I/B are never misread).
 * Shown grouped as ABCDE-FGHIJ; stored and named without the dash.
 */
export function receiptCode(sha256: Uint8Array): string {
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of sha256) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length === 10) break;
  }
  return out;
}

export const groupedCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;
