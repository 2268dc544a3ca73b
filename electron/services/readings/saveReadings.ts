/**
 * Saves one visit's manual readings: a reading set with one timestamp (coincident readings),
 * the registers' last values, an audit row and the MeterReadings message for the enterprise,
 * all in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Reading } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import { canonicalDecimal, checkRegisterValue, describeValueProblem } from '../../../shared/domain/registerValue';
import { readingQuality } from '../../../shared/cim/readingQuality';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export interface SaveReadingsRequest {
  usagePointId: string;
  values: readonly { registerId: number; value: string }[];
}

export function saveManualReadings(store: Store, actor: Actor, request: SaveReadingsRequest, now = new Date()) {
  const meter = store.meters.get(request.usagePointId);
  if (!meter) throw new AppError('NOT_FOUND', `Usage point ${request.usagePointId} is not on any route on this device.`);
  const seen = new Set<number>();
  const values = request.values.map(({ registerId, value }) => {
    const register = meter.registers.find((r) => r.id === registerId);
    if (!register) throw new AppError('VALIDATION', `Register ${registerId} does not belong to meter ${meter.meterSerial}.`);
    if (seen.has(registerId)) throw new AppError('VALIDATION', `Register ${register.label} was given twice.`);
    seen.add(registerId);
    const canonical = canonicalDecimal(value);
    const problem = canonical === null ? { kind: 'notANumber' as const } : checkRegisterValue(canonical, register);
    if (problem || canonical === null) {
      throw new AppError('VALIDATION', `${register.label}: ${value} ${describeValueProblem(problem ?? { kind: 'notANumber' })}.`, {
        registerId,
      });
    }
    return { registerId, value: canonical, qualities: [readingQuality.manuallyEntered], register };
  });

  const readAt = now.toISOString();
  const readingSetId = randomUUID();
  const readings: Reading[] = store.transaction(() => {
    const saved = store.readings.insertSet({
      id: readingSetId,
      usagePointId: meter.usagePointId,
      endDeviceId: meter.deviceId,
      readAt,
      source: 'manual',
      values,
    });
    for (const v of values) store.meters.setLastValue(v.registerId, v.value, readAt);
    store.journal.audit(actor, {
      action: 'readings.save',
      entity: 'reading_set',
      entityId: readingSetId,
      details: { usagePointId: meter.usagePointId, meter: meter.meterSerial, registers: values.length },
    });
    store.journal.enqueue({
      noun: 'MeterReadings',
      verb: 'created',
      usagePointId: meter.usagePointId,
      payload: {
        meter: meter.meterSerial,
        usagePoint: meter.usagePointId,
        readings: values.map((v) => ({ readingType: v.register.readingType, value: v.value, timeStamp: readAt, qualities: v.qualities })),
      },
    });
    return saved;
  });
  return { readingSetId, readAt, readings };
}
