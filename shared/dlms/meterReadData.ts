/**
 * The answers of a DLMS read (./meterReadPlan) as what a person reads: the serial, registers with
 * their scaler applied (exact decimal text) and unit, the clock with its drift against the host
 * clock at the moment of the answer, the disconnect control, and the load profile's intervals,
 * each with its AMR profile status flags (./profile). Attributes the meter refused are listed
 * with their data-access-result, never guessed.
 */
import { parseControlState, parseScalerUnit, registerValueText, type ControlState, type ScalerUnit } from './classes';
import type { CosemResponse } from './cosemRequest';
import { bytesOf, integerOf, type DlmsValue } from './dataTypes';
import { dateTimeEpoch, dateTimeText, parseDateTime } from './dateTime';
import { DlmsError } from './errors';
import { obisFromBytes } from './obis';
import { eventLogEntries, isEventLog, type MeterEvent } from './eventLog';
import { parseCaptureObjects, profileRows, type AmrStatusFlag } from './profile';
import { CLOCK, DISCONNECT_CONTROL, SERIAL_NUMBER } from './meterReadPlan';
import { offeredObjects, type OfferedObject } from './objectList';

export interface DlmsRegister {
  readonly obis: string;
  readonly classId: number;
  /** Exact decimal text with the scaler applied; null when the meter sent no number. */
  readonly value: string | null;
  readonly unit: string | null;
  readonly scaler: number;
}

export interface DlmsClockReading {
  /** The meter's time as it shows it (ISO 8601 with its offset). */
  readonly meterTime: string;
  /** The host's time when the answer arrived (ISO 8601, UTC). */
  readonly hostTime: string;
  /** Meter − host, seconds; positive: the meter is ahead. */
  readonly driftS: number;
}

export interface DlmsInterval {
  /** Interval end (ISO 8601, UTC). */
  readonly end: string;
  readonly status: readonly AmrStatusFlag[];
  readonly statusByte: number | null;
  /** One value per channel, exact decimal text; null for a null cell. */
  readonly values: readonly (string | null)[];
}

export interface DlmsLoadProfile {
  readonly obis: string;
  readonly capturePeriodS: number;
  readonly channels: readonly { readonly obis: string; readonly unit: string | null }[];
  readonly intervals: readonly DlmsInterval[];
}

export interface DlmsMeterData {
  readonly serial: string | null;
  readonly objects: readonly { readonly classId: number; readonly obis: string }[];
  /** What the meter offers: its association's object list (./objectList), null when it was not read. */
  readonly offered: readonly OfferedObject[] | null;
  readonly clock: DlmsClockReading | null;
  readonly registers: readonly DlmsRegister[];
  readonly disconnect: { readonly outputConnected: boolean | null; readonly controlState: ControlState | null } | null;
  readonly profile: DlmsLoadProfile | null;
  /** The event logs' entries read (./eventLog), oldest first per log. */
  readonly events: readonly MeterEvent[];
  readonly refused: readonly {
    readonly obis: string;
    readonly classId: number;
    readonly attribute: number;
    readonly accessResult: number;
  }[];
}

const key = (classId: number, obis: string, index: number) => `${classId}/${obis}/${index}`;

function serialText(value: DlmsValue | null | undefined): string | null {
  if (!value) return null;
  if (value.type === 'visible-string' || value.type === 'utf8-string') return value.text.trim() || null;
  const bytes = bytesOf(value);
  if (bytes)
    return (
      new TextDecoder('latin1')
        .decode(bytes)
        .replace(/[^\x20-\x7e]/g, '')
        .trim() || null
    );
  const n = integerOf(value);
  return n === null ? null : String(n);
}

export function meterDataOf(responses: readonly CosemResponse[]): DlmsMeterData {
  const answers = new Map<string, CosemResponse>();
  const refused: { obis: string; classId: number; attribute: number; accessResult: number }[] = [];
  const order: { classId: number; obis: string; index: number }[] = [];
  for (const r of responses) {
    if (r.request.kind !== 'get') continue;
    const { classId, logicalName, index } = r.request.reference;
    const obis = obisFromBytes(logicalName);
    answers.set(key(classId, obis, index), r);
    order.push({ classId, obis, index });
    if (!r.ok) refused.push({ obis, classId, attribute: index, accessResult: r.accessResult });
  }
  const value = (classId: number, obis: string, index: number): DlmsValue | null => {
    const r = answers.get(key(classId, obis, index));
    return r?.ok ? r.value : null;
  };

  const objects: { classId: number; obis: string }[] = [];
  const registers: DlmsRegister[] = [];
  const scalers = new Map<string, ScalerUnit>();
  for (const { classId, obis, index } of order) {
    if (!objects.some((o) => o.classId === classId && o.obis === obis)) objects.push({ classId, obis });
    if ((classId !== 3 && classId !== 4) || index !== 2) continue;
    const su = value(classId, obis, 3);
    let scalerUnit: ScalerUnit | null = null;
    try {
      scalerUnit = su ? parseScalerUnit(su) : null;
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
    }
    if (scalerUnit) scalers.set(obis, scalerUnit);
    const v = value(classId, obis, 2);
    if (v)
      registers.push({
        obis,
        classId,
        value: registerValueText(v, scalerUnit),
        unit: scalerUnit?.unitText ?? null,
        scaler: scalerUnit?.scaler ?? 0,
      });
  }

  let clock: DlmsClockReading | null = null;
  const clockAnswer = answers.get(key(8, CLOCK, 2));
  const clockBytes = clockAnswer?.ok ? bytesOf(clockAnswer.value ?? undefined) : null;
  if (clockAnswer && clockBytes?.length === 12) {
    const dt = parseDateTime(clockBytes);
    const epoch = dateTimeEpoch(dt);
    const text = dateTimeText(dt);
    if (epoch !== null && text !== null)
      clock = {
        meterTime: text,
        hostTime: new Date(clockAnswer.at).toISOString(),
        driftS: Math.round((epoch - clockAnswer.at) / 100) / 10,
      };
  }

  const output = value(70, DISCONNECT_CONTROL, 2);
  const control = value(70, DISCONNECT_CONTROL, 3);
  let controlState: ControlState | null = null;
  try {
    controlState = control ? parseControlState(control) : null;
  } catch (error) {
    if (!(error instanceof DlmsError)) throw error;
  }
  const disconnect = output || control ? { outputConnected: output?.type === 'boolean' ? output.value : null, controlState } : null;

  return {
    serial: serialText(value(1, SERIAL_NUMBER, 2)),
    objects,
    offered: offeredObjects(responses),
    clock,
    registers,
    disconnect,
    profile: loadProfileOf(order, value, scalers),
    events: order.flatMap((o) => {
      const captureObjects = value(7, o.obis, 3);
      const buffer = value(7, o.obis, 2);
      if (o.classId !== 7 || o.index !== 2 || !isEventLog(o.obis) || !captureObjects || !buffer) return [];
      try {
        return eventLogEntries(o.obis, captureObjects, buffer);
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
        return []; // a log whose columns cannot be read gives no events, never guessed ones
      }
    }),
    refused,
  };
}

function loadProfileOf(
  order: readonly { classId: number; obis: string; index: number }[],
  value: (c: number, o: string, i: number) => DlmsValue | null,
  scalers: ReadonlyMap<string, ScalerUnit>,
): DlmsLoadProfile | null {
  const profile = order.find((o) => o.classId === 7 && o.index === 2 && !isEventLog(o.obis));
  if (!profile) return null;
  const buffer = value(7, profile.obis, 2);
  const captureObjects = value(7, profile.obis, 3);
  if (!buffer || !captureObjects) return null;
  const columns = parseCaptureObjects(captureObjects);
  const capturePeriodS = Number(integerOf(value(7, profile.obis, 4) ?? undefined) ?? 0);
  const rows = profileRows(buffer, columns, scalers, capturePeriodS);
  const channelColumns =
    rows[0]?.cells.map((c) => ({ obis: c.obis, unit: c.unit })) ??
    columns
      .filter((c) => c.classId !== 8 && !/^0-\d+:96\.10\./.test(c.obis))
      .map((c) => ({ obis: c.obis, unit: scalers.get(c.obis)?.unitText ?? null }));
  const intervals: DlmsInterval[] = [];
  for (const row of rows) {
    if (row.time === null) continue; // an interval without a time cannot be placed: left out, not guessed
    intervals.push({
      end: new Date(row.time).toISOString(),
      status: row.status,
      statusByte: row.statusByte,
      values: row.cells.map((c) => c.value),
    });
  }
  return { obis: profile.obis, capturePeriodS, channels: channelColumns, intervals };
}
