/**
 * Checks a manual reading against the meter's history before it is saved. Every warning
 * carries the numbers behind it, so the technician sees why ("expected 180–720 kWh over
 * 30 days, got 2,900") and can re-enter the value or confirm it with a reason.
 */
import { add, compare, multiply, registerSpan, subtract } from './decimal';
import { unitPowerOf, type RegisterKind } from '../cim/readingType';

export interface ValidationSettings {
  /** Below averageDailyUse × days × lowFactor is "low". */
  readonly lowFactor: number;
  /** Above averageDailyUse × days × highFactor is "high". */
  readonly highFactor: number;
  /** A demand above this many kW is implausible; a W or MW register is compared after scaling (issue 20 §2). */
  readonly maxDemand: number;
}

export const defaultValidationSettings: ValidationSettings = { lowFactor: 0.5, highFactor: 2, maxDemand: 500 };

export interface RegisterHistory {
  readonly dials: number;
  readonly kind: RegisterKind;
  /** ReadingType code: its unit's power of ten scales the demand limit. */
  readonly readingType: string;
  /** CT/VT ratio: dial value × multiplier is the quantity in the register's unit (every check uses it). */
  readonly multiplier: number;
  readonly lastValue: string | null;
  readonly lastReadAt: string | null;
  /**
   * Average use per day in the register's unit after the multiplier (kWh/day, m³/day) — the
   * quantity billed, not dial digits; null when there is no history to go by.
   */
  readonly averageDailyUse: number | null;
}

export type ReadingWarning =
  | { kind: 'highUsage'; usage: string; days: number; expectedLow: number; expectedHigh: number }
  | { kind: 'lowUsage'; usage: string; days: number; expectedLow: number; expectedHigh: number }
  | { kind: 'zeroUsage'; previous: string; days: number }
  | { kind: 'rollover'; previous: string; current: string; usage: string; dials: number }
  | { kind: 'lowerThanPrevious'; previous: string; current: string }
  | { kind: 'implausibleDemand'; value: string; max: number }
  | { kind: 'readBeforeLastRead'; lastReadAt: string; readAt: string };

export interface ReadingCheck {
  /**
   * Consumption since the last read in the register's unit, the multiplier applied (after a
   * rollover, across it); null without a last read, for demand and instantaneous registers.
   */
  usage: string | null;
  warnings: ReadingWarning[];
  /** Out of range: the value must be typed again, or confirmed with a reason. */
  needsConfirmation: boolean;
}

const DAY_MS = 86_400_000;
const round = (n: number) => Math.round(n * 1000) / 1000;

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS);
}

/** Under a day since the last read, an expected range from a daily average says nothing. */
const MIN_DAYS_FOR_RANGE = 1;

function rangeWarnings(usage: string, days: number, history: RegisterHistory, settings: ValidationSettings): ReadingWarning[] {
  if (history.averageDailyUse === null || history.averageDailyUse <= 0 || days < MIN_DAYS_FOR_RANGE) return [];
  const expected = history.averageDailyUse * days;
  const expectedLow = round(expected * settings.lowFactor);
  const expectedHigh = round(expected * settings.highFactor);
  const used = Number(usage);
  if (used > expectedHigh) return [{ kind: 'highUsage', usage, days: round(days), expectedLow, expectedHigh }];
  if (used < expectedLow && used > 0) return [{ kind: 'lowUsage', usage, days: round(days), expectedLow, expectedHigh }];
  return [];
}

/**
 * A wrap is believable when the use it implies is not high for the period — or, with no
 * history to go by, when it is under a tenth of the register's span.
 */
function isPlausibleRollover(wrapped: string, days: number, history: RegisterHistory, settings: ValidationSettings): boolean {
  if (history.averageDailyUse !== null && history.averageDailyUse > 0 && days >= MIN_DAYS_FOR_RANGE) {
    return !rangeWarnings(multiply(wrapped, history.multiplier), days, history, settings).some((w) => w.kind === 'highUsage');
  }
  // The span is in dial digits, so this fallback compares dial digits (no multiplier).
  return Number(wrapped) < Number(registerSpan(history.dials)) / 10;
}

/** The demand limit (kW) in the register's unit: 500 kW is 500000 for a W register (unit power 0), 0.5 for MW. */
export function demandLimitInUnit(readingType: string, settings: ValidationSettings): number {
  return round(settings.maxDemand * 10 ** (3 - unitPowerOf(readingType)));
}

export function checkReading(
  value: string,
  readAt: string,
  history: RegisterHistory,
  settings: ValidationSettings = defaultValidationSettings,
): ReadingCheck {
  if (history.kind === 'demand') {
    // Both in the register's unit: the dial value times the multiplier (a CT meter's 20 × 40 is 800 kW).
    const demand = multiply(value, history.multiplier);
    const max = demandLimitInUnit(history.readingType, settings);
    const warnings: ReadingWarning[] = Number(demand) > max ? [{ kind: 'implausibleDemand', value: demand, max }] : [];
    return { usage: null, warnings, needsConfirmation: warnings.length > 0 };
  }
  // Power, voltage, current: a value of the moment, with no use since the last read and no rollover.
  if (history.kind === 'instantaneous') return { usage: null, warnings: [], needsConfirmation: false };
  if (history.lastValue === null || history.lastReadAt === null) return { usage: null, warnings: [], needsConfirmation: false };
  // A read time before the last read means this device's clock is wrong (or was changed): the
  // history would run backwards and the enterprise would get a contradiction. Ask, never guess.
  if (Date.parse(readAt) < Date.parse(history.lastReadAt)) {
    return { usage: null, warnings: [{ kind: 'readBeforeLastRead', lastReadAt: history.lastReadAt, readAt }], needsConfirmation: true };
  }
  const previous = history.lastValue;
  const days = daysBetween(history.lastReadAt, readAt);
  const order = compare(value, previous);

  if (order === 0) {
    const warnings: ReadingWarning[] = days >= 1 ? [{ kind: 'zeroUsage', previous, days: round(days) }] : [];
    return { usage: '0', warnings, needsConfirmation: false };
  }
  if (order > 0) {
    const usage = multiply(subtract(value, previous), history.multiplier);
    const warnings = rangeWarnings(usage, days, history, settings);
    return { usage, warnings, needsConfirmation: warnings.some((w) => w.kind === 'highUsage' || w.kind === 'lowUsage') };
  }
  // Lower than last time: the register may have wrapped past all nines (5 dials: 99850 → 00120 is 270).
  const wrapped = add(subtract(registerSpan(history.dials), previous), value);
  if (isPlausibleRollover(wrapped, days, history, settings)) {
    const usage = multiply(wrapped, history.multiplier);
    return { usage, warnings: [{ kind: 'rollover', previous, current: value, usage, dials: history.dials }], needsConfirmation: false };
  }
  return { usage: null, warnings: [{ kind: 'lowerThanPrevious', previous, current: value }], needsConfirmation: true };
}

/** Does the serial the technician typed or scanned match the meter the route expects? */
export function serialMatches(expected: string, observed: string): boolean {
  const normal = (s: string) => s.trim().toUpperCase().replace(/^0+/, '');
  return normal(expected) === normal(observed);
}
