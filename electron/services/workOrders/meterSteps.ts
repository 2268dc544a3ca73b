/**
 * The two halves every meter job is made of (issue 8): taking a meter out of a usage point (final
 * reading of every register, seals removed, photos, asset → removed, link closed) and putting one
 * in from stock (link opened, initial reading, seals applied, photos). Each half writes its data
 * and queues its messages — MeterReadings, MasterDataLinkageConfig (close / create), MeterConfig —
 * inside the caller's transaction. The readings carry the IEC 61968-9 ReadingReasonKind
 * `removal` (final) and `installation` (initial), not only a comment (issue 20 §1); install, removal and exchange are compositions of them.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { meterIn, meterOut } from '../../../shared/contract/methods/workOrders';
import { AppError } from '../../../shared/contract/result';
import { serialMatches } from '../../../shared/domain/readingValidation';
import { checkValue, qualitiesOf, requireConfirmations, type CheckedValue } from '../readings/checkValue';
import { validationSettings } from '../readings/validationSettings';
import { enqueueMeterReadings } from '../readings/outbound';
import { linkPhotos } from '../readings/photos';
import type { Store } from '../store';
import type { DeviceRow, WorkOrderRow } from '../store/repositories/workOrders';

export type MeterOut = z.output<typeof meterOut>;
export type MeterIn = z.output<typeof meterIn>;
type Values = MeterIn['initialReadings'];

/**
 * One coincident reading set of every register of the meter (a register left out is refused). Each
 * value gets the checks of a route read (issue 17 §3) — dials and decimals, use against the
 * history, lower than last → rollover or confirmation — through the same functions
 * (readings/checkValue.ts); an out-of-range value without its confirmation is NEEDS_CONFIRMATION.
 */
function readingSet(
  store: Store,
  deviceId: number,
  usagePointId: string,
  values: Values,
  at: string,
  note: string,
  observedSerial: string | null,
  source: 'manual' | 'optical' = 'manual',
) {
  const registers = store.workOrders.registersOf(deviceId);
  const ids = registers.map((r) => r.id);
  for (const v of values) {
    if (!ids.includes(v.registerId))
      throw new AppError('VALIDATION', `Register ${v.registerId} does not belong to this meter. Reload the work order.`, {
        reason: 'registerNotOfMeter',
      });
  }
  const missing = registers.filter((r) => !values.some((v) => v.registerId === r.id));
  if (missing.length > 0)
    throw new AppError('VALIDATION', `Read every register of the meter: ${missing.map((r) => r.label).join(', ')} has no value.`, {
      reason: 'registersMissing',
      registers: missing.map((r) => r.id),
    });
  const settings = validationSettings(store);
  const checked = registers.map((r) => {
    const given = values.find((v) => v.registerId === r.id);
    return checkValue(r, given?.value ?? '', given?.confirmation, at, settings);
  });
  requireConfirmations(checked, (id) => registers.find((r) => r.id === id)?.label ?? String(id));
  const id = randomUUID();
  const readings = store.readings.insertSet({
    id,
    usagePointId,
    endDeviceId: deviceId,
    readAt: at,
    source,
    note,
    observedSerial,
    position: null,
    values: checked.map((c) => ({ ...c, qualities: qualitiesOf(c, source) })),
  });
  for (const r of readings) store.meters.setLastValue(r.registerId, r.value, at);
  return { id, readings, checked };
}

/** The confirmation's reason as the ReadingQuality comment, after what the reading is. */
const commentOf = (what: string, c: CheckedValue | undefined) =>
  c?.confirmation?.method === 'reason' ? `${what} — ${c.confirmation.reason}` : what;

/** The installed meter of the order's usage point, checked against the serial read on site. */
export function requireMeterOnSite(store: Store, order: WorkOrderRow, observedSerial: string): DeviceRow {
  const up = order.usagePointId;
  const old = store.workOrders.meterAt(up);
  if (!old)
    throw new AppError('VALIDATION', `No meter is installed at ${up} on this device. Report back to the office (unable to complete).`, {
      reason: 'noMeterInstalled',
    });
  requireExpectedSerial(up, old.serialNumber, observedSerial);
  return old;
}

/**
 * The serial read on site (scanned from the plate or typed) against the meter expected at the usage
 * point: one refusal, in the same words, for an exchange, an install, a removal and a switch visit.
 */
export function requireExpectedSerial(usagePointId: string, expected: string, observedSerial: string): void {
  if (!serialMatches(expected, observedSerial)) {
    throw new AppError(
      'VALIDATION',
      `The meter on site (${observedSerial}) is not the one expected at ${usagePointId} (${expected}). Check the serial, or report back (unable to complete).`,
      { reason: 'meterNotExpected', expected },
    );
  }
}

/** Meter/type for MeterConfig: the model of the meter's latest optical read, when there was one (the route does not carry one). */
function meterTypeOf(store: Store, deviceId: number): { meterType?: string } {
  const model = store.meterStatus.history(deviceId).at(-1)?.meterModel;
  return model ? { meterType: model } : {};
}

/** Final readings, seals off, photos, asset removed and the link closed; returns what it queued. */
export function takeOutMeter(store: Store, order: WorkOrderRow, old: DeviceRow, out: MeterOut, at: string, note: string, reason: string) {
  const up = order.usagePointId;
  const final = readingSet(store, old.id, up, out.finalReadings, at, note, out.observedSerial, out.finalSource);
  linkPhotos(store, out.photoIds, { usagePointId: up, readingSetId: final.id });
  const sealsRemoved = [...new Set([...store.workOrders.openSeals(old.id), ...out.sealsRemoved])];
  store.workOrders.removeSeals(old.id, at);
  store.workOrders.removeMeter(old.id, up, out.disposition, at, order.id);
  const messageIds = [
    enqueueMeterReadings(store, {
      meter: old.serialNumber,
      usagePoint: up,
      readings: final.readings.map((r) => ({
        readingType: r.readingType,
        value: r.value,
        timeStamp: at,
        qualities: r.qualities,
        reason: 'removal',
        comment: commentOf(
          'final reading (meter removed)',
          final.checked.find((c) => c.registerId === r.registerId),
        ),
      })),
    }),
    store.journal.enqueue(
      'linkage',
      { meter: old.serialNumber, usagePoint: up, effectiveDateTime: at, reason },
      { verb: 'close', usagePointId: up },
    ),
    store.journal.enqueue(
      'meterConfig',
      {
        meter: old.serialNumber,
        usagePoint: null,
        status: 'removed',
        at,
        disposition: out.disposition,
        sealsRemoved,
        ...meterTypeOf(store, old.id),
      },
      { usagePointId: up },
    ),
  ];
  return { sealsRemoved, messageIds };
}

/** The stock meter in, its initial readings, seals on, photos; returns what it queued. */
export function putInMeter(store: Store, order: WorkOrderRow, fresh: DeviceRow, into: MeterIn, at: string, note: string, reason: string) {
  const up = order.usagePointId;
  store.workOrders.installMeter(fresh.id, up, at, order.id);
  const initial = readingSet(store, fresh.id, up, into.initialReadings, at, note, fresh.serialNumber, into.initialSource);
  linkPhotos(store, into.photoIds, { usagePointId: up, readingSetId: initial.id });
  store.workOrders.applySeals(fresh.id, into.sealsApplied, at, order.id);
  return [
    store.journal.enqueue(
      'linkage',
      { meter: fresh.serialNumber, usagePoint: up, effectiveDateTime: at, reason },
      { verb: 'create', usagePointId: up },
    ),
    store.journal.enqueue(
      'meterConfig',
      {
        meter: fresh.serialNumber,
        usagePoint: up,
        status: 'installed',
        at,
        sealsApplied: into.sealsApplied,
        ...meterTypeOf(store, fresh.id),
      },
      { usagePointId: up },
    ),
    enqueueMeterReadings(store, {
      meter: fresh.serialNumber,
      usagePoint: up,
      readings: initial.readings.map((r) => ({
        readingType: r.readingType,
        value: r.value,
        timeStamp: at,
        qualities: r.qualities,
        reason: 'installation',
        comment: commentOf(
          'initial reading (meter installed)',
          initial.checked.find((c) => c.registerId === r.registerId),
        ),
      })),
    }),
  ];
}
