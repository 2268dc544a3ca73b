/**
 * Edit of a rejected item (issue 7): the user fixes the readings of a MeterReadings message the
 * enterprise refused, with a reason. Each new value goes through the register's checks (dials,
 * decimals) like any reading; the correction is stored as a new reading linked to the original
 * (ReadingQuality 2.7.0 "edited", as a supervisor's correction), and a NEW message with all the
 * visit's readings is queued. The refused message stays recorded as rejected, pointing to the new
 * one, and no longer holds back its usage point (the new message goes after whatever was queued
 * for that usage point meanwhile; it keeps the reading's original time). One transaction, with an
 * audit row.
 */
import { AppError } from '../../../shared/contract/result';
import { outboxKinds, parseOutboxPayload, type OutboxNoun } from '../../../shared/cim/outbox/kinds';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { canonicalDecimal, checkRegisterValue, describeValueProblem } from '../../../shared/domain/registerValue';
import { enqueueMeterReadings } from '../readings/outbound';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export interface RejectedEdit {
  readonly messageId: string;
  readonly values: readonly { readonly readingType: string; readonly value: string }[];
  readonly reason: string;
}

export function editRejected(store: Store, actor: Actor, edit: RejectedEdit): { messageId: string } {
  const entry = store.outbox.get(edit.messageId);
  if (!entry || entry.status !== 'rejected' || entry.supersededBy)
    throw new AppError('NOT_FOUND', `Message ${edit.messageId} is not a rejected item any more. Refresh the list.`, {
      reason: 'rejectedGone',
    });
  if (entry.kind !== 'meterReadings')
    throw new AppError(
      'VALIDATION',
      `A rejected ${entry.noun} message cannot be edited here; use Retry once the office has fixed its side.`,
      { reason: 'rejectedNotEditable' },
    );
  const payload = outboxKinds.meterReadings.payload.parse(entry.payload);
  const meter = store.meters.get(payload.usagePoint);
  if (!meter)
    throw new AppError('NOT_FOUND', `Usage point ${payload.usagePoint} is no longer on this device.`, { reason: 'usagePointUnknown' });

  const changes = new Map<string, string>();
  for (const { readingType, value } of edit.values) {
    const reading = payload.readings.find((r) => r.readingType === readingType);
    const register = meter.registers.find((r) => r.readingType === readingType);
    if (!reading || !register)
      throw new AppError('VALIDATION', `The rejected message has no reading of ${readingType}.`, { reason: 'rejectedNoReading' });
    if (reading.value === null)
      throw new AppError(
        'VALIDATION',
        `${register.label} was not read (the visit was skipped); there is no value to fix. Read the meter again instead.`,
        { reason: 'skippedNotEditable' },
      );
    const problem = checkRegisterValue(value, register);
    if (problem)
      throw new AppError('VALIDATION', `${register.label}: ${value} ${describeValueProblem(problem)}.`, {
        reason: 'valueDoesNotFit',
        problem,
      });
    const canonical = canonicalDecimal(value)!;
    if (canonical !== reading.value) changes.set(readingType, canonical);
  }
  if (changes.size === 0)
    throw new AppError('VALIDATION', 'No value was changed; type the corrected value, or use Retry to send it as it is.', {
      reason: 'valueUnchanged',
    });

  return store.mutate(actor, (change) => {
    const readings = payload.readings.map((r) => {
      const value = changes.get(r.readingType);
      if (value === undefined) return r;
      const originalId = store.review.currentReadingAt(payload.usagePoint, r.readingType, r.timeStamp);
      const original = originalId === null ? undefined : store.review.reading(originalId);
      const qualities = [...new Set([...r.qualities, readingQuality.edited])];
      if (original) {
        store.review.insertEdited(original, value, qualities);
        const register = meter.registers.find((g) => g.readingType === r.readingType)!;
        if (register.lastReadAt === r.timeStamp) store.meters.setLastValue(register.id, value, r.timeStamp);
      }
      return { ...r, value, qualities, comment: edit.reason };
    });
    const messageId = enqueueMeterReadings(store, { ...payload, readings }, entry.correlationId ?? undefined);
    if (!store.outbox.supersede(entry.messageId, messageId))
      throw new AppError('VALIDATION', `Message ${entry.messageId} changed meanwhile; look again.`, { reason: 'messageChanged' });
    change.audit({
      action: 'sync.rejected.edit',
      entity: 'outbox',
      entityId: entry.messageId,
      details: {
        replacedBy: messageId,
        reason: edit.reason,
        changes: [...changes].map(([readingType, after]) => ({
          readingType,
          before: payload.readings.find((r) => r.readingType === readingType)?.value ?? null,
          after,
        })),
      },
    });
    return { messageId };
  });
}

/** The readings of a rejected MeterReadings message with their register labels, for the Edit form. */
export function editableReadings(
  store: Store,
  noun: OutboxNoun,
  payload: unknown,
): { readingType: string; label: string; value: string | null }[] | undefined {
  if (noun !== 'MeterReadings') return undefined;
  const parsed = parseOutboxPayload('meterReadings', payload);
  if (!parsed.success) return undefined;
  const registers = store.meters.get(parsed.data.usagePoint)?.registers ?? [];
  return parsed.data.readings.map((r) => ({
    readingType: r.readingType,
    label: registers.find((g) => g.readingType === r.readingType)?.label ?? r.readingType,
    value: r.value,
  }));
}
