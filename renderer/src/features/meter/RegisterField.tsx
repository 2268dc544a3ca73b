/** One register: what it is, what it showed last time, and a large input for today's value. */
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../../shared/contract/entities';
import { formatDate, formatPattern, formatValue } from '../../lib/format';
import type { DraftProblem } from './readingDraft';

interface Props {
  register: Register;
  locale: string;
  value: string;
  problem: DraftProblem | undefined;
  inputRef: Ref<HTMLInputElement>;
  onChange(text: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

function useProblemText() {
  const { t } = useTranslation();
  return (problem: DraftProblem, value: string): string => {
    switch (problem.kind) {
      case 'empty':
        return t('reading.problem.empty');
      case 'notANumber':
        return t('reading.problem.notANumber', { value });
      case 'tooManyDials':
        return t('reading.problem.tooManyDials', { value, digits: problem.digits, dials: problem.dials });
      case 'tooManyDecimals':
        return t('reading.problem.tooManyDecimals', { value, digits: problem.digits, decimals: problem.decimals });
    }
  };
}

export function RegisterField({ register, locale, value, problem, inputRef, onChange, onKeyDown }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const inputId = `register-${register.id}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={`register${problem ? ' has-problem' : ''}`} data-testid="register" data-register-id={register.id}>
      <label className="register-label" htmlFor={inputId}>
        {register.label} <span className="unit">({register.unit})</span>
      </label>
      <p className="register-hint" id={hintId}>
        {t('reading.format', {
          dials: t('reading.dials', { count: register.dials }),
          decimals: t('reading.decimals', { count: register.decimals }),
          pattern: formatPattern(register.dials, register.decimals, locale),
        })}
      </p>
      <p className="register-last" data-testid="register-last" data-value={register.lastValue ?? ''}>
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
        value={value}
        placeholder={formatPattern(register.dials, register.decimals, locale)}
        aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
        aria-invalid={problem ? true : undefined}
        data-testid="register-input"
        data-register-id={register.id}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p className="field-error" id={errorId} role="alert" data-testid="register-error">
          {problemText(problem, value.trim())}
        </p>
      )}
    </div>
  );
}
