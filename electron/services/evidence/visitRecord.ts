/**
 * The canonical data of a finished visit (shared/evidence/visit.ts VisitRecord), read from the
 * store the same way whenever it is asked: for a new receipt, and again by `fieldmeter receipt
 * verify --db` to tell whether a receipt still matches what the database holds.
 */
import { createHash } from 'node:crypto';
import { describeReadingType } from '../../../shared/cim/readingType';
import { AppError } from '../../../shared/contract/result';
import { canonicalJson, receiptCode } from '../../../shared/evidence/canonicalJson';
import type { VisitReading, VisitRecord, VisitRef, VisitWork } from '../../../shared/evidence/visit';
import type { Store } from '../store';
import type { SetReading } from '../store/repositories/visitFacts';

const readingOf = (r: SetReading, purpose: VisitReading['purpose']): VisitReading => ({
  meterSerial: r.meterSerial,
  readingType: r.readingType,
  label: r.label,
  value: r.value,
  unit: describeReadingType(r.readingType)?.unit ?? '',
  purpose,
});

function signatureOf(store: Store, ref: VisitRef): VisitRecord['signature'] {
  const s = store.evidence.signature(ref);
  return s
    ? { status: s.status, signerName: s.signerName, signerRole: s.signerRole, signedAt: s.signedAt, imageSha256: s.imageSha256 }
    : null;
}

function switchRecord(store: Store, ref: VisitRef): VisitRecord {
  const o = store.visitFacts.switchVisit(ref.id);
  if (!o?.finishedAt)
    throw new AppError('NOT_FOUND', `Switch order ${ref.id} has no finished visit on this device.`, { reason: 'visitUnknown' });
  const rows = o.readingSetId ? store.visitFacts.setReadings(o.readingSetId) : [];
  const first = rows[0];
  return {
    format: 'fieldmeter-visit-receipt/1',
    visit: { kind: ref.kind, id: ref.id },
    work: o.kind as VisitWork,
    usagePointId: o.usagePointId,
    address: o.address,
    position:
      first && first.latitude !== null && first.longitude !== null ? { latitude: first.latitude, longitude: first.longitude } : null,
    technician: o.technician ?? '',
    at: first?.readAt ?? o.finishedAt,
    meterSerial: o.meterSerial,
    newMeterSerial: null,
    readings: rows.map((r) => readingOf(r, 'switch')),
    sealsRemoved: [],
    sealsApplied: o.sealNumber ? [o.sealNumber] : [],
    photos: o.readingSetId ? store.visitFacts.photosOf(o.readingSetId) : [],
    control: o.outcome ? { outcome: o.outcome, action: o.action, result: o.controlResult } : null,
    note: o.note,
    signature: signatureOf(store, ref),
  };
}

/** The receipt's words for a meter job (work order kinds, shared/domain/workOrder.ts). */
const meterJobWork: Readonly<Record<string, VisitWork>> = { exchange: 'exchange', install: 'install', remove: 'removal' };

/** An exchange, an install or a removal: the meters out and in, their final and initial readings, seals, photos. */
function meterJobRecord(store: Store, ref: VisitRef): VisitRecord {
  const o = store.visitFacts.workVisit(ref.id);
  const work = o ? meterJobWork[o.kind] : undefined;
  if (!o?.at || !work)
    throw new AppError('NOT_FOUND', `Work order ${ref.id} has no finished meter exchange, install or removal on this device.`, {
      reason: 'visitUnknown',
    });
  const sets = store.visitFacts.readingSetsAt(o.usagePointId, o.at).map((id) => ({ id, rows: store.visitFacts.setReadings(id) }));
  const of = (serial: string | undefined) => sets.filter((s) => s.rows[0]?.meterSerial === serial);
  const finals = of(o.details.oldMeter);
  const initials = of(o.details.newMeter);
  return {
    format: 'fieldmeter-visit-receipt/1',
    visit: { kind: ref.kind, id: ref.id },
    work,
    usagePointId: o.usagePointId,
    address: o.address,
    position: null, // a work order's reading sets record no position (workOrders/meterSteps.ts)
    technician: o.technician ?? '',
    at: o.at,
    // An install finds no meter: the one put in is the receipt's meter.
    meterSerial: (work === 'install' ? o.details.newMeter : o.details.oldMeter) ?? '',
    newMeterSerial: work === 'exchange' ? (o.details.newMeter ?? null) : null,
    readings: [
      ...finals.flatMap((s) => s.rows.map((r) => readingOf(r, 'final'))),
      ...initials.flatMap((s) => s.rows.map((r) => readingOf(r, 'initial'))),
    ],
    sealsRemoved: o.details.sealsRemoved ?? [],
    sealsApplied: o.details.sealsApplied ?? [],
    photos: [...finals, ...initials].flatMap((s) => store.visitFacts.photosOf(s.id)),
    control: null,
    note: sets[0]?.rows[0]?.note ?? '',
    signature: signatureOf(store, ref),
  };
}

export function visitRecord(store: Store, ref: VisitRef): VisitRecord {
  return ref.kind === 'switchOrder' ? switchRecord(store, ref) : meterJobRecord(store, ref);
}

/** The SHA-256 (hex) of the record's canonical JSON and the short code taken from it. */
export function sealRecord(record: unknown): { canonical: string; sha256: string; code: string } {
  const canonical = canonicalJson(record);
  const digest = createHash('sha256').update(canonical, 'utf8').digest();
  return { canonical, sha256: digest.toString('hex'), code: receiptCode(digest) };
}
