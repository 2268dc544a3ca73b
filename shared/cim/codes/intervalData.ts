/**
 * Load-profile intervals read through DLMS (issue 22 item 3) as IEC 61968-9 interval data: the
 * channel's ReadingType with the interval's measuringPeriod and the accumulation of a captured
 * register value, and each interval's ReadingQualities from its AMR profile status bits.
 *
 * ReadingType fields (NOTES.md §6, CBO TimeAttributeKind / AccumulationKind): a channel that
 * captures a cumulative register (OBIS D = 8) at each interval end is bulkQuantity (1) with
 * measuringPeriod = the capture period (2 fifteenMinute, 5 thirtyMinute, 7 sixtyMinute, 1
 * tenMinute, 6 fiveMinute, 3 oneMinute) and macroPeriod none (0).
 *
 * Qualities (NOTES.md §8, the CBO QualityCodeSystem/Category/Index tables of 61968-9 Annex D):
 * system 2, the field tool collecting the data, reports what the meter flagged:
 * power down → 2.2.32 power fail; clock adjusted → 2.4.9 clock changed; clock invalid → 2.1.9
 * clock error; data not valid or a critical error → 2.5.258 suspect. Daylight saving is not a
 * quality (the interval end is sent in UTC).
 */
import { readingQuality } from '../readingQuality';
import { parseObisGroups, readingTypeForObis } from './obis';

const periodKinds: Readonly<Record<number, number>> = { 60: 3, 300: 6, 600: 1, 900: 2, 1800: 5, 3600: 7 };

/** The interval ReadingType of a profile channel, or null when its register, unit or period is not mapped. */
export function intervalReadingType(obis: string, unit: string | null, capturePeriodS: number): string | null {
  const groups = parseObisGroups(obis);
  const period = periodKinds[capturePeriodS];
  if (!groups || period === undefined || groups.d !== 8) return null;
  const register = readingTypeForObis(groups, unit);
  if (!register) return null;
  const fields = register.split('.');
  fields[0] = '0'; // macroPeriod: none
  fields[2] = String(period); // measuringPeriod
  fields[3] = '1'; // accumulation: bulkQuantity (the register as captured at the interval end)
  return fields.join('.');
}

export type ProfileStatusFlag = 'critical-error' | 'clock-invalid' | 'data-not-valid' | 'daylight-saving' | 'clock-adjusted' | 'power-down';

const qualityOfFlag: Readonly<Record<ProfileStatusFlag, string | null>> = {
  'power-down': readingQuality.powerFail,
  'clock-adjusted': readingQuality.clockChanged,
  'clock-invalid': readingQuality.clockError,
  'data-not-valid': readingQuality.suspect,
  'critical-error': readingQuality.suspect,
  'daylight-saving': null,
};

/** The ReadingQuality codes of an interval's status flags, each once, in a fixed order. */
export function intervalQualities(flags: readonly string[]): string[] {
  const out: string[] = [];
  for (const flag of flags) {
    const q = qualityOfFlag[flag as ProfileStatusFlag] ?? null;
    if (q && !out.includes(q)) out.push(q);
  }
  return out;
}
