/**
 * The final readings of the meter taken out and the initial readings of the one put in (issue 17
 * §3): each register as on a route read — its last reading, unit and dials beside the field, the
 * same live check (readingChecks `assessRegister`, the rule the Node side applies again), and a
 * confirmation (typed again, or a reason) for a value out of range. Enter moves to the next
 * register and, after the last one, to the rest of the step (seals): it never leaves the step.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confirmation, Register } from '../../../../shared/contract/entities';
import { useAppStore } from '../../app/appStore';
import { assessRegister, emptyEntry, type ConfirmReason, type RegisterAssessment, type RegisterEntry } from '../meter/readingChecks';
import { RegisterField } from '../meter/RegisterField';

export type Entries = Readonly<Record<number, RegisterEntry>>;

/** What Finish sends for these registers, or the label of the first one not settled yet. */
export type JobValues =
  { values: { registerId: number; value: string; confirmation?: Confirmation }[] } | { unsettled: string; registerId: number };

export function useJobAssessments(registers: readonly Register[], entries: Entries, locale: string) {
  const { t } = useTranslation();
  const validation = useAppStore((s) => s.info?.validation);
  const reasonLabel = (code: ConfirmReason) => t(`confirm.reasons.${code}`);
  const readAt = new Date().toISOString();
  return new Map(
    registers.map((r) => [r.id, assessRegister(r, entries[r.id] ?? emptyEntry, locale, readAt, reasonLabel, undefined, validation)]),
  );
}

export function jobValues(registers: readonly Register[], assessments: ReadonlyMap<number, RegisterAssessment>): JobValues {
  const values: { registerId: number; value: string; confirmation?: Confirmation }[] = [];
  for (const r of registers) {
    const a = assessments.get(r.id);
    if (!a || a.value === null || (a.needsConfirmation && !a.confirmation)) return { unsettled: r.label, registerId: r.id };
    values.push({ registerId: r.id, value: a.value, ...(a.confirmation ? { confirmation: a.confirmation } : {}) });
  }
  return { values };
}

interface Props {
  registers: readonly Register[];
  entries: Entries;
  assessments: ReadonlyMap<number, RegisterAssessment>;
  locale: string;
  attempted: boolean;
  onChange(registerId: number, patch: Partial<RegisterEntry>): void;
  /** Enter on the last register once it is settled: the step's next field takes the keyboard. */
  onPastLast(): void;
}

export function JobReadings({ registers, entries, assessments, locale, attempted, onChange, onPastLast }: Props) {
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const agains = useRef(new Map<number, HTMLInputElement>());

  const advance = (index: number, from: 'value' | 'confirm') => {
    const register = registers[index];
    const a = register && assessments.get(register.id);
    if (!register || !a || a.value === null) return;
    if (a.needsConfirmation && !a.confirmation) {
      if (from === 'value') agains.current.get(register.id)?.focus();
      return;
    }
    const next = registers[index + 1];
    if (next) inputs.current.get(next.id)?.focus();
    else onPastLast();
  };
  const keys = (index: number, from: 'value' | 'confirm') => (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter') return;
    // Never the form's submit: Enter in a reading must not skip the seals of this step.
    event.preventDefault();
    advance(index, from);
  };

  return (
    <div className="job-readings" data-testid="job-readings">
      {registers.map((r, i) => (
        <RegisterField
          key={r.id}
          register={r}
          locale={locale}
          entry={entries[r.id] ?? emptyEntry}
          assessment={assessments.get(r.id) ?? assessRegisterFallback}
          attempted={attempted}
          inputRef={(el) => void (el ? inputs.current.set(r.id, el) : inputs.current.delete(r.id))}
          againRef={(el) => void (el ? agains.current.set(r.id, el) : agains.current.delete(r.id))}
          onChange={(patch) => onChange(r.id, patch)}
          onKeyDown={keys(i, 'value')}
          onConfirmKeyDown={keys(i, 'confirm')}
        />
      ))}
    </div>
  );
}

const assessRegisterFallback: RegisterAssessment = {
  value: null,
  problem: null,
  usage: null,
  warnings: [],
  needsConfirmation: false,
  again: 'none',
  confirmation: null,
};
