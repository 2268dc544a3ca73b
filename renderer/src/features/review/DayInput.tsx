/**
 * A day typed as the user writes it (German TT.MM.JJJJ), not the browser's date field: Chromium
 * draws `<input type=date>` in the browser's language and order, whatever Fieldmeter speaks. The
 * number keypad opens on a tablet; the ISO day the filter uses is shown beneath, or why the text is
 * no day (shared/i18n/day.ts).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPattern, formatDay, parseDay } from '../../../../shared/i18n/day';
import { useFormat } from '../../lib/format';

export function DayInput(props: {
  label: string;
  testId: string;
  value: string | undefined;
  onChange(day: string): void;
  /** The field's style where the review section's sheet is not loaded (the optical panel's `input`). */
  inputClassName?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const [text, setText] = useState(() => formatDay(props.value ?? '', locale));
  // A value set elsewhere (filter reset, language change) is shown in the user's format.
  useEffect(
    () => setText((old) => (parseDay(old, locale) === (props.value ?? '') && old ? old : formatDay(props.value ?? '', locale))),
    [props.value, locale],
  );
  const { order, separator } = dayPattern(locale);
  const placeholder = order.map((part) => t(`review.dayParts.${part}`)).join(separator);
  const parsed = text.trim() ? parseDay(text, locale) : '';
  const hintId = `${props.testId}-day`;

  const change = (next: string) => {
    setText(next);
    const day = next.trim() ? parseDay(next, locale) : '';
    if (day !== null) props.onChange(day);
  };

  return (
    <label>
      {props.label}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={props.inputClassName ?? 'review-input'}
        data-testid={props.testId}
        placeholder={placeholder}
        aria-invalid={parsed === null}
        aria-describedby={hintId}
        value={text}
        onChange={(e) => change(e.target.value)}
      />
      <small id={hintId} className={parsed === null ? 'wo-error' : 'muted'} data-testid={hintId} data-iso={parsed ?? ''}>
        {parsed === null
          ? t('review.dayInvalid', { format: placeholder })
          : parsed
            ? t('review.dayIso', { iso: parsed })
            : t('review.dayNone')}
      </small>
    </label>
  );
}
