/**
 * The live check of what is typed into one register, before anything is sent: the value in
 * the UI language against dials and decimals (readingDraft), then against the meter's history
 * with the same rule the server applies (shared/domain/readingValidation `checkReading`).
 * An out-of-range value needs a confirmation: typed again identically, or a reason.
 * Pure, so it is unit-tested without a DOM.
 */
import type { Confirmation, ReadingWarningShape, Register } from '../../../../shared/contract/entities';
import { compare } from '../../../../shared/domain/decimal';
import { checkReading, defaultValidationSettings, type ValidationSettings } from '../../../../shared/domain/readingValidation';
import { checkDraftValue, type DraftProblem } from './readingDraft';

export interface RegisterEntry {
  /** What was typed, in the UI language. */
  readonly text: string;
  /** The "Type it again" field (double entry). */
  readonly again: string;
  /** One of `confirmReasons`, or '' when none was chosen. */
  readonly reasonCode: string;
  readonly reasonText: string;
  /** The meter's own capture time of an optical value (DSMR 0-n:24.2.1); gone once the value is typed over. */
  readonly capturedAt?: string;
}

export const emptyEntry: RegisterEntry = { text: '', again: '', reasonCode: '', reasonText: '' };

/** Common reasons an out-of-range value is right after all; `other` needs words of one's own. */
export const confirmReasons = ['checkedTwice', 'vacant', 'newOccupant', 'seasonal', 'meterExchanged', 'other'] as const;
export type ConfirmReason = (typeof confirmReasons)[number];

export type AgainState = 'none' | 'match' | 'mismatch' | 'invalid';

export interface RegisterAssessment {
  /** Canonical decimal text, or null while the text is empty or has a problem. */
  readonly value: string | null;
  readonly problem: DraftProblem | null;
  readonly usage: string | null;
  readonly warnings: readonly ReadingWarningShape[];
  readonly needsConfirmation: boolean;
  readonly again: AgainState;
  /** What goes with the value to readings.save; null when none is needed or none is given yet. */
  readonly confirmation: Confirmation | null;
}

/** Rollover and zero use are notes; everything else the server refuses without a confirmation. */
export const warningNeedsConfirmation = (w: ReadingWarningShape) =>
  w.kind !== 'rollover' && w.kind !== 'zeroUsage' && w.kind !== 'serialMismatch';

const MIN_REASON = 3;

/** The reason text sent to the server: the chosen reason in words, then what the person added. */
export function reasonFor(entry: RegisterEntry, label: (code: ConfirmReason) => string): string | null {
  const code = confirmReasons.find((c) => c === entry.reasonCode);
  const own = entry.reasonText.trim();
  if (!code) return own.length >= MIN_REASON ? own : null;
  if (code === 'other') return own.length >= MIN_REASON ? own : null;
  const text = own ? `${label(code)}: ${own}` : label(code);
  return text.slice(0, 500);
}

export function assessRegister(
  register: Register,
  entry: RegisterEntry,
  locale: string,
  readAt: string,
  reasonLabel: (code: ConfirmReason) => string,
  /** Warnings the server sent back with NEEDS_CONFIRMATION for this register (authoritative). */
  serverWarnings?: readonly ReadingWarningShape[],
  /** The utility's limits from app.info; the defaults until it has answered. */
  settings: ValidationSettings = defaultValidationSettings,
): RegisterAssessment {
  const none = { usage: null, warnings: [], needsConfirmation: false, again: 'none', confirmation: null } as const;
  const checked = checkDraftValue(entry.text, register, locale);
  if ('problem' in checked) return { ...none, value: null, problem: checked.problem };
  const value = checked.value;
  const check = checkReading(value, readAt, register, settings);
  const warnings = serverWarnings?.length ? serverWarnings : check.warnings;
  const needsConfirmation = warnings.some(warningNeedsConfirmation);
  if (!needsConfirmation) return { ...none, value, problem: null, usage: check.usage, warnings };

  let again: AgainState = 'none';
  if (entry.again.trim()) {
    const second = checkDraftValue(entry.again, register, locale);
    again = 'problem' in second ? 'invalid' : compare(second.value, value) === 0 ? 'match' : 'mismatch';
  }
  const reason = reasonFor(entry, reasonLabel);
  const confirmation: Confirmation | null = again === 'match' ? { method: 'reentered' } : reason ? { method: 'reason', reason } : null;
  return { value, problem: null, usage: check.usage, warnings, needsConfirmation, again, confirmation };
}
