/** Move-in, move-out, change of supplier (issue 9): take the switch reading, or say why it could not be taken. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { NoteAndSubmit, SwitchReadingFields, useSwitchReading } from './SwitchReading';
import { useSwitchingStore, type SwitchDetail } from './switchingStore';
import { errorText } from '../../lib/errorText';
import { PhotoInput } from '../photos/PhotoInput';
import type { PhotoDraft } from '../photos/photoUpload';

export function SwitchReadForm({ detail }: { detail: SwitchDetail }) {
  const { t } = useTranslation();
  const reading = useSwitchReading(detail);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<MethodOutput<'skipCodes.list'>>([]);
  const [reasonCode, setReasonCode] = useState('');
  const [photos, setPhotos] = useState<PhotoDraft[]>([]);
  useEffect(() => {
    void api['skipCodes.list']({}).then((r) => r.ok && setCodes(r.value));
  }, []);
  // What was said about the old values goes with them.
  useEffect(() => setProblem(null), [reading.values]);

  const done = async (call: Promise<{ ok: true } | { ok: false; error: { code: string; details?: unknown } }>) => {
    setBusy(true);
    const r = await call;
    setBusy(false);
    if (!r.ok) {
      reading.onRefusal(r.error);
      return setProblem(errorText(r.error));
    }
    void useSwitchingStore.getState().refresh();
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const part = reading.request();
    if ('bad' in part) return setProblem(part.bad);
    void done(api['switching.read']({ switchOrderId: detail.id, ...part, note, photoIds: photos.map((p) => p.photoId) }));
  };

  const notRead = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    void done(api['switching.notRead']({ switchOrderId: detail.id, reasonCode, note }));
  };

  return (
    <>
      <form className="wo-wizard" data-testid="sw-read-form" onSubmit={save}>
        <h3>{t('switching.read')}</h3>
        <SwitchReadingFields detail={detail} reading={reading} required />
        {/* The register photo: kept with the reading, and on the visit's receipt. */}
        <PhotoInput
          usagePointId={detail.usagePointId}
          photos={photos}
          onAdded={(p) => setPhotos((list) => [...list, p])}
          testId="sw-photo"
        />
        <NoteAndSubmit note={note} onNote={setNote} problem={problem} busy={busy} testId="sw-save" label={t('switching.save')} />
      </form>
      <form className="wo-wizard" data-testid="sw-not-read-form" onSubmit={notRead}>
        <h3>{t('switching.notReadTitle')}</h3>
        <label className="wo-field">
          {t('switching.notReadReason')}
          <select data-testid="sw-not-read-reason" required value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
            <option value="">{t('skip.chooseReason')}</option>
            {codes.map((c) => (
              <option key={c.code} value={c.code}>
                {t(`skip.codes.${c.code}`, { defaultValue: c.label })}
              </option>
            ))}
          </select>
        </label>
        <div className="wo-actions">
          <button type="submit" className="button" data-testid="sw-not-read" disabled={busy}>
            {t('switching.notReadSubmit')}
          </button>
        </div>
      </form>
    </>
  );
}
