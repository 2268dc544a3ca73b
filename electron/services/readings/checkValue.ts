/**
 * The one check every typed or probed register value goes through before it is stored — a route
 * read, a switch read, and the final and initial readings of a meter exchange, removal or install
 * (issue 17 §3): dials and decimals, then the register's history (use against the average daily
 * use, lower than last → rollover or confirmation). The rules are the shared ones
 * (shared/domain/registerValue, readingValidation); this only turns their answers into a stored
 * value or a refusal.
 */
import type { Confirmation, ReadingWarningShape } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { canonicalDecimal, checkRegisterValue, describeValueProblem } from '../../../shared/domain/registerValue';
import { checkReading, type RegisterHistory, type ValidationSettings } from '../../../shared/domain/readingValidation';
import { describeWarning } from '../../../shared/domain/readingWarnings';

export interface CheckedRegister extends RegisterHistory {
  readonly id: number;
  readonly label: string;
  readonly decimals: number;
}

/** Out-of-range warnings need the value typed twice or a reason; rollover and zero use are notes. */
export const needsConfirmation = (w: ReadingWarningShape) => w.kind !== 'rollover' && w.kind !== 'zeroUsage' && w.kind !== 'serialMismatch';

export interface CheckedValue {
  readonly registerId: number;
  readonly value: string;
  readonly warnings: ReadingWarningShape[];
  readonly outOfRange: boolean;
  readonly confirmation: Confirmation | null;
  readonly usage: string | null;
}

/** Refuses a value that cannot have come off the register (VALIDATION); otherwise checks it against the history. */
export function checkValue(
  register: CheckedRegister,
  value: string,
  confirmation: Confirmation | undefined,
  readAt: string,
  settings: ValidationSettings,
): CheckedValue {
  const canonical = canonicalDecimal(value);
  const problem = canonical === null ? { kind: 'notANumber' as const } : checkRegisterValue(canonical, register);
  if (problem || canonical === null) {
    throw new AppError('VALIDATION', `${register.label}: ${value} ${describeValueProblem(problem ?? { kind: 'notANumber' })}.`, {
      reason: 'valueInvalid',
      registerId: register.id,
    });
  }
  const check = checkReading(canonical, readAt, register, settings);
  const outOfRange = check.warnings.some(needsConfirmation);
  return {
    registerId: register.id,
    value: canonical,
    warnings: check.warnings,
    outOfRange,
    confirmation: outOfRange ? (confirmation ?? null) : null,
    usage: check.usage,
  };
}

/** NEEDS_CONFIRMATION for every out-of-range value that came without a confirmation, as a route read gets it. */
export function requireConfirmations(checked: readonly CheckedValue[], labelOf: (registerId: number) => string): void {
  const unconfirmed = checked
    .filter((c) => c.outOfRange && !c.confirmation)
    .map((c) => ({ registerId: c.registerId, warnings: c.warnings }));
  if (!unconfirmed.length) return;
  const lines = unconfirmed.flatMap((u) =>
    u.warnings.filter(needsConfirmation).map((w) => `${labelOf(u.registerId)}: ${describeWarning(w)}`),
  );
  throw new AppError('NEEDS_CONFIRMATION', `${lines.join(' ')} Type the value again to confirm it, or give a reason.`, {
    reason: 'outOfRange',
    registers: unconfirmed,
  });
}

/** The ReadingQuality codes of a checked value: manual or device, and 2.5.256 when it was out of range. */
export function qualitiesOf(checked: CheckedValue, source: 'manual' | 'optical' | 'radio' | 'wired' | 'han' | undefined): string[] {
  // An optical or radio read is the device's own value; a typed one is a manual read (NOTES.md §8).
  const fromDevice = source === 'optical' || source === 'radio' || source === 'wired' || source === 'han';
  const qualities: string[] = [fromDevice ? readingQuality.deviceValid : readingQuality.manuallyEntered];
  if (checked.outOfRange) qualities.push(readingQuality.outsideExpectedRange);
  return qualities;
}
