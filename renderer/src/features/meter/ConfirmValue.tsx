/**
 * An out-of-range value is accepted in one of two ways: typed a second time, identically
 * ("Type it again", double entry), or confirmed with a reason (a common one and/or own words).
 */
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../../shared/contract/entities';
import { formatPattern } from '../../lib/format';
import { confirmReasons, type RegisterAssessment, type RegisterEntry } from './readingChecks';

interface Props {
  register: Register;
  locale: string;
  entry: RegisterEntry;
  assessment: RegisterAssessment;
  againRef: Ref<HTMLInputElement>;
  onChange(patch: Partial<RegisterEntry>): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

export function ConfirmValue({ register, locale, entry, assessment, againRef, onChange, onKeyDown }: Props) {
  const { t } = useTranslation();
  const againId = `register-${register.id}-again`;
  const againNote = assessment.again === 'mismatch' ? t('confirm.mismatch') : assessment.again === 'invalid' ? t('confirm.invalid') : null;
  return (
    <div className="confirm-value" data-testid="confirm-value" data-confirmed={assessment.confirmation?.method ?? 'none'}>
      <label className="confirm-label" htmlFor={againId}>
        {t('confirm.again')}
      </label>
      <input
        ref={againRef}
        id={againId}
        className={`register-input again${againNote ? ' invalid' : ''}${assessment.again === 'match' ? ' matched' : ''}`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={entry.again}
        placeholder={formatPattern(register.dials, register.decimals, locale)}
        aria-invalid={againNote ? true : undefined}
        data-testid="register-again"
        onChange={(e) => onChange({ again: e.currentTarget.value })}
        onKeyDown={onKeyDown}
      />
      {againNote && (
        <p className="field-error" role="alert" data-testid="again-error">
          {againNote}
        </p>
      )}
      {assessment.again === 'match' && (
        <p className="confirm-ok" data-testid="again-ok">
          ✓ {t('confirm.matched')}
        </p>
      )}
      <p className="confirm-or">{t('confirm.orReason')}</p>
      <div className="confirm-reason">
        <select
          aria-label={t('confirm.reasonLabel')}
          value={entry.reasonCode}
          data-testid="confirm-reason"
          onChange={(e) => onChange({ reasonCode: e.currentTarget.value })}
          onKeyDown={onKeyDown}
        >
          <option value="">{t('confirm.chooseReason')}</option>
          {confirmReasons.map((code) => (
            <option key={code} value={code}>
              {t(`confirm.reasons.${code}`)}
            </option>
          ))}
        </select>
        <input
          type="text"
          aria-label={t('confirm.reasonText')}
          placeholder={entry.reasonCode === 'other' ? t('confirm.reasonTextRequired') : t('confirm.reasonText')}
          value={entry.reasonText}
          maxLength={400}
          data-testid="confirm-reason-text"
          onChange={(e) => onChange({ reasonText: e.currentTarget.value })}
          onKeyDown={onKeyDown}
        />
      </div>
      {assessment.confirmation?.method === 'reason' && (
        <p className="confirm-ok" data-testid="reason-ok">
          ✓ {t('confirm.byReason', { reason: assessment.confirmation.reason })}
        </p>
      )}
    </div>
  );
}
