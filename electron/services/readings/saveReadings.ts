/**
 * Saves one visit's readings (typed, or filled in from an optical read): a reading set with one timestamp (coincident readings),
 * the registers' last values, the stop's status, an audit row and the MeterReadings message
 * for the enterprise, all in one transaction. Every value is checked against the register
 * and its history again here (the renderer's check is a convenience, not the rule).
 */
import { randomUUID } from 'node:crypto';
import type { Confirmation, Position, Reading, ReadingWarningShape } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import { daysBetween, serialMatches, type ValidationSettings } from '../../../shared/domain/readingValidation';
import { describeWarning } from '../../../shared/domain/readingWarnings';
import type { ReadingReasonKind } from '../../../shared/cim/payloads/meterReadings';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { reportMeterStatus } from '../optical/meterStatus';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { queueMeterAlarms, type MeterAlarmsAt } from '../mbus/alarmEvents';
import { enqueueVisitReadings } from './outbound';
import { linkPhotos } from './photos';
import { checkValue, qualitiesOf, requireConfirmations } from './checkValue';

export interface SaveReadingsRequest {
  usagePointId: string;
  values: readonly { registerId: number; value: string; confirmation?: Confirmation | undefined; capturedAt?: string | undefined }[];
  observedSerial?: string | undefined;
  /**
   * 'radio': heard over wireless M-Bus; 'wired': read over a wired M-Bus; 'han': pushed by the meter's
   * HAN/P1 port. All are device values like an optical read, without the probe's status registers.
   */
  source?: 'manual' | 'optical' | 'radio' | 'wired' | 'han';
  /** How a device read arrived (kept in the audit): heard over wireless M-Bus, read on a wired M-Bus, or pushed on a HAN/P1 port. */
  via?: 'wmbus' | 'mbus' | 'han';
  /** Qualities the meter's own status gives every value (an M-Bus status byte: battery low, an error). */
  meterQualities?: readonly string[];
  /**
   * Values the meter kept on due days (M-Bus storage numbers > 0): told to the enterprise with their
   * own date, never taken as the register's last value or checked against the current range.
   */
  dueDayValues?: readonly { registerId: number; value: string; at: string }[];
  /**
   * The meter's values that no register counts (M-Bus flow, power, temperatures…), each with its own
   * ReadingType: told to the enterprise with the visit (a stored one with its due day), never kept as
   * a register's value.
   */
  measured?: readonly { readingType: string; value: string; at: string | null }[];
  /** Records the meter sent that no ReadingType says: kept in the visit's audit details, not sent. */
  unsentRecords?: readonly object[];
  /** The alarms the meter's telegram raised (M-Bus status byte, error flags): each onset told once, as EndDeviceEvents. */
  meterAlarms?: MeterAlarmsAt;
  note?: string;
  photoIds?: readonly string[];
  position?: Position | undefined;
  /** A switch reading (issue 9): its ReadingReasonKind, extra qualities and the agreement and order it closes. */
  switchRead?: SwitchReadTag;
}

export interface SwitchReadTag {
  reason: ReadingReasonKind;
  switchOrder: string;
  agreement?: string | undefined;
  qualities: readonly string[];
  comment?: string | undefined;
}

export interface SaveContext {
  readonly settings: ValidationSettings;
  readonly photoDir: string;
  readonly now?: Date;
}

/** The ReadingQuality comment: the reason an out-of-range value was confirmed, and a switch's note on its window. */
const commentOf = (...parts: (string | undefined)[]) => {
  const comment = parts.filter((p) => p).join(' — ');
  return comment ? { comment } : {};
};

export function saveManualReadings(store: Store, actor: Actor, request: SaveReadingsRequest, context: SaveContext) {
  const now = context.now ?? new Date();
  const readAt = now.toISOString();
  const meter = store.meters.get(request.usagePointId);
  if (!meter)
    throw new AppError('NOT_FOUND', `Usage point ${request.usagePointId} is not on any route on this device.`, {
      reason: 'usagePointUnknown',
    });
  const note = (request.note ?? '').trim();
  const serialWarning: ReadingWarningShape[] =
    request.observedSerial && !serialMatches(meter.meterSerial, request.observedSerial)
      ? [{ kind: 'serialMismatch', expected: meter.meterSerial, observed: request.observedSerial }]
      : [];
  if (serialWarning.length && !note) {
    throw new AppError(
      'NEEDS_CONFIRMATION',
      `${describeWarning(serialWarning[0]!)} Check the meter, or say in the note why you read it anyway.`,
      { reason: 'serialMismatch', warnings: serialWarning },
    );
  }

  const seen = new Set<number>();
  const values = request.values.map(({ registerId, value, confirmation, capturedAt }) => {
    const register = meter.registers.find((r) => r.id === registerId);
    if (!register)
      throw new AppError('VALIDATION', `Register ${registerId} does not belong to meter ${meter.meterSerial}.`, {
        reason: 'registerNotOfMeter',
      });
    if (seen.has(registerId)) throw new AppError('VALIDATION', `Register ${register.label} was given twice.`, { reason: 'registerTwice' });
    seen.add(registerId);
    const checked = checkValue(register, value, confirmation, readAt, context.settings);
    const qualities = [
      ...qualitiesOf(checked, request.source),
      ...(request.meterQualities ?? []),
      ...(request.switchRead?.qualities ?? []),
    ];
    // A value the meter dated itself (DSMR M-Bus capture time) keeps that time, if it is not after the read.
    const meterTime = capturedAt && Date.parse(capturedAt) <= now.getTime() ? new Date(capturedAt).toISOString() : null;
    return { ...checked, qualities, warnings: [...checked.warnings, ...serialWarning], register, meterTime };
  });
  requireConfirmations(values, (id) => meter.registers.find((r) => r.id === id)?.label ?? String(id));
  const dueDay = (request.dueDayValues ?? []).map((d) => {
    const register = meter.registers.find((r) => r.id === d.registerId);
    if (!register)
      throw new AppError('VALIDATION', `Register ${d.registerId} does not belong to meter ${meter.meterSerial}.`, {
        reason: 'registerNotOfMeter',
      });
    return {
      readingType: register.readingType,
      value: d.value,
      timeStamp: d.at,
      qualities: [readingQuality.deviceValid, ...(request.meterQualities ?? [])],
      // The meter closed the value on its due day (the billing date it was set to): a billing reading.
      reason: 'billing' as const,
    };
  });

  const measured = (request.measured ?? []).map((m) => ({
    readingType: m.readingType,
    value: m.value,
    timeStamp: m.at ?? readAt,
    qualities: [readingQuality.deviceValid, ...(request.meterQualities ?? [])],
    ...(m.at ? { reason: 'billing' as const } : {}),
  }));

  const readingSetId = randomUUID();
  const tag = request.switchRead;
  const hasWarnings = values.some((v) => v.warnings.length > 0);
  let messageId = '';
  const readings: Reading[] = store.mutate(actor, (change) => {
    const saved = store.readings.insertSet({
      id: readingSetId,
      usagePointId: meter.usagePointId,
      endDeviceId: meter.deviceId,
      readAt,
      source: request.source ?? 'manual',
      note,
      observedSerial: request.observedSerial ?? null,
      position: request.position ?? null,
      values,
    });
    for (const v of values) {
      store.meters.setLastValue(v.registerId, v.value, readAt);
      // Without an average from the read list, the last interval gives the next visit its range.
      if (v.register.averageDailyUse === null && v.usage !== null && v.register.lastReadAt) {
        const days = daysBetween(v.register.lastReadAt, readAt);
        if (days >= 1) store.meters.setAverageDailyUse(v.registerId, Number(v.usage) / days);
      }
    }
    linkPhotos(store, request.photoIds ?? [], { usagePointId: meter.usagePointId, readingSetId });
    store.routes.markVisited(meter.usagePointId, hasWarnings ? 'warning' : 'read', readAt);
    change.audit({
      action: 'readings.save',
      entity: 'reading_set',
      entityId: readingSetId,
      details: {
        usagePointId: meter.usagePointId,
        meter: meter.meterSerial,
        registers: values.length,
        warnings: values.flatMap((v) => v.warnings.map((w) => w.kind)),
        ...(request.via ? { via: request.via } : {}),
        ...(request.unsentRecords?.length ? { recordsNotSent: request.unsentRecords } : {}),
      },
    });
    // The meter's health as the probe read it (F.F, C.5.0, C.7.x, DSMR power failures) goes out with
    // the optical reading: events in their own message, counters that rose as count readings here.
    const status = request.source === 'optical' && !request.via ? reportMeterStatus(store, meter, readingSetId) : null;
    // The probe doctor: the reads of this visit keep their transcripts with its reading set.
    if (request.source === 'optical' && !request.via) store.probeTranscripts.linkToReadingSet(meter.usagePointId, readingSetId);
    const counts = (status?.countReadings ?? []).map((c) => ({
      readingType: c.readingType,
      value: c.value,
      timeStamp: status?.readAt ?? readAt,
      qualities: [readingQuality.deviceValid],
      comment: c.comment,
    }));
    messageId = enqueueVisitReadings(
      store,
      {
        meter: meter.meterSerial,
        usagePoint: meter.usagePointId,
        readings: [
          ...values.map((v) => ({
            readingType: v.register.readingType,
            value: v.value,
            timeStamp: v.meterTime ?? readAt,
            qualities: v.qualities,
            ...commentOf(v.confirmation?.method === 'reason' ? v.confirmation.reason : undefined, tag?.comment),
            ...(tag ? { reason: tag.reason } : {}),
          })),
          ...dueDay,
          ...measured,
          ...counts,
        ],
        ...(tag ? { switchOrder: tag.switchOrder, ...(tag.agreement ? { agreement: tag.agreement } : {}) } : {}),
      },
      readAt,
    );
    status?.queueEvents();
    if (request.meterAlarms) queueMeterAlarms(store, meter, request.meterAlarms, readAt);
    return saved;
  });
  return { readingSetId, readAt, readings, messageId };
}
