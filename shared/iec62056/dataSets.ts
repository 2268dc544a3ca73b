/**
 * Data lines of the data message (IEC 62056-21:2002 §6.3.2 / §6.5): `Address(Value*Unit)`, any
 * number of sets per line, several values per set (`(a)(b)`, e.g. a demand and its timestamp),
 * and `!` ending the data. Values stay exact text as the meter sent them (zeros kept); only the
 * padding spaces some meters put inside the brackets are trimmed.
 *
 * One left-to-right scan of char codes per line: no regex, no split, and the only strings made
 * are the address, each value and each unit (plus junk, when a caller asks for it).
 */
export interface DataValue {
  readonly value: string;
  /** Null when the meter sent no unit (`(123)`) or an empty one (`(123*)`). */
  readonly unit: string | null;
}

export interface DataSet {
  /** The address as sent: `1.8.0`, `1-0:1.8.1`, `1.8.0*12`, `F.F`. */
  readonly obis: string;
  readonly values: DataValue[];
}

export interface ParsedLine {
  readonly dataSets: DataSet[];
  /** The line held the end-of-data mark `!` (alone or after the last set). */
  readonly end: boolean;
  /** Text that was neither a set nor the end mark (echo, noise), for the diagnostic log. */
  readonly junk: string;
}

// §6.5 allows 32 characters (128 in later editions), but DSMR 5.0.2 §6.12 0-0:96.13.0 carries a
// "text message max 1024 characters" as hex octets (Sn, n ≤ 2048): longer than that is noise.
export const MAX_VALUE = 2048;
const MAX_ADDRESS = 32; // §6.5: address of at most 16 characters; 32 leaves room for vendor forms
const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const STAR = 0x2a; // * between value and unit
const BANG = 0x21; // ! end of data

/** The whitespace `String.prototype.trim` removes, by char code (a meter line is 7-bit; callers may pass any text). */
export function isSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when text[from, to) is empty or only whitespace. */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function trimmed(text: string, from: number, to: number): string {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return from === to ? '' : text.slice(from, to);
}

/** Where a line's first '(' is, when only whitespace comes before it; else -1. */
function firstValueAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === OPEN ? i : -1;
}

/** A unit as DSMR 2.2 writes it alone in brackets: a letter, then letters or digits (`m3`, `kWh`, `GJ`). */
function isUnitName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]{0,7}$/.test(text);
}

function isNumber(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

/**
 * Scans text[from, to) (one line, CR/LF removed) and appends its sets to `into`. A line that
 * starts with values but no address continues `previous` (some meters wrap long value lists).
 * Returns whether the end mark `!` was seen. `junk`, when given, collects what was neither.
 */
export function scanDataSets(
  text: string,
  from: number,
  to: number,
  previous: DataSet | undefined,
  into: DataSet[],
  junk: string[] | null,
): boolean {
  let current = previous;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === BANG) return true;
    if (c === OPEN) {
      // One pass to the closing bracket: the first '*' splits value and unit; a nested '(' is noise.
      let close = -1;
      let star = -1;
      let nested = false;
      for (let k = i + 1; k < to; k++) {
        const d = text.charCodeAt(k);
        if (d === CLOSE) {
          close = k;
          break;
        }
        if (d === STAR) {
          if (star < 0) star = k;
        } else if (d === OPEN) nested = true;
      }
      if (close < 0 || close - i - 1 > MAX_VALUE || nested || current === undefined) {
        junk?.push(text.slice(i, close < 0 ? to : close + 1));
        if (close < 0) return false;
        i = close + 1;
        continue;
      }
      if (star < 0) {
        const value = trimmed(text, i + 1, close);
        // DSMR 2.2/3.0 gas: `0-1:24.3.0(ts)(00)(60)(1)(0-1:24.2.1)(m3)` CR LF `(00001.001)` — the unit is
        // the last value of one line, the reading the first of the next: joined as value*unit.
        const last = current === previous && i === firstValueAt(text, from) ? current.values[current.values.length - 1] : undefined;
        if (last && last.unit === null && isUnitName(last.value) && isNumber(value))
          current.values[current.values.length - 1] = { value, unit: last.value };
        else current.values.push({ value, unit: null });
      } else {
        const unit = trimmed(text, star + 1, close);
        current.values.push({ value: trimmed(text, i + 1, star), unit: unit === '' ? null : unit });
      }
      i = close + 1;
      continue;
    }
    // An address runs up to the next '('; what precedes its last space or control char is noise.
    // One forward pass notes that char (`bad`); trailing spaces before '(' are rare and rescanned.
    let j = i;
    let bad = c <= 0x20 || c >= 0x7f ? i : i - 1;
    while (++j < to) {
      const d = text.charCodeAt(j);
      if (d === OPEN || d === BANG) break;
      if (d <= 0x20 || d >= 0x7f) bad = j;
    }
    let k = j;
    while (k > i && text.charCodeAt(k - 1) <= 0x20) k--;
    let a = bad + 1;
    if (a > k) {
      a = k;
      while (a > i) {
        const d = text.charCodeAt(a - 1);
        if (d <= 0x20 || d >= 0x7f) break;
        a--;
      }
    }
    if (junk && a > i) {
      const noise = text.slice(i, a).trim();
      if (noise) junk.push(noise);
    }
    if (j < to && text.charCodeAt(j) === OPEN && k > a && k - a <= MAX_ADDRESS) {
      current = { obis: text.slice(a, k), values: [] };
      into.push(current);
    } else {
      if (junk && k > a) junk.push(text.slice(a, k));
      current = undefined;
    }
    i = j;
  }
  return false;
}

/** Parses one line (CR/LF removed); see `scanDataSets`. */
export function parseDataLine(line: string, previous?: DataSet): ParsedLine {
  const dataSets: DataSet[] = [];
  const junk: string[] = [];
  const end = scanDataSets(line, 0, line.length, previous, dataSets, junk);
  return { dataSets, end, junk: junk.join('') };
}

/** Parses a whole data block text (lines split on CR LF, LF or CR alone), stopping at `!`. */
export function parseDataText(text: string): { dataSets: DataSet[]; end: boolean } {
  const all: DataSet[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) continue;
    if (scanDataSets(text, start, i, all[all.length - 1], all, null)) return { dataSets: all, end: true };
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  return { dataSets: all, end: false };
}
