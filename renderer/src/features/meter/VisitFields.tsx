/**
 * The parts of a visit besides the values: the serial read off the meter (a barcode scanner
 * types it, then Enter), a note (needed when the serial does not match), and photos.
 */
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterDetail } from '../../../../shared/contract/entities';
import { PhotoInput } from '../photos/PhotoInput';
import { serialMismatch, useMeterStore } from './meterStore';
import { useWarningText } from './useWarningText';

export function SerialField({ detail, locale, onEnter }: { detail: MeterDetail; locale: string; onEnter(): void }) {
  const { t } = useTranslation();
  const observed = useMeterStore((s) => s.observedSerial);
  const setVisit = useMeterStore((s) => s.setVisit);
  const warningText = useWarningText(locale);
  const mismatch = serialMismatch(detail, observed);
  return (
    <div className={`serial-check${mismatch ? ' has-warning' : ''}`}>
      <label className="field-label" htmlFor="observed-serial">
        {t('visit.serial')} <span className="muted">({t('visit.optional')})</span>
      </label>
      <input
        id="observed-serial"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={observed}
        placeholder={detail.meterSerial}
        data-testid="observed-serial"
        aria-invalid={mismatch ? true : undefined}
        onChange={(e) => setVisit({ observedSerial: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      {mismatch && (
        <p className="warning strong" role="alert" data-testid="serial-warning">
          ! {warningText({ kind: 'serialMismatch', expected: detail.meterSerial, observed: observed.trim() }, '')}{' '}
          {t('visit.serialNeedsNote')}
        </p>
      )}
      {!mismatch && observed.trim() && (
        <p className="confirm-ok" data-testid="serial-ok">
          ✓ {t('visit.serialOk')}
        </p>
      )}
    </div>
  );
}

interface NoteProps {
  detail: MeterDetail;
  noteRef: Ref<HTMLInputElement>;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

export function NoteAndPhotos({ detail, noteRef, onKeyDown }: NoteProps) {
  const { t } = useTranslation();
  const note = useMeterStore((s) => s.note);
  const photos = useMeterStore((s) => s.photos);
  const observed = useMeterStore((s) => s.observedSerial);
  const attempted = useMeterStore((s) => s.attempted);
  const setVisit = useMeterStore((s) => s.setVisit);
  const addPhoto = useMeterStore((s) => s.addPhoto);
  const noteRequired = serialMismatch(detail, observed);
  const missing = noteRequired && attempted && !note.trim();
  return (
    <div className="visit-extras">
      <label className="field">
        <span className="field-label">
          {t('visit.note')}{' '}
          {noteRequired ? (
            <strong className="required">({t('visit.required')})</strong>
          ) : (
            <span className="muted">({t('visit.optional')})</span>
          )}
        </span>
        <input
          ref={noteRef}
          type="text"
          value={note}
          maxLength={2000}
          data-testid="visit-note"
          aria-invalid={missing ? true : undefined}
          onChange={(e) => setVisit({ note: e.currentTarget.value })}
          onKeyDown={onKeyDown}
        />
      </label>
      {missing && (
        <p className="field-error" role="alert" data-testid="note-error">
          {t('visit.noteNeeded')}
        </p>
      )}
      <PhotoInput usagePointId={detail.usagePointId} photos={photos} onAdded={addPhoto} testId="reading-photo" />
    </div>
  );
}
