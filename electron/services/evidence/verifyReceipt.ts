/**
 * `fieldmeter receipt verify` (issue 24 §3): reads the canonical visit data and the code a receipt
 * carries in its document information (receiptPdf.ts), takes the SHA-256 again and says whether the
 * receipt is intact (its code is that of its data) and, given the database, whether the visit
 * stored there still has the same data.
 */
import { readFileSync } from 'node:fs';
import type { VisitRecord } from '../../../shared/evidence/visit';
import { groupedCode } from '../../../shared/evidence/canonicalJson';
import { visitDifferences, type VisitDifference } from '../../../shared/evidence/recordDiff';
import type { Store } from '../store';
import { RECEIPT_INFO_KEYS } from './receiptPdf';
import { sealRecord, visitRecord } from './visitRecord';

export interface ReceiptCheck {
  /** The code and data the file carries agree (and the data is a visit record). */
  readonly intact: boolean;
  /** The code printed and embedded, grouped; null when the file carries none. */
  readonly code: string | null;
  /** The code taken again from the embedded data. */
  readonly computedCode: string | null;
  readonly visit: VisitRecord['visit'] | null;
  /** Given a database: does the visit stored there give the same data? Null without one, or when not intact. */
  readonly matchesDatabase: boolean | null;
  readonly databaseCode: string | null;
  /** When the stored visit changed: each part that differs, as the receipt states it and as the database holds it now. */
  readonly differences: readonly VisitDifference[];
  readonly problem: 'noReceiptData' | 'badData' | 'codeMismatch' | 'visitNotInDatabase' | 'visitChanged' | null;
}

/** A value of the information dictionary: an indirect object holding a literal string, or the string in place. */
function infoString(pdf: string, key: string): string | null {
  const ref = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(pdf);
  if (ref) {
    const object = new RegExp(`(?:^|[\\r\\n])${ref[1]}\\s+0\\s+obj\\s*\\(([A-Za-z0-9+/=]*)\\)\\s*endobj`).exec(pdf);
    return object?.[1] ?? null;
  }
  return new RegExp(`/${key}\\s*\\(([A-Za-z0-9+/=]*)\\)`).exec(pdf)?.[1] ?? null;
}

export function checkReceipt(file: string, store?: Store): ReceiptCheck {
  const pdf = readFileSync(file).toString('latin1');
  const code = infoString(pdf, RECEIPT_INFO_KEYS.code);
  const data = infoString(pdf, RECEIPT_INFO_KEYS.data);
  const none = { computedCode: null, visit: null, matchesDatabase: null, databaseCode: null, differences: [] };
  if (!code || !data) return { intact: false, code: code && groupedCode(code), ...none, problem: 'noReceiptData' };
  let record: VisitRecord;
  try {
    record = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as VisitRecord;
    if (record.format !== 'fieldmeter-visit-receipt/1' || !record.visit) throw new Error('not a visit record');
  } catch {
    return { intact: false, code: groupedCode(code), ...none, problem: 'badData' };
  }
  const sealed = sealRecord(record);
  const intact = sealed.code === code;
  const base = { code: groupedCode(code), computedCode: groupedCode(sealed.code), visit: record.visit, differences: [] };
  if (!intact) return { intact, ...base, matchesDatabase: null, databaseCode: null, problem: 'codeMismatch' };
  if (!store) return { intact, ...base, matchesDatabase: null, databaseCode: null, problem: null };
  let now: VisitRecord;
  try {
    now = visitRecord(store, record.visit);
  } catch {
    return { intact, ...base, matchesDatabase: false, databaseCode: null, problem: 'visitNotInDatabase' };
  }
  const stored = sealRecord(now).code;
  if (stored === code) return { intact, ...base, matchesDatabase: true, databaseCode: groupedCode(stored), problem: null };
  return {
    intact,
    ...base,
    matchesDatabase: false,
    databaseCode: groupedCode(stored),
    differences: visitDifferences(record, now),
    problem: 'visitChanged',
  };
}
