/**
 * The reading form of the open meter. Keyboard-first: Enter moves to the next register and,
 * on the last one, saves; Escape returns to the list. All registers are saved as one visit.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/appStore';
import { useNavStore } from '../../app/navStore';
import { formatTime } from '../../lib/format';
import { focusMeterList } from '../meters/MeterListPanel';
import { useMeterStore } from './meterStore';
import { RegisterField } from './RegisterField';

export function ReadingPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const usagePointId = useNavStore((s) => s.usagePointId);
  const openMeter = useNavStore((s) => s.openMeter);
  const m = useMeterStore();
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const nextButton = useRef<HTMLButtonElement>(null);
  const detail = m.detail;

  useEffect(() => void m.load(usagePointId), [usagePointId, m.load]);

  // A newly opened meter takes the keyboard: the first register is ready for typing.
  const shownId = detail?.usagePointId;
  useEffect(() => {
    const first = detail?.registers[0];
    if (first) inputs.current.get(first.id)?.focus();
    // Only when another meter is shown, not after every refetch of the same one.
  }, [shownId]);

  if (!usagePointId) {
    return (
      <section className="panel reading-panel empty" data-testid="reading-empty">
        <p className="muted">{t('reading.choose')}</p>
      </section>
    );
  }
  if (m.loadError) {
    return (
      <section className="panel reading-panel">
        <p className="inline-error" role="alert" data-testid="meter-load-error">
          {m.loadError}
        </p>
      </section>
    );
  }
  if (!detail) {
    return <section className="panel reading-panel" aria-busy="true" />;
  }

  const save = async () => {
    const bad = await m.save(locale);
    if (bad !== null) inputs.current.get(bad)?.focus();
    // Saved: the keyboard moves on to the next meter (Enter opens it).
    else if (useMeterStore.getState().savedAt && nextButton.current && !nextButton.current.disabled) nextButton.current.focus();
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const next = detail.registers[index + 1];
      if (next) inputs.current.get(next.id)?.focus();
      else void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      focusMeterList();
    }
  };

  return (
    <section className="panel reading-panel" aria-labelledby="meter-title" data-testid="reading-form" data-usage-point-id={detail.usagePointId}>
      <header className="meter-header">
        <p className="meter-seq-label">{t('reading.stop', { sequence: detail.sequence })}</p>
        <h2 id="meter-title" className="meter-title" data-testid="meter-address">
          {detail.address}
        </h2>
        <p className="meter-ids-line">
          {t('reading.serial')} <strong data-testid="meter-serial">{detail.meterSerial}</strong> · {t('reading.usagePoint')} {detail.usagePointId}
        </p>
      </header>
      <form
        className="registers"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {detail.registers.map((register, index) => (
          <RegisterField
            key={register.id}
            register={register}
            locale={locale}
            value={m.drafts[register.id] ?? ''}
            problem={m.problems.get(register.id)}
            inputRef={(el) => {
              if (el) inputs.current.set(register.id, el);
              else inputs.current.delete(register.id);
            }}
            onChange={(text) => m.setDraft(register.id, text)}
            onKeyDown={onKeyDown(index)}
          />
        ))}
        <div className="status-line" aria-live="polite">
          {m.savedAt && (
            <p className="success" data-testid="save-status">
              ✓ {t('reading.savedAt', { time: formatTime(m.savedAt, locale) })}
            </p>
          )}
          {m.saveError && (
            <p className="inline-error" role="alert" data-testid="save-error">
              {m.saveError}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button" data-testid="previous-meter" aria-label={t('reading.previousMeter')} disabled={!detail.previousId} onClick={() => detail.previousId && openMeter(detail.previousId)}>
            ← {t('reading.previous')}
          </button>
          <button type="submit" className="button primary" data-testid="save-reading" disabled={m.saving}>
            {m.saving ? t('reading.saving') : t('reading.save')}
          </button>
          <button ref={nextButton} type="button" className="button" data-testid="next-meter" aria-label={t('reading.nextMeter')} disabled={!detail.nextId} onClick={() => detail.nextId && openMeter(detail.nextId)}>
            {t('reading.next')} →
          </button>
        </div>
      </form>
    </section>
  );
}
