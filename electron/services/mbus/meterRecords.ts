/**
 * What an M-Bus meter's records give its stop, heard over the radio or read on the wire (issue 23
 * §4): the current value of each register, the due-day values the meter keeps (storage number > 0,
 * EN 13757-3 §6.3.2) as historical values dated by the meter's own date of that storage number,
 * and the meter's status byte as ReadingQualities (IEC 61968-9 Annex D, category 1 diagnostics).
 */
import type { DataRecord } from '../../../shared/mbus';
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

/**
 * Due-day values: a counting record with storage number n > 0 goes in the register it would fill as
 * a current value, dated by the date record with the same storage number (EN 13757-3 §6.3.2: a
 * storage number names one stored set, its time point among it). Without that date it is not used:
 * a value without its day cannot be told apart from the current one.
 */
export function dueDayValues(records: readonly DataRecord[], registers: readonly RadioRegister[]): DueDayValue[] {
  const dateOf = new Map<number, string>();
  for (const r of records)
    if (r.storage > 0 && r.quantity === 'timePoint' && r.date && !dateOf.has(r.storage)) dateOf.set(r.storage, r.date);
  const values: DueDayValue[] = [];
  for (const record of records) {
    if (record.storage === 0) continue;
    const date = dateOf.get(record.storage);
    const register = date ? registerFor({ ...record, storage: 0 }, registers) : undefined;
    if (!date || !register || record.value === null) continue;
    if (values.some((v) => v.registerId === register.id && v.storage === record.storage)) continue;
    const at = new Date(date.length === 10 ? `${date}T00:00:00Z` : `${date}:00Z`).toISOString();
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

/** What one meter's telegram(s) give its stop: saved as one reading through the reading checks. */
export interface MeterReading {
  readonly values: readonly MeterValue[];
  readonly dueDayValues: readonly DueDayValue[];
  readonly meterQualities: readonly string[];
}

export const meterReadingOf = (
  records: readonly DataRecord[],
  status: number | null,
  registers: readonly RadioRegister[],
): MeterReading => ({
  values: currentValues(records, registers),
  dueDayValues: dueDayValues(records, registers),
  meterQualities: statusQualities(status),
});
