/**
 * The application layer's data records (EN 13757-3:2018 §6): DIF and up to ten DIFEs (storage
 * number, tariff, subunit, function), VIF and up to ten VIFEs, then the data. Idle filler 0x2F
 * is skipped (§6.3.2); DIF 0x0F/0x1F starts manufacturer-specific data that runs to the end and
 * is kept raw, as are records with a manufacturer-specific VIF (0x7F/0xFF).
 */
import {
  codingLength,
  dateG,
  dateTimeF,
  dateTimeI,
  float32Text,
  integerOf,
  isBcd,
  lvarField,
  rawHex,
  scaledText,
  shiftDecimal,
} from './dataField';
import { uintLE } from './bytes';
import { fail } from './reasons';
import { extensionFb, extensionFd, primaryVif, vifeExponent, type ValueInfo } from './vif';

export const recordFunctions = ['instantaneous', 'maximum', 'minimum', 'error'] as const;
export type RecordFunction = (typeof recordFunctions)[number];

export interface DataRecord {
  /** Exact decimal text in `unit`, text for a plain-text record, hex for manufacturer data; null for a date or an unreadable value. */
  readonly value: string | null;
  readonly unit: string | null;
  readonly storage: number;
  readonly tariff: number;
  readonly subunit: number;
  readonly function: RecordFunction;
  readonly quantity: string;
  /** ISO date ("2024-12-31") or local date-time ("2024-12-31T23:50") of a time-point record. */
  readonly date: string | null;
  /** A manufacturer-specific record's VIF and VIFEs as sent (hex, "FF20"): what it holds is the manufacturer's to say. */
  readonly manufacturerVif?: string;
}

export interface ApplicationData {
  readonly records: readonly DataRecord[];
  /** Bytes after DIF 0x0F/0x1F, as hex; null when there were none. */
  readonly manufacturerData: string | null;
  /** DIF 0x1F: the meter has more records in its next telegram. */
  readonly moreFollows: boolean;
}

/** EN 13757-3 §6.3.1/§6.4.1: at most ten DIFEs and ten VIFEs. */
const MAX_EXTENSIONS = 10;

interface Vib {
  info: ValueInfo;
  at: number;
  manufacturer: boolean;
  /** The VIF and VIFE bytes, for a manufacturer-specific record. */
  bytes: string | null;
}

function readVib(b: Uint8Array, at: number, end: number): Vib {
  if (at >= end) fail('mbus.truncated', 'record without VIF');
  const start = at;
  const vif = b[at++] ?? 0;
  let info: ValueInfo;
  let manufacturer = false;
  let more = (vif & 0x80) !== 0;
  let exponentShift = 0;
  if (vif === 0xfb || vif === 0xfd) {
    if (at >= end) fail('mbus.vifChain', 'extension table without its VIFE');
    const code = b[at++] ?? 0;
    info = vif === 0xfb ? extensionFb(code & 0x7f) : extensionFd(code & 0x7f);
    more = (code & 0x80) !== 0;
  } else if ((vif & 0x7f) === 0x7f) {
    info = { quantity: 'manufacturerSpecific', unit: null, exponent: 0, kind: 'raw' };
    manufacturer = true;
  } else if ((vif & 0x7f) === 0x7c) {
    info = { quantity: 'plainTextUnit', unit: null, exponent: 0, kind: 'number' };
  } else {
    info = primaryVif(vif & 0x7f);
  }
  let count = 0;
  while (more) {
    if (count >= MAX_EXTENSIONS || at >= end) fail('mbus.vifChain', `VIFE ${count + 1} at byte ${at}`);
    const vife = b[at++] ?? 0;
    count++;
    exponentShift += vifeExponent(vife);
    if ((vife & 0x7f) === 0x7f) manufacturer = true; // Table 15: what follows is manufacturer specific
    more = (vife & 0x80) !== 0;
  }
  if ((vif & 0x7f) === 0x7c) {
    // Plain-text VIF: the unit follows as length + characters, last character first (§6.4.3).
    const length = b[at] ?? 0;
    if (at + 1 + length > end) fail('mbus.truncated', 'plain-text unit');
    let unit = '';
    for (let i = at + length; i > at; i--) unit += String.fromCharCode(b[i] ?? 0);
    at += 1 + length;
    info = { ...info, unit };
  }
  return {
    info: exponentShift ? { ...info, exponent: info.exponent + exponentShift } : info,
    at,
    manufacturer,
    bytes: manufacturer ? rawHex(b, start, at) : null,
  };
}

function valueOf(b: Uint8Array, at: number, coding: number, length: number, vib: Vib): { value: string | null; date: string | null } {
  const { info } = vib;
  if (vib.manufacturer) return { value: rawHex(b, at, at + length), date: null };
  if (info.kind === 'date' || info.kind === 'dateTime') {
    const date = length === 2 ? dateG(b, at) : length === 4 ? dateTimeF(b, at) : length === 6 ? dateTimeI(b, at) : null;
    return { value: null, date };
  }
  if (coding === 0x5) {
    const text = float32Text(b, at);
    return { value: text === null ? null : shiftDecimal(text, info.exponent), date: null };
  }
  // A bit field's top bit is a flag like the others, not a sign (type D); a BCD field stays as it is.
  const units = info.kind === 'bits' && !isBcd(coding) ? uintLE(b, at, codingLength(coding) ?? 0) : integerOf(b, at, coding);
  return { value: units === null ? null : scaledText(units, info.exponent), date: null };
}

/** Reads every record in b[from, end). */
export function readRecords(b: Uint8Array, from: number, end = b.length): ApplicationData {
  const records: DataRecord[] = [];
  let at = from;
  while (at < end) {
    const dif = b[at] ?? 0;
    if (dif === 0x2f) {
      at++;
      continue;
    }
    if (dif === 0x0f || dif === 0x1f) {
      return { records, manufacturerData: at + 1 < end ? rawHex(b, at + 1, end) : null, moreFollows: dif === 0x1f };
    }
    if ((dif & 0x0f) === 0x0f) fail('mbus.unsupported', `DIF 0x${dif.toString(16)}`);
    at++;
    let storage = (dif >> 6) & 0x01;
    let tariff = 0;
    let subunit = 0;
    let more = (dif & 0x80) !== 0;
    for (let n = 0; more; n++) {
      if (n >= MAX_EXTENSIONS) fail('mbus.vifChain', `DIFE ${n + 1} at byte ${at}`);
      if (at >= end) fail('mbus.truncated', 'DIFE');
      const dife = b[at++] ?? 0;
      storage += (dife & 0x0f) * 2 ** (1 + 4 * n);
      tariff += ((dife >> 4) & 0x03) * 4 ** n;
      subunit += ((dife >> 6) & 0x01) * 2 ** n;
      more = (dife & 0x80) !== 0;
    }
    const vib = readVib(b, at, end);
    at = vib.at;
    const coding = dif & 0x0f;
    let length = codingLength(coding);
    let value: string | null;
    let date: string | null = null;
    if (length === null) {
      const lvar = lvarField(b, at, end);
      at += 1;
      length = lvar.length;
      value = vib.manufacturer
        ? rawHex(b, at, at + length)
        : (lvar.text ?? (lvar.units === undefined || lvar.units === null ? null : scaledText(lvar.units, vib.info.exponent)));
    } else {
      if (at + length > end) fail('mbus.truncated', `record data at byte ${at}`);
      ({ value, date } = length === 0 ? { value: null, date: null } : valueOf(b, at, coding, length, vib));
    }
    at += length;
    records.push({
      value,
      unit: vib.info.unit,
      storage,
      tariff,
      subunit,
      function: recordFunctions[(dif >> 4) & 0x03] ?? 'instantaneous',
      quantity: vib.info.quantity,
      date,
      ...(vib.bytes ? { manufacturerVif: vib.bytes } : {}),
    });
  }
  return { records, manufacturerData: null, moreFollows: false };
}
