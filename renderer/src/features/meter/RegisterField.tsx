/**
 * One register: what it is, what it showed last time, a large input for today's value, and,
 * as the value is typed, its problem or the warnings of the history check with their numbers.
 */
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../../shared/contract/entities';
import { formatDate, formatPattern, formatValue } from '../../lib/format';
import { ConfirmValue } from './ConfirmValue';
import { warningNeedsConfirmation, type RegisterAssessment, type RegisterEntry } from './readingChecks';
import type { DraftProblem } from './readingDraft';
import { useWarningText } from './useWarningText';
import { useRegisterName } from '../../lib/registerName';

interface Props {
  register: Register;
  locale: string;
  entry: RegisterEntry;
  assessment: RegisterAssessment;
  /** After a save attempt an empty field is a problem too; while typing it is not. */
  attempted: boolean;
  inputRef: Ref<HTMLInputElement>;
  againRef: Ref<HTMLInputElement>;
  onChange(patch: Partial<RegisterEntry>): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  onConfirmKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

function useProblemText() {
  const { t } = useTranslation();
  return (problem: DraftProblem, value: string): string => {
    switch (problem.kind) {
      case 'empty':
        return t('reading.problem.empty');
      case 'negative':
        return t('reading.problem.negative', { value });
      case 'notANumber':
        return t('reading.problem.notANumber', { value });
      case 'tooManyDials':
        return t('reading.problem.tooManyDials', { value, digits: problem.digits, dials: problem.dials });
      case 'tooManyDecimals':
        return t('reading.problem.tooManyDecimals', { value, digits: problem.digits, decimals: problem.decimals });
    }
  };
}

export function RegisterField({
  register,
  locale,
  entry,
  assessment,
  attempted,
  inputRef,
  againRef,
  onChange,
  onKeyDown,
  onConfirmKeyDown,
}: Props) {
  const { t } = useTranslation();
  const nameOf = useRegisterName();
  const problemText = useProblemText();
  const warningText = useWarningText(locale);
  const inputId = `register-${register.id}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const problem = assessment.problem && (assessment.problem.kind !== 'empty' || attempted) ? assessment.problem : null;
  const tone = problem ? ' has-problem' : assessment.needsConfirmation ? ' has-warning' : '';
  return (
    <div className={`register${tone}`} data-testid="register" data-register-id={register.id}>
      <label className="register-label" htmlFor={inputId}>
        {nameOf(register.label, register.readingType)} <span className="unit">({register.unit})</span>
      </label>
      <p className="register-hint" id={hintId}>
        {t('reading.format', {
          dials: t('reading.dials', { count: register.dials }),
          decimals: t('reading.decimals', { count: register.decimals }),
          pattern: formatPattern(register.dials, register.decimals, locale),
        })}
      </p>
      <p
        className="register-last"
        data-testid="register-last"
        data-value={register.lastValue ?? ''}
        data-read-at={register.lastReadAt ?? ''}
        data-average-daily-use={register.averageDailyUse ?? ''}
        data-decimals={register.decimals}
      >
        {register.lastValue !== null ? (
          <>
            {t('reading.last')}: <strong>{formatValue(register.lastValue, locale, register.decimals)}</strong> {register.unit}
            {register.lastReadAt && <> · {formatDate(register.lastReadAt, locale)}</>}
          </>
        ) : (
          t('reading.noLast')
        )}
      </p>
      <input
        ref={inputRef}
        id={inputId}
        className="register-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="next"
        value={entry.text}
        placeholder={formatPattern(register.dials, register.decimals, locale)}
        aria-describedby={problem || assessment.warnings.length ? `${hintId} ${errorId}` : hintId}
        aria-invalid={problem ? true : undefined}
        data-testid="register-input"
        data-register-id={register.id}
        onChange={(e) => onChange({ text: e.currentTarget.value })}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p className="field-error" id={errorId} role="alert" data-testid="register-error">
          {problemText(problem, entry.text.trim())}
        </p>
      )}
      {!problem && assessment.warnings.length > 0 && (
        <ul className="warnings" id={errorId} aria-live="polite" data-testid="register-warnings">
          {assessment.warnings.map((w) => (
            <li
              key={w.kind}
              className={`warning ${warningNeedsConfirmation(w) ? 'strong' : 'note'}`}
              data-testid="register-warning"
              data-kind={w.kind}
            >
              <span aria-hidden="true">{warningNeedsConfirmation(w) ? '!' : 'i'}</span> {warningText(w, register.unit)}
            </li>
          ))}
        </ul>
      )}
      {!problem && assessment.usage !== null && !assessment.warnings.length && (
        <p className="register-usage" data-testid="register-usage">
          {t('reading.usage', { usage: formatValue(assessment.usage, locale), unit: register.unit })}
        </p>
      )}
      {!problem && assessment.needsConfirmation && (
        <ConfirmValue
          register={register}
          locale={locale}
          entry={entry}
          assessment={assessment}
          againRef={againRef}
          onChange={onChange}
          onKeyDown={onConfirmKeyDown}
        />
      )}
    </div>
  );
}
