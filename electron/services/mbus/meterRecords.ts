/**
 * What an M-Bus meter's records give its stop, heard over the radio or read on the wire (issue 23
 * §4): the current value of each register, the due-day values the meter keeps (storage number > 0,
 * EN 13757-3 §6.3.2) as historical values dated by the meter's own date of that storage number,
 * and the meter's status byte as ReadingQualities (IEC 61968-9 Annex D, category 1 diagnostics).
 */
import { commodityOfDeviceType, recordReadingType, type UnsentRecordReason } from '../../../shared/cim/codes/mbusReadingTypes';
import type { DataRecord, DeviceType } from '../../../shared/mbus';
import { asRegisterValue, registerFor, type RadioRegister } from './radioRoute';

export interface MeterValue {
  readonly registerId: number;
  readonly value: string;
}

/** A value the meter kept on a due day: never the register's last value, told to the enterprise with its date. */
export interface DueDayValue extends MeterValue {
  readonly storage: number;
  /** The due day's start (UTC), from the meter's date record of the same storage number. */
  readonly at: string;
}

/** The current value for each register the records fill (the first record for a register wins). */
export function currentValues(records: readonly DataRecord[], registers: readonly RadioRegister[]): MeterValue[] {
  const values: MeterValue[] = [];
  for (const record of records) {
    const register = registerFor(record, registers);
    if (register && record.value !== null && !values.some((v) => v.registerId === register.id))
      values.push({ registerId: register.id, value: asRegisterValue(record.value, register.decimals) });
  }
  return values;
}

/** The meter's date of each storage number (EN 13757-3 §6.3.2: a storage number names one stored set). */
function dueDates(records: readonly DataRecord[]): Map<number, string> {
  const dateOf = new Map<number, string>();
  for (const r of records)
    if (r.storage > 0 && r.quantity === 'timePoint' && r.date && !dateOf.has(r.storage)) dateOf.set(r.storage, r.date);
  return dateOf;
}

const dueDayStart = (date: string) => new Date(date.length === 10 ? `${date}T00:00:00Z` : `${date}:00Z`).toISOString();

/**
 * Due-day values: a counting record with storage number n > 0 goes in the register it would fill as
 * a current value, dated by the date record with the same storage number (EN 13757-3 §6.3.2: a
 * storage number names one stored set, its time point among it). Without that date it is not used:
 * a value without its day cannot be told apart from the current one.
 */
export function dueDayValues(records: readonly DataRecord[], registers: readonly RadioRegister[]): DueDayValue[] {
  const dateOf = dueDates(records);
  const values: DueDayValue[] = [];
  for (const record of records) {
    if (record.storage === 0) continue;
    const date = dateOf.get(record.storage);
    const register = date ? registerFor({ ...record, storage: 0 }, registers) : undefined;
    if (!date || !register || record.value === null) continue;
    if (values.some((v) => v.registerId === register.id && v.storage === record.storage)) continue;
    const at = dueDayStart(date);
    values.push({ registerId: register.id, value: asRegisterValue(record.value, register.decimals), storage: record.storage, at });
  }
  return values;
}

/** IEC 61968-9 ReadingQuality codes the meter's own status sets (system 1, end device). */
export const meterStatusQuality = {
  /** Diagnostics, battery low. */
  batteryLow: '1.1.1',
  /** Diagnostics flag (generic): the meter reports an error or an alarm. */
  diagnostics: '1.1.0',
} as const;

/**
 * The qualities the status byte gives every value of the telegram (EN 13757-3:2018 Table 5 /
 * EN 13757-7 Table 9): bit 2 power low → battery low; bits 0–1 "any application error" (10) or
 * "abnormal situation" (11), bit 3 permanent error and bit 4 temporary error → diagnostics flag.
 * Bits 5–7 are the manufacturer's and say nothing on their own.
 */
export function statusQualities(status: number | null): string[] {
  if (status === null) return [];
  const qualities: string[] = [];
  if (status & 0x04) qualities.push(meterStatusQuality.batteryLow);
  if ((status & 0x03) >= 0x02 || status & 0x18) qualities.push(meterStatusQuality.diagnostics);
  return qualities;
}

/** A value the meter sends that no register of the stop counts (flow, power, a temperature…), told with its own ReadingType. */
export interface MeasuredValue {
  readonly readingType: string;
  /** Exact decimal text in the unit the ReadingType's multiplier and unit say. */
  readonly value: string;
  readonly storage: number;
  /** The due day's start (UTC) for a stored value; null for a value the meter has now. */
  readonly at: string | null;
}

/** A record kept with the reading but not sent, and why (no ReadingType says what it is, or no due day dates it). */
export interface UnsentRecord {
  readonly quantity: string;
  readonly value: string | null;
  readonly unit: string | null;
  readonly storage: number;
  readonly function: DataRecord['function'];
  readonly reason: UnsentRecordReason | 'noDueDay';
}

/** Records that say what a record is, not a value of it: never readings, never listed as unsent. */
const descriptive = new Set(['timePoint', 'fabricationNumber', 'identification', 'busAddress', 'errorFlags', 'manufacturerSpecific']);

/**
 * Every record with a value that no register takes: with its ReadingType (mbusReadingTypes.ts) it
 * becomes a reading of its own — now, or on its due day for a storage number > 0 (dated by the
 * meter, else not sent: a stored maximum without its day cannot be told from today's) —, without one
 * it is kept, with the reason, beside the reading.
 */
export function meterMeasurements(
  records: readonly DataRecord[],
  registers: readonly RadioRegister[],
  deviceType: DeviceType | null,
): { measured: MeasuredValue[]; unsent: UnsentRecord[] } {
  const commodity = commodityOfDeviceType(deviceType);
  const dateOf = dueDates(records);
  const measured: MeasuredValue[] = [];
  const unsent: UnsentRecord[] = [];
  for (const record of records) {
    if (record.value === null || descriptive.has(record.quantity)) continue;
    if (registerFor({ ...record, storage: 0 }, registers)) continue; // a register's current or due-day value
    const kept = (reason: UnsentRecord['reason']) =>
      unsent.push({
        quantity: record.quantity,
        value: record.value,
        unit: record.unit,
        storage: record.storage,
        function: record.function,
        reason,
      });
    const type = recordReadingType(record, commodity);
    if ('unsent' in type) {
      kept(type.unsent);
      continue;
    }
    const date = record.storage > 0 ? dateOf.get(record.storage) : undefined;
    if (record.storage > 0 && !date) {
      kept('noDueDay');
      continue;
    }
    // The same quantity twice in one telegram (two tariffs' rates with one tariff field…): the first is told.
    if (measured.some((m) => m.readingType === type.readingType && m.storage === record.storage)) continue;
    measured.push({ readingType: type.readingType, value: record.value, storage: record.storage, at: date ? dueDayStart(date) : null });
  }
  return { measured, unsent };
}

/** What one meter's telegram(s) give its stop: saved as one reading through the reading checks. */
export interface MeterReading {
  readonly values: readonly MeterValue[];
  readonly dueDayValues: readonly DueDayValue[];
  readonly meterQualities: readonly string[];
  /** The meter's other values as readings of their own ReadingType. */
  readonly measured: readonly MeasuredValue[];
  /** Records kept with the reading but not sent. */
  readonly unsent: readonly UnsentRecord[];
}

export function meterReadingOf(
  records: readonly DataRecord[],
  status: number | null,
  registers: readonly RadioRegister[],
  deviceType: DeviceType | null = null,
): MeterReading {
  const { measured, unsent } = meterMeasurements(records, registers, deviceType);
  return {
    values: currentValues(records, registers),
    dueDayValues: dueDayValues(records, registers),
    meterQualities: statusQualities(status),
    measured,
    unsent,
  };
}
