/**
 * A supervisor's decision on one visit in the review queue (issue 10): approve, return with a
 * comment, or correct one reading with a reason. Each is ONE transaction: the decision row, the
 * audit row with before/after, and for a correction the new reading (ReadingQuality 2.7.0
 * "edited", linked to the untouched original) plus a corrected MeterReadings message.
 */
import { AppError } from '../../../shared/contract/result';
import type { ReviewItem } from '../../../shared/contract/supervisorEntities';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { enqueueMeterReadings } from '../readings/outbound';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { requireSupervisor } from './roles';
import { checkRegisterValue, describeValueProblem } from '../../../shared/domain/registerValue';

type Kind = ReviewItem['kind'];

function mustGet(store: Store, kind: Kind, id: string): ReviewItem {
  const item = store.review.get(kind, id);
  if (!item)
    throw new AppError(
      'NOT_FOUND',
      `There is no ${kind === 'skip' ? 'skipped visit' : 'visit'} ${id} in the review queue. Refresh the list.`,
      { reason: 'reviewItemUnknown' },
    );
  return item;
}

export function approve(store: Store, actor: Actor, kind: Kind, id: string): ReviewItem {
  requireSupervisor(actor, 'approve a visit');
  const before = mustGet(store, kind, id);
  store.mutate(actor, (change) => {
    store.review.decide(kind, id, 'approved', '', actor);
    change.audit({
      action: 'review.approve',
      entity: kind,
      entityId: id,
      details: { before: before.status, after: 'approved' },
    });
  });
  return mustGet(store, kind, id);
}

export function returnToTechnician(store: Store, actor: Actor, kind: Kind, id: string, comment: string): ReviewItem {
  requireSupervisor(actor, 'return a visit');
  const before = mustGet(store, kind, id);
  store.mutate(actor, (change) => {
    store.review.decide(kind, id, 'returned', comment, actor);
    change.audit({
      action: 'review.return',
      entity: kind,
      entityId: id,
      details: { before: before.status, after: 'returned', comment },
    });
  });
  return mustGet(store, kind, id);
}

export function editReading(store: Store, actor: Actor, readingId: number, value: string, reason: string): ReviewItem {
  requireSupervisor(actor, 'correct a reading');
  const original = store.review.reading(readingId);
  if (!original)
    throw new AppError('NOT_FOUND', `Reading ${readingId} does not exist on this device. Refresh the review list.`, {
      reason: 'readingUnknown',
    });
  if (original.value === value)
    throw new AppError('VALIDATION', `The reading already is ${value}; type the corrected value.`, { reason: 'valueUnchanged' });
  // A correction is a reading: it must fit the register's dials and decimals like any other (issue 18).
  const register = store.meters.get(original.usagePointId)?.registers.find((r) => r.id === original.registerId);
  const problem = register ? checkRegisterValue(value, register) : null;
  if (problem)
    throw new AppError('VALIDATION', `${value} ${describeValueProblem(problem)} for register ${register!.label}.`, {
      reason: 'valueDoesNotFit',
      problem,
    });
  const qualities = [...new Set([...(JSON.parse(original.qualities) as string[]), readingQuality.edited])];
  store.mutate(actor, (change) => {
    const newId = store.review.insertEdited(original, value, qualities);
    // The correction of the register's latest reading is what the next visit is checked against (issue 17).
    store.meters.correctLastValue(original.registerId, original.readAt, value);
    store.review.decide('reading_set', original.readingSetId, 'edited', reason, actor);
    change.audit({
      action: 'review.edit',
      entity: 'reading',
      entityId: String(readingId),
      details: { readingSetId: original.readingSetId, before: original.value, after: value, correctedReadingId: newId, reason },
    });
    // 61968-9: the corrected value goes out as a new MeterReadings with quality 2.7.0 and the reason.
    enqueueMeterReadings(store, {
      meter: original.meterSerial,
      usagePoint: original.usagePointId,
      readings: [{ readingType: original.readingType, value, timeStamp: original.readAt, qualities, comment: reason }],
    });
  });
  return mustGet(store, 'reading_set', original.readingSetId);
}
