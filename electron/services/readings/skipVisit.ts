/**
 * A visit without a reading: the trouble code, a note, photos and position, the stop marked
 * skipped — and for the enterprise a MeterReadings message whose readings carry no value but
 * the ReadingQuality "known missing read" with the reason, plus an EndDeviceEvent when the
 * reason is one the device reports (tamper), with the device type of the meter's commodity.
 * One transaction.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { skipCode, type Position, type SkipCode } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import { defaultSkipCodes } from '../../../shared/domain/skipCodes';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { endDeviceTypeOfReadingTypes, withEndDeviceType } from '../../../shared/cim/codes/endDeviceCodes';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { enqueueMeterReadings } from './outbound';
import { linkPhotos } from './photos';

export const SKIP_CODES_SETTING = 'skipCodes';

/** The utility's list when one is set and valid, else the defaults. */
export const skipCodes = (store: Store): readonly SkipCode[] =>
  store.settings.getJson<readonly SkipCode[]>(SKIP_CODES_SETTING, z.array(skipCode).min(1), defaultSkipCodes);

export interface SkipRequest {
  usagePointId: string;
  code: string;
  note: string;
  photoIds: readonly string[];
  position?: Position | undefined;
}

export function skipVisit(store: Store, actor: Actor, request: SkipRequest, now = new Date()) {
  const meter = store.meters.get(request.usagePointId);
  if (!meter)
    throw new AppError('NOT_FOUND', `Usage point ${request.usagePointId} is not on any route on this device.`, {
      reason: 'usagePointUnknown',
    });
  const code = skipCodes(store).find((c) => c.code === request.code);
  if (!code)
    throw new AppError('VALIDATION', `"${request.code}" is not a skip reason on this device. Pick one from the list.`, {
      reason: 'skipReasonUnknown',
    });
  const skipId = randomUUID();
  const skippedAt = now.toISOString();
  const note = request.note.trim();
  const comment = note ? `${code.label}: ${note}` : code.label;
  store.mutate(actor, (change) => {
    store.skips.insert({
      id: skipId,
      usagePointId: meter.usagePointId,
      endDeviceId: meter.deviceId,
      code: code.code,
      note,
      skippedAt,
      position: request.position ?? null,
    });
    linkPhotos(store, request.photoIds, { usagePointId: meter.usagePointId, skipId });
    store.routes.markVisited(meter.usagePointId, 'skipped', skippedAt);
    change.audit({
      action: 'visits.skip',
      entity: 'visit_skip',
      entityId: skipId,
      details: { usagePointId: meter.usagePointId, code: code.code },
    });
    enqueueMeterReadings(store, {
      meter: meter.meterSerial,
      usagePoint: meter.usagePointId,
      readings: meter.registers.map((r) => ({
        readingType: r.readingType,
        value: null,
        timeStamp: skippedAt,
        qualities: [readingQuality.knownMissingRead],
        comment,
      })),
    });
    if (code.endDeviceEventType) {
      // EndDeviceType from the registers' commodity (61968-9: 3 electric, 4 gas, 24 water), not always 3.
      const eventType = withEndDeviceType(code.endDeviceEventType, endDeviceTypeOfReadingTypes(meter.registers.map((r) => r.readingType)));
      store.journal.enqueue(
        'skipEvent',
        { meter: meter.meterSerial, usagePoint: meter.usagePointId, eventType, createdDateTime: skippedAt, reason: comment },
        { usagePointId: meter.usagePointId },
      );
    }
  });
  return { skipId, skippedAt };
}
