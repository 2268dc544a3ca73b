/**
 * OBIS identifiers as meters send them in IEC 62056-21 data sets (§6.5 "Address"), in full
 * (`1-0:1.8.0*255`, IEC 62056-61 §5) or reduced (`1.8.0`, `C.1.0`, `F.F`, historic `1.8.0*12`).
 * Letters in value group C–F stand for the IEC 62056-61 §5.5 abstract codes: C=96, F=97, L=98, P=99.
 */
export interface ObisCode {
  /** Medium (1 electricity, 7 gas, …); null when the reduced form leaves it out. */
  readonly a: number | null;
  readonly b: number | null;
  readonly c: number;
  readonly d: number;
  readonly e: number | null;
  /** Billing period / historic value; null when absent or 255 (current value). */
  readonly f: number | null;
}

/** IEC 62056-61 §5.5 abstract codes in value groups C–F. */
function letterValue(c: number): number {
  return c === 0x43 ? 96 : c === 0x46 ? 97 : c === 0x4c ? 98 : c === 0x50 ? 99 : -1;
}

/** 1–3 digits at s[i]: value * 4 + count, or -1 (none, or a fourth digit). Packed: no object per call. */
function digitsAt(s: string, i: number): number {
  let v = 0;
  let k = i;
  for (; k < s.length && k - i < 4; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + c - 0x30;
  }
  return k === i || k - i > 3 ? -1 : v * 4 + (k - i);
}

/**
 * Null when the address is not an OBIS code (a meter may use free text addresses). Accepts
 * `[A-B:]C.D[.E[.F]][*F|&F]`: A, B and the F after `*`/`&` are 1–3 digits; C–F are 1–3 digits up
 * to 255 or one of the letters C, F, L, P. One scan of the text, no regex (it runs once per set).
 */
export function parseObisCode(address: string): ObisCode | null {
  const s = address.trim();
  const n = s.length;
  let i = 0;
  let a: number | null = null;
  let b: number | null = null;
  let p = digitsAt(s, 0);
  if (p >= 0 && s.charCodeAt(p & 3) === 0x2d /* - */) {
    const q = digitsAt(s, (p & 3) + 1);
    i = (p & 3) + 1 + (q & 3);
    if (q < 0 || s.charCodeAt(i) !== 0x3a /* : */) return null;
    i++;
    a = p >> 2;
    b = q >> 2;
  }
  // Value groups C.D[.E[.F]].
  const groups: number[] = [];
  for (;;) {
    p = digitsAt(s, i);
    let g: number;
    if (p >= 0) {
      g = p >> 2;
      if (g > 255) return null;
      i += p & 3;
    } else {
      g = i < n ? letterValue(s.charCodeAt(i)) : -1;
      if (g < 0) return null;
      i++;
    }
    groups.push(g);
    if (i < n && s.charCodeAt(i) === 0x2e /* . */ && groups.length < 4) i++;
    else break;
  }
  if (groups.length < 2) return null;
  let f: number | null = groups[3] ?? null;
  if (i < n) {
    const sep = s.charCodeAt(i);
    if (sep !== 0x2a /* * */ && sep !== 0x26 /* & */) return null;
    p = digitsAt(s, i + 1);
    if (p < 0 || i + 1 + (p & 3) !== n) return null;
    f = p >> 2;
  }
  return { a, b, c: groups[0] ?? 0, d: groups[1] ?? 0, e: groups[2] ?? null, f: f === 255 ? null : f };
}

export function formatObisCode(code: ObisCode): string {
  const head = code.a === null ? '' : `${code.a}-${code.b ?? 0}:`;
  return `${head}${code.c}.${code.d}${code.e === null ? '' : `.${code.e}`}${code.f === null ? '' : `*${code.f}`}`;
}
