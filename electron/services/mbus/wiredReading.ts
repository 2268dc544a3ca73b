/**
 * A wired M-Bus meter's answer saved as its stop's reading (issue 23 §3, §4): the RSP_UD telegram(s)
 * decoded, the meter matched to its stop by manufacturer and id — the secondary address it names
 * (EN 13757-3 §6.2), written on the route as a radio meter's number is (`EFE04990254`) — and its
 * records saved through the same path as a heard radio meter's (meterRecords.ts, saveManualReadings):
 * current values through the reading checks, due-day values as historical, status as qualities, one
 * MeterReadings message. A meter not on the route is refused with a coded reason; nothing is saved.
 */
import { AppError } from '../../../shared/contract/appError';
import { endDeviceTypeOfMbus } from '../../../shared/cim/codes/mbusAlarmEvents';
import { alarmSources, decodeTelegram, meterAlarms, radioRouteIndex, type DataRecord, type DeviceType } from '../../../shared/mbus';
import type { ValidationSettings } from '../../../shared/domain/readingValidation';
import { saveManualReadings } from '../readings/saveReadings';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { meterReadingOf, type MeterReading } from './meterRecords';
import { radioStopsOf, type RadioStop } from './radioRoute';

export interface WiredMeterAnswer {
  readonly manufacturer: string;
  readonly id: string;
  readonly deviceType: DeviceType | null;
  readonly status: number | null;
  /** The records of every telegram of the answer, in order. */
  readonly records: readonly DataRecord[];
}

/** One meter's answer read from its telegrams; a telegram that cannot be read refuses the whole answer with its reason. */
export function wiredAnswerOf(frames: readonly Uint8Array[]): WiredMeterAnswer {
  const records: DataRecord[] = [];
  let first: Omit<WiredMeterAnswer, 'records'> | null = null;
  for (const frame of frames) {
    const result = decodeTelegram(frame);
    if (!result.ok)
      throw new AppError('VALIDATION', `The meter's answer cannot be read (${result.reason}).`, {
        reason: 'telegram',
        telegram: result.reason,
      });
    const t = result.telegram;
    // Only the first telegram of a multi-telegram answer carries a long header (CI 0x72) for sure.
    if (!first && t.manufacturer && t.id) first = { manufacturer: t.manufacturer, id: t.id, deviceType: t.deviceType, status: t.status };
    records.push(...t.records);
  }
  if (!first) throw new AppError('NOT_FOUND', 'No meter answered.', { reason: 'wired.noAnswer' });
  return { ...first, records };
}

/** The radio-addressed stops of one route, or of every route on this device. */
export function wiredStopsOf(store: Store, routeId: string | null): RadioStop[] {
  const routes = routeId === null ? store.routes.list().map((r) => r.id) : [routeId];
  return routes.flatMap((id) => radioStopsOf(store, id));
}

/** The stop a wired meter belongs to, or a coded refusal. */
export function wiredStopFor(stops: readonly RadioStop[], answer: WiredMeterAnswer): RadioStop {
  const stop = radioRouteIndex(stops).match(answer.manufacturer, answer.id);
  const meter = `${answer.manufacturer}${answer.id}`;
  if (!stop) throw new AppError('NOT_FOUND', `Meter ${meter} is not on the route.`, { reason: 'wired.notOnRoute', meter });
  return stop;
}

export interface SavedWiredReading extends MeterReading {
  readonly usagePointId: string;
  readonly meterSerial: string;
  readonly readingSetId: string;
  readonly readAt: string;
}

export interface WiredSaveContext {
  readonly settings: ValidationSettings;
  readonly photoDir: string;
  readonly now?: Date;
}

/** Saves a wired meter's answer to its stop on `routeId` (null: any route on this device). */
export function saveWiredReading(
  store: Store,
  actor: Actor,
  routeId: string | null,
  frames: readonly Uint8Array[],
  context: WiredSaveContext,
): SavedWiredReading {
  const answer = wiredAnswerOf(frames);
  const stop = wiredStopFor(wiredStopsOf(store, routeId), answer);
  const reading = meterReadingOf(answer.records, answer.status, stop.registers, answer.deviceType);
  if (reading.values.length === 0)
    throw new AppError('VALIDATION', `Meter ${stop.meterSerial} gives no value for its registers.`, {
      reason: 'wired.noValues',
      meter: stop.meterSerial,
    });
  const saved = saveManualReadings(
    store,
    actor,
    {
      usagePointId: stop.usagePointId,
      values: reading.values,
      dueDayValues: reading.dueDayValues,
      meterQualities: reading.meterQualities,
      measured: reading.measured,
      unsentRecords: reading.unsent,
      meterAlarms: { alarms: meterAlarms(answer), sources: alarmSources(answer), endDeviceType: endDeviceTypeOfMbus(answer.deviceType) },
      source: 'wired',
      via: 'mbus',
    },
    context,
  );
  return {
    ...reading,
    usagePointId: stop.usagePointId,
    meterSerial: stop.meterSerial,
    readingSetId: saved.readingSetId,
    readAt: saved.readAt,
  };
}
