/**
 * The open meter: hazards and access notes first, then the reading form, then photos and
 * history. Keyboard-first: Enter moves to the next register (or to "Type it again" when the
 * value is out of range) and, on the last one, saves and opens the next meter on the route;
 * Alt+K opens "Can't read"; Escape returns to the list.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useLocale } from '../../app/appStore';
import { useNavStore } from '../../app/navStore';
import { PaneBack } from '../../app/PaneBack';
import { MeterHistory } from '../history/MeterHistory';
import { OpticalPanel } from '../optical/OpticalPanel';
import { HanPanel } from '../han/HanPanel';
import { MeterPhotos } from '../photos/MeterPhotos';
import { focusMeterList } from '../meters/MeterListPanel';
import { SkipDialog } from '../skip/SkipDialog';
import { useSkipStore } from '../skip/skipStore';
import { MeterBanner } from './MeterBanner';
import { useMeterStore, type FocusTarget } from './meterStore';
import { assessRegister, emptyEntry, type ConfirmReason } from './readingChecks';
import { RegisterField } from './RegisterField';
import { SaveStatus } from './SaveStatus';
import { NoteAndPhotos, SerialField } from './VisitFields';

export const SKIP_SHORTCUT = { key: 'k', label: 'Alt+K' } as const;

export function ReadingPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const validation = useAppStore((s) => s.info?.validation);
  const usagePointId = useNavStore((s) => s.usagePointId);
  const openMeter = useNavStore((s) => s.openMeter);
  const closeMeter = useNavStore((s) => s.closeMeter);
  const m = useMeterStore();
  const openSkip = useSkipStore((s) => s.open);
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const agains = useRef(new Map<number, HTMLInputElement>());
  const note = useRef<HTMLInputElement>(null);
  const detail = m.detail;
  const reasonLabel = (code: ConfirmReason) => t(`confirm.reasons.${code}`);

  useEffect(() => void m.load(usagePointId), [usagePointId, m.load]);

  // A newly opened meter takes the keyboard: the first register is ready for typing.
  const shownId = detail?.usagePointId;
  useEffect(() => {
    const first = detail?.registers[0];
    if (first) inputs.current.get(first.id)?.focus();
    // Only when another meter is shown, not after every refetch of the same one.
  }, [shownId]);

  // Alt+K: "Can't read", from anywhere while a meter is open.
  useEffect(() => {
    if (!shownId) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === SKIP_SHORTCUT.key) {
        event.preventDefault();
        openSkip(shownId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shownId, openSkip]);

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
  if (!detail) return <section className="panel reading-panel" aria-busy="true" />;

  const readAt = new Date().toISOString();
  const assessments = new Map(
    detail.registers.map((r) => [
      r.id,
      assessRegister(r, m.entries[r.id] ?? emptyEntry, locale, readAt, reasonLabel, m.serverWarnings[r.id], validation),
    ]),
  );

  const focus = (target: FocusTarget) => {
    if (target === 'note') note.current?.focus();
    else (target.field === 'again' ? agains.current : inputs.current).get(target.registerId)?.focus();
  };

  const save = async () => {
    const outcome = await m.save(locale, reasonLabel);
    if (outcome.kind === 'focus') focus(outcome.target);
    else if (outcome.kind === 'saved') {
      // The walk goes on: the next stop opens with its first register focused.
      if (outcome.nextId) openMeter(outcome.nextId);
      else void m.reload();
    }
  };

  /** Enter on a register, or on its confirmation: go on if this register is settled. */
  const advance = (index: number, from: 'value' | 'confirm') => {
    const register = detail.registers[index];
    if (!register) return;
    const a = assessments.get(register.id);
    if (!a || a.value === null) {
      // The problem is already at the field; an empty one is named now.
      useMeterStore.setState({ attempted: true });
      return;
    }
    if (a.needsConfirmation && !a.confirmation) {
      if (from === 'value') focus({ registerId: register.id, field: 'again' });
      return;
    }
    const next = detail.registers[index + 1];
    if (next) inputs.current.get(next.id)?.focus();
    else void save();
  };

  const keys = (index: number, from: 'value' | 'confirm') => (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLSelectElement)) {
      event.preventDefault();
      advance(index, from);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      focusMeterList();
    }
  };

  return (
    <section
      className="panel reading-panel"
      aria-labelledby="meter-title"
      data-testid="reading-form"
      data-usage-point-id={detail.usagePointId}
      data-status={detail.status}
    >
      <PaneBack label={t('panes.backToMeters')} testId="back-to-list" onBack={closeMeter} />
      <header className="meter-header">
        <p className="meter-seq-label">
          {t('reading.stop', { sequence: detail.sequence })}
          <span className={`status-chip status-${detail.status}`} data-testid="meter-status">
            {t(`status.${detail.status}`)}
          </span>
        </p>
        <h2 id="meter-title" className="meter-title" data-testid="meter-address">
          {detail.address}
        </h2>
        <p className="meter-ids-line">
          {t('reading.serial')} <strong data-testid="meter-serial">{detail.meterSerial}</strong> · {t('reading.usagePoint')}{' '}
          {detail.usagePointId}
          {detail.accountId && (
            <>
              {' '}
              · {t('reading.account')} {detail.accountId}
            </>
          )}
        </p>
      </header>
      <MeterBanner detail={detail} locale={locale} />
      <SaveStatus detail={detail} locale={locale} />
      <form
        className="registers"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <OpticalPanel detail={detail} locale={locale} />
        <HanPanel usagePointId={detail.usagePointId} />
        <SerialField
          detail={detail}
          locale={locale}
          onEnter={() => detail.registers[0] && inputs.current.get(detail.registers[0].id)?.focus()}
        />
        {detail.registers.map((register, index) => (
          <RegisterField
            key={register.id}
            register={register}
            locale={locale}
            entry={m.entries[register.id] ?? emptyEntry}
            assessment={assessments.get(register.id)!}
            attempted={m.attempted}
            inputRef={(el) => {
              if (el) inputs.current.set(register.id, el);
              else inputs.current.delete(register.id);
            }}
            againRef={(el) => {
              if (el) agains.current.set(register.id, el);
              else agains.current.delete(register.id);
            }}
            onChange={(patch) => m.setEntry(register.id, patch)}
            onKeyDown={keys(index, 'value')}
            onConfirmKeyDown={keys(index, 'confirm')}
          />
        ))}
        <NoteAndPhotos
          detail={detail}
          noteRef={note}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            }
          }}
        />
        {m.saveError && (
          <p className="inline-error" role="alert" data-testid="save-error">
            {m.saveError}
          </p>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            data-testid="previous-meter"
            aria-label={t('reading.previousMeter')}
            disabled={!detail.previousId}
            onClick={() => detail.previousId && openMeter(detail.previousId)}
          >
            ←
          </button>
          <button
            type="button"
            className="button skip-button"
            data-testid="skip-button"
            aria-keyshortcuts="Alt+K"
            onClick={() => openSkip(detail.usagePointId)}
          >
            {t('skip.action')} <kbd>{SKIP_SHORTCUT.label}</kbd>
          </button>
          <button type="submit" className="button primary" data-testid="save-reading" disabled={m.saving}>
            {m.saving ? t('reading.saving') : t('reading.save')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="next-meter"
            aria-label={t('reading.nextMeter')}
            disabled={!detail.nextId}
            onClick={() => detail.nextId && openMeter(detail.nextId)}
          >
            →
          </button>
        </div>
      </form>
      <MeterPhotos usagePointId={detail.usagePointId} version={detail} locale={locale} />
      <MeterHistory detail={detail} locale={locale} />
      <SkipDialog
        detail={detail}
        onSkipped={(skippedAt) => {
          useMeterStore.setState({
            lastSaved: {
              kind: 'skipped',
              usagePointId: detail.usagePointId,
              routeId: detail.routeId,
              nextId: detail.nextId,
              sequence: detail.sequence,
              readAt: skippedAt,
            },
          });
          if (detail.nextId) openMeter(detail.nextId);
          else void m.reload();
        }}
      />
    </section>
  );
}
