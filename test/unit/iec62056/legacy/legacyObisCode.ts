/** parseObisCode as it was before the char-scan rewrite (2026-11), kept as a test oracle. */
/**
 * OBIS identifiers as meters send them in IEC 62056-21 data sets (§6.5 "Address"), in full
 * (`1-0:1.8.0*255`, IEC 62056-61 §5) or reduced (`1.8.0`, `C.1.0`, `F.F`, historic `1.8.0*12`).
 * Letters in value group C–F stand for the IEC 62056-61 §5.5 abstract codes: C=96, F=97, L=98, P=99.
 */
interface ObisCode {
  /** Medium (1 electricity, 7 gas, …); null when the reduced form leaves it out. */
  readonly a: number | null;
  readonly b: number | null;
  readonly c: number;
  readonly d: number;
  readonly e: number | null;
  /** Billing period / historic value; null when absent or 255 (current value). */
  readonly f: number | null;
}

const letters: Readonly<Record<string, number>> = { C: 96, F: 97, L: 98, P: 99 };
const GROUP = /^(?:\d{1,3}|[CFLP])$/;

function group(text: string): number | null {
  if (!GROUP.test(text)) return null;
  const letter = letters[text];
  if (letter !== undefined) return letter;
  const n = Number(text);
  return n <= 255 ? n : null;
}

/** Null when the address is not an OBIS code (a meter may use free text addresses). */
export function parseObisCode(address: string): ObisCode | null {
  const m = /^(?:(\d{1,3})-(\d{1,3}):)?([0-9A-Z]{1,3}(?:\.[0-9A-Z]{1,3}){1,3})(?:[*&](\d{1,3}))?$/.exec(address.trim());
  if (!m) return null;
  const parts = (m[3] ?? '').split('.').map(group);
  if (parts.some((p) => p === null)) return null;
  const [c, d, e, dottedF] = parts as number[];
  const fText = m[4] ?? (dottedF === undefined ? undefined : String(dottedF));
  const f = fText === undefined || Number(fText) === 255 ? null : Number(fText);
  return {
    a: m[1] === undefined ? null : Number(m[1]),
    b: m[2] === undefined ? null : Number(m[2]),
    c: c ?? 0,
    d: d ?? 0,
    e: e ?? null,
    f,
  };
}
