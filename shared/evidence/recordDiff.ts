/**
 * What differs between the visit a receipt carries and the visit the database holds now (issue 24
 * §3): the office is told which part changed — a reading's value, the signature, a seal, the
 * technician — not only that the codes differ. Pure, over two VisitRecords.
 */
import type { VisitReading, VisitRecord } from './visit';

/** The parts of a visit a receipt states, in the order a person reads the receipt. */
export type VisitPart =
  | 'visit'
  | 'work'
  | 'usagePoint'
  | 'address'
  | 'position'
  | 'technician'
  | 'time'
  | 'meter'
  | 'newMeter'
  | 'reading'
  | 'sealsRemoved'
  | 'sealsApplied'
  | 'photos'
  | 'control'
  | 'note'
  | 'signature';

export interface VisitDifference {
  readonly part: VisitPart;
  /** Which one of several (a reading: its meter, register and purpose); empty for a single value. */
  readonly which: string;
  /** As the receipt states it; null when the receipt has no such part. */
  readonly receipt: string | null;
  /** As the database holds it now; null when the database has no such part. */
  readonly database: string | null;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
const list = (v: readonly string[]): string => v.join(', ');
const readingKey = (r: VisitReading) => `${r.meterSerial} ${r.label || r.readingType} (${r.purpose})`;
const readingValue = (r: VisitReading) => `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
const signatureText = (s: VisitRecord['signature']) =>
  s
    ? `${s.status}${s.signerName ? ` by ${s.signerName}` : ''} at ${s.signedAt}${s.imageSha256 ? `, image ${s.imageSha256.slice(0, 12)}…` : ''}`
    : null;

export function visitDifferences(receipt: VisitRecord, database: VisitRecord): VisitDifference[] {
  const out: VisitDifference[] = [];
  const single = (part: VisitPart, a: string | null, b: string | null) => {
    if (a !== b) out.push({ part, which: '', receipt: a, database: b });
  };
  single('visit', `${receipt.visit.kind} ${receipt.visit.id}`, `${database.visit.kind} ${database.visit.id}`);
  single('work', receipt.work, database.work);
  single('usagePoint', receipt.usagePointId, database.usagePointId);
  single('address', receipt.address, database.address);
  single('position', text(receipt.position), text(database.position));
  single('technician', receipt.technician, database.technician);
  single('time', receipt.at, database.at);
  single('meter', receipt.meterSerial, database.meterSerial);
  single('newMeter', receipt.newMeterSerial, database.newMeterSerial);
  // Readings by meter, register and purpose: a changed value, one the database lost, one it gained.
  const stored = new Map(database.readings.map((r) => [readingKey(r), r]));
  for (const r of receipt.readings) {
    const now = stored.get(readingKey(r));
    stored.delete(readingKey(r));
    const a = readingValue(r);
    const b = now ? readingValue(now) : null;
    if (a !== b || now?.readingType !== r.readingType) out.push({ part: 'reading', which: readingKey(r), receipt: a, database: b });
  }
  for (const [key, r] of stored) out.push({ part: 'reading', which: key, receipt: null, database: readingValue(r) });
  single('sealsRemoved', list(receipt.sealsRemoved), list(database.sealsRemoved));
  single('sealsApplied', list(receipt.sealsApplied), list(database.sealsApplied));
  single('photos', list(receipt.photos), list(database.photos));
  single('control', text(receipt.control), text(database.control));
  single('note', receipt.note, database.note);
  single('signature', signatureText(receipt.signature), signatureText(database.signature));
  return out;
}

/** The receipt's words for each part (the CLI speaks English, as its other messages do). */
const partWords: Readonly<Record<VisitPart, string>> = {
  visit: 'the visit',
  work: 'the work done',
  usagePoint: 'the usage point',
  address: 'the address',
  position: 'the recorded position',
  technician: 'the technician',
  time: 'the time of the visit',
  meter: 'the meter serial',
  newMeter: 'the new meter serial',
  reading: 'the reading',
  sealsRemoved: 'the seals removed',
  sealsApplied: 'the seals applied',
  photos: 'the photos',
  control: 'what was switched',
  note: 'the note',
  signature: 'the signature',
};

/** One line per difference: "the reading E3100005 Energy (switch): the receipt says 1234 kWh, the database now 1240 kWh". */
export function describeDifference(d: VisitDifference): string {
  const what = d.which ? `${partWords[d.part]} ${d.which}` : partWords[d.part];
  const said = (v: string | null) => (v === null ? 'nothing' : v === '' ? '(empty)' : v);
  return `${what}: the receipt says ${said(d.receipt)}, the database now ${said(d.database)}`;
}
