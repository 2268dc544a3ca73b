/**
 * "Can't read": why the meter could not be read (skip code), a note, a photo as proof, and the
 * position if the device has one. A native modal <dialog>: focus stays inside, Escape cancels.
 * Saved with visits.skip; then the walk moves on to the next meter.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterDetail } from '../../../../shared/contract/entities';
import { skipCodeLabel } from '../../i18n/catalog';
import { PhotoInput } from '../photos/PhotoInput';
import { useSkipStore } from './skipStore';

export function SkipDialog({ detail, onSkipped }: { detail: MeterDetail; onSkipped(skippedAt: string): void }) {
  const { t, i18n } = useTranslation();
  const s = useSkipStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const isOpen = s.openFor === detail.usagePointId;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (isOpen && !el.open) {
      el.showModal();
      select.current?.focus();
    } else if (!isOpen && el.open) el.close();
  }, [isOpen]);

  const submit = async () => {
    if (!s.code) {
      select.current?.focus();
      return;
    }
    const at = new Date().toISOString();
    if (await s.save()) onSkipped(at);
  };

  return (
    <dialog
      ref={dialog}
      className="modal skip-dialog"
      aria-labelledby="skip-title"
      data-testid="skip-dialog"
      onCancel={(e) => {
        e.preventDefault();
        s.close();
      }}
    >
      {isOpen && (
        <form
          className="dialog skip-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2 id="skip-title" className="dialog-title">
            {t('skip.title', { sequence: detail.sequence, address: detail.address })}
          </h2>
          <label className="field">
            <span className="field-label">{t('skip.reason')}</span>
            <select
              ref={select}
              value={s.code}
              data-testid="skip-code"
              required
              aria-invalid={!s.code && s.error !== null ? true : undefined}
              onChange={(e) => s.set({ code: e.currentTarget.value })}
            >
              <option value="">{t('skip.chooseReason')}</option>
              {s.codes.map((c) => (
                <option key={c.code} value={c.code} lang={i18n.language}>
                  {skipCodeLabel(c.code, c.label)}
                </option>
              ))}
            </select>
          </label>
          {s.codesError && <p className="inline-error">{s.codesError}</p>}
          <label className="field">
            <span className="field-label">{t('skip.note')}</span>
            <input
              type="text"
              value={s.note}
              maxLength={2000}
              data-testid="skip-note"
              placeholder={t('skip.notePlaceholder')}
              onChange={(e) => s.set({ note: e.currentTarget.value })}
            />
          </label>
          <div className="field">
            <span className="field-label">{t('photos.proof')}</span>
            <PhotoInput usagePointId={detail.usagePointId} photos={s.photos} onAdded={s.addPhoto} testId="skip-photo" />
          </div>
          {s.error && (
            <p className="inline-error" role="alert" data-testid="skip-error">
              {s.error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" data-testid="skip-cancel" onClick={s.close}>
              {t('skip.cancel')}
            </button>
            <button type="submit" className="button primary" data-testid="skip-save" disabled={s.saving || !s.code}>
              {s.saving ? t('reading.saving') : t('skip.save')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
