/** The data-set parser as it was before the one-pass rewrite (2026-11), kept as a test oracle. */
/**
 * Data lines of the data message (IEC 62056-21:2002 §6.3.2 / §6.5): `Address(Value*Unit)`, any
 * number of sets per line, several values per set (`(a)(b)`, e.g. a demand and its timestamp),
 * and `!` ending the data. Values stay exact text as the meter sent them (zeros kept); only the
 * padding spaces some meters put inside the brackets are trimmed.
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

const MAX_VALUE = 128; // §6.5: 32 characters, 128 in later editions; longer is noise

function splitValue(inner: string): DataValue {
  const star = inner.indexOf('*');
  if (star < 0) return { value: inner.trim(), unit: null };
  const unit = inner.slice(star + 1).trim();
  return { value: inner.slice(0, star).trim(), unit: unit === '' ? null : unit };
}

/**
 * Parses one line (CR/LF removed). A line that starts with values but no address continues the
 * `previous` set of the same block (some meters wrap long value lists).
 */
export function parseDataLine(line: string, previous?: DataSet): ParsedLine {
  const dataSets: DataSet[] = [];
  let junk = '';
  let end = false;
  let current: DataSet | undefined = previous;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line.charAt(i);
    if (ch === '!') {
      end = true;
      break;
    }
    if (ch === '(') {
      const close = line.indexOf(')', i + 1);
      const inner = close < 0 ? '' : line.slice(i + 1, close);
      if (close < 0 || inner.length > MAX_VALUE || inner.includes('(') || current === undefined) {
        junk += close < 0 ? line.slice(i) : line.slice(i, close + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      current.values.push(splitValue(inner));
      i = close + 1;
      continue;
    }
    // An address runs up to the next '('; what precedes its last space or control char is noise.
    let j = i;
    while (j < n && line.charAt(j) !== '(' && line.charAt(j) !== '!') j++;
    let k = j;
    while (k > i && line.charCodeAt(k - 1) <= 0x20) k--;
    let a = k;
    while (a > i && line.charCodeAt(a - 1) > 0x20 && line.charCodeAt(a - 1) < 0x7f) a--;
    const address = line.slice(a, k);
    const noise = a > i ? line.slice(i, a).trim() : '';
    if (noise) junk += noise;
    if (j < n && line.charAt(j) === '(' && address !== '' && address.length <= 32) {
      current = { obis: address, values: [] };
      dataSets.push(current);
    } else {
      if (address) junk += address;
      current = undefined;
    }
    i = j;
  }
  return { dataSets, end, junk };
}

/** Parses a whole data block text (lines split on CR LF, LF or CR alone), stopping at `!`. */
export function parseDataText(text: string): { dataSets: DataSet[]; end: boolean } {
  const all: DataSet[] = [];
  let last: DataSet | undefined;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const parsed = parseDataLine(line, last);
    all.push(...parsed.dataSets);
    last = all[all.length - 1];
    if (parsed.end) return { dataSets: all, end: true };
  }
  return { dataSets: all, end: false };
}
