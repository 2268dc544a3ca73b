/**
 * What the person typed into each register, checked before anything is sent: parsed in the
 * UI language (a German "1.234,5" is 1234.5) and held against the register's dials and
 * decimals. Pure, so it is unit-tested without a DOM.
 */
import type { Register } from '../../../../shared/contract/entities';
import { checkRegisterValue, type ValueProblem } from '../../../../shared/domain/registerValue';
import { parseLocaleDecimal } from '../../../../shared/i18n/number';

/** `negative`: a meter register never shows a minus; said apart from "not a number" so the reason is plain. */
export type DraftProblem = { kind: 'empty' } | { kind: 'negative' } | ValueProblem;

export type DraftCheck = { ok: true; values: { registerId: number; value: string }[] } | { ok: false; problems: Map<number, DraftProblem> };

/** Canonical decimal text for one register, or the problem with it. */
export function checkDraftValue(
  text: string,
  register: Pick<Register, 'dials' | 'decimals'>,
  locale: string,
): { value: string } | { problem: DraftProblem } {
  if (text.trim() === '') return { problem: { kind: 'empty' } };
  if (/^[-−]/.test(text.trim())) return { problem: { kind: 'negative' } };
  const value = parseLocaleDecimal(text, locale);
  if (value === null) return { problem: { kind: 'notANumber' } };
  const problem = checkRegisterValue(value, register);
  return problem ? { problem } : { value };
}

/** Every register needs a value: one visit reads all of them at once (coincident readings). */
export function checkDraft(registers: readonly Register[], drafts: Readonly<Record<number, string>>, locale: string): DraftCheck {
  const problems = new Map<number, DraftProblem>();
  const values: { registerId: number; value: string }[] = [];
  for (const register of registers) {
    const checked = checkDraftValue(drafts[register.id] ?? '', register, locale);
    if ('problem' in checked) problems.set(register.id, checked.problem);
    else values.push({ registerId: register.id, value: checked.value });
  }
  return problems.size ? { ok: false, problems } : { ok: true, values };
}
