/**
 * The last HAN/P1 push saved as the stop's reading: each value matched to this meter's register
 * by ReadingType (the meter's Wh and the route's kWh are the same quantity, shifted exactly: the
 * DLMS read's matchRegister), through the same checks as every reading (serial, history, range,
 * audit: readings/saveReadings.ts). Stored as `source = 'han'` (migration 33): the meter's own
 * customer port, read without the optical probe, so the job record says where it came from; the
 * value is the device's own (ReadingQuality 1.0.0) as any device read.
 */
import { AppError } from '../../../shared/contract/appError';
import type { HanPush } from '../../../shared/dlms/hanPush';
import { matchRegister } from '../optical/dlmsAtUsagePoint';
import { opticalTarget } from '../optical/opticalTarget';
import { saveManualReadings } from '../readings/saveReadings';
import { validationSettings } from '../readings/validationSettings';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export interface HanSaveRequest {
  readonly usagePointId: string;
  readonly note?: string | undefined;
  readonly confirmReason?: string | undefined;
}

export function saveHanReading(
  store: Store,
  actor: Actor,
  heard: { push: Extract<HanPush, { kind: 'values' }>; byStopKey: boolean } | null,
  request: HanSaveRequest,
  photoDir: string,
): { readingSetId: string; saved: number } {
  if (!heard) throw new AppError('VALIDATION', 'No push with values has been heard: nothing was saved.', { reason: 'han.nothingHeard' });
  const target = opticalTarget(store, request.usagePointId);
  const values = heard.push.objects.flatMap((o) => {
    const m = o.obis ? matchRegister(target, { obis: o.obis, classId: o.classId ?? 3, value: o.value, unit: o.unit, scaler: 0 }) : null;
    return m ? [m] : [];
  });
  if (values.length === 0)
    throw new AppError('VALIDATION', `The meter pushed no value for a register of ${request.usagePointId}: nothing was saved.`, {
      reason: 'readoutEmpty',
    });
  // The serial the push gives; else the stop's when its own key opened the push (only that meter holds it).
  const observedSerial = heard.push.meterSerial ?? (heard.byStopKey ? target.meterSerial : '(not given by the meter)');
  const confirmation = request.confirmReason ? { method: 'reason' as const, reason: request.confirmReason } : undefined;
  const result = saveManualReadings(
    store,
    actor,
    {
      usagePointId: request.usagePointId,
      source: 'han',
      via: 'han',
      observedSerial,
      values: values.map((v) => ({ ...v, confirmation, ...(heard.push.sentAt ? { capturedAt: heard.push.sentAt } : {}) })),
      ...(request.note ? { note: request.note } : {}),
    },
    { settings: validationSettings(store), photoDir },
  );
  return { readingSetId: result.readingSetId, saved: values.length };
}
