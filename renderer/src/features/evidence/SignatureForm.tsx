/**
 * Who signs at the end of a visit (issue 24 §2): the customer (signs and types their name), the
 * customer declined (recorded as such, no image), or no one was home (the technician signs).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signatureStatuses, type SignatureStatus, type VisitRef } from '../../../../shared/evidence/visit';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { SignaturePad, type SignatureHandle } from './SignaturePad';

export function SignatureForm({ visit, onSigned }: { visit: VisitRef; onSigned: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SignatureStatus>('signed');
  const [name, setName] = useState('');
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pad = useRef<SignatureHandle | null>(null);
  const drawn = status !== 'declined';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (drawn && (pad.current?.isEmpty() ?? true)) return setProblem(t('evidence.empty'));
    const signature =
      status === 'declined' ? { status, signerName: name } : { status, signerName: name, imageBase64: pad.current?.pngBase64() ?? '' };
    setBusy(true);
    const r =
      visit.kind === 'switchOrder'
        ? await api['evidence.signSwitch']({ switchOrderId: visit.id, signature })
        : await api['evidence.signWorkOrder']({ workOrderId: visit.id, signature });
    setBusy(false);
    if (!r.ok) return setProblem(errorText(r.error));
    onSigned();
  };

  return (
    <form className="ev-panel" data-testid="signature-form" onSubmit={(e) => void save(e)}>
      <fieldset className="ev-choices">
        <legend>{t('evidence.who')}</legend>
        {signatureStatuses.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="signature-status"
              value={s}
              data-testid={`signature-status-${s}`}
              checked={status === s}
              onChange={() => setStatus(s)}
            />
            {t(`evidence.status.${s}`)}
          </label>
        ))}
      </fieldset>
      <label className="wo-field">
        {status === 'noOneHome'
          ? t('evidence.technicianName')
          : status === 'declined'
            ? t('evidence.declinedName')
            : t('evidence.signerName')}
        <input
          data-testid="signature-name"
          required={drawn}
          autoComplete="name"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      {drawn && <SignaturePad handle={pad} onChange={setEmpty} />}
      {problem && (
        <p role="alert" className="wo-error" data-testid="signature-problem">
          {problem}
        </p>
      )}
      <div className="wo-actions">
        <button type="submit" className="button primary" data-testid="signature-save" disabled={busy || (drawn && empty)}>
          {busy ? t('evidence.saving') : t('evidence.save')}
        </button>
      </div>
    </form>
  );
}
