/**
 * The end of a finished visit (issue 24 §2–3): the signature (or why there is none), then the
 * receipt in the customer's language — made on the Node side, downloaded through the web host or
 * saved with the desktop app's dialog. Refetched when the evidence topic changes.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { RECEIPT_DOWNLOAD_PATH, receiptLanguages, type ReceiptLanguage, type VisitRef } from '../../../../shared/evidence/visit';
import { api, onTopics, transport } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { SignatureForm } from './SignatureForm';
import '../../styles/evidence.css';

type Evidence = MethodOutput<'evidence.get'>;
type Receipt = MethodOutput<'evidence.receiptSwitch'>;

export function VisitEvidence({ visit }: { visit: VisitRef }) {
  const { t, i18n } = useTranslation();
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [language, setLanguage] = useState<ReceiptLanguage>(i18n.language === 'de' ? 'de' : 'en');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Receipt | null>(null);
  const [savedTo, setSavedTo] = useState<string | null>(null);

  const { kind, id } = visit;
  // By kind and id, not the object: a parent's new object each render must not refetch.
  const load = useCallback(() => {
    void api['evidence.get']({ visit: { kind, id } }).then((r) => (r.ok ? setEvidence(r.value) : setProblem(errorText(r.error))));
  }, [kind, id]);
  useEffect(() => {
    load();
    return onTopics(['evidence'], load);
  }, [load]);

  const receipt = async () => {
    setBusy(true);
    setProblem(null);
    setSavedTo(null);
    const r =
      visit.kind === 'switchOrder'
        ? await api['evidence.receiptSwitch']({ switchOrderId: visit.id, language })
        : await api['evidence.receiptWorkOrder']({ workOrderId: visit.id, language });
    if (!r.ok) {
      setBusy(false);
      return setProblem(errorText(r.error));
    }
    setMade(r.value);
    const saved = transport.download
      ? await transport.download(`${RECEIPT_DOWNLOAD_PATH}${encodeURIComponent(r.value.fileName)}`)
      : await api['evidence.saveReceiptAs']({ fileName: r.value.fileName }).then((s) =>
          s.ok ? { ok: true as const, value: { fileName: s.value.path ?? '' } } : s,
        );
    setBusy(false);
    if (!saved.ok) return setProblem(errorText(saved.error));
    if (saved.value.fileName && !transport.download) setSavedTo(saved.value.fileName);
  };

  if (!evidence)
    return problem ? (
      <p role="alert" className="wo-error">
        {problem}
      </p>
    ) : null;
  const s = evidence.signature;
  return (
    <section className="ev-panel" data-testid="visit-evidence" aria-label={t('evidence.title')}>
      <h3>{t('evidence.title')}</h3>
      {s ? (
        <p className="wo-ok" data-testid="signature-done">
          {t(`evidence.done.${s.status}`, { name: s.signerName, when: formatDateTime(s.signedAt, i18n.language) })}
        </p>
      ) : (
        <SignatureForm visit={visit} onSigned={load} />
      )}
      {s && (
        <>
          <label className="wo-field">
            {t('evidence.language')}
            <select data-testid="receipt-language" value={language} onChange={(e) => setLanguage(e.target.value as ReceiptLanguage)}>
              {receiptLanguages.map((l) => (
                <option key={l} value={l}>
                  {t(`evidence.languages.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="wo-actions">
            <button type="button" className="button primary" data-testid="receipt-make" disabled={busy} onClick={() => void receipt()}>
              {busy ? t('evidence.making') : t('evidence.receipt')}
            </button>
          </div>
          {made && <p data-testid="receipt-made">{t('evidence.made', { file: made.fileName, code: made.code })}</p>}
          {made?.sending && (
            <p className={made.sending === 'noDocumentEndpoint' ? 'muted' : 'wo-ok'} data-testid="receipt-sending">
              {t(`evidence.sending.${made.sending}`)}
            </p>
          )}
          {savedTo && <p className="wo-ok">{t('evidence.saved', { path: savedTo })}</p>}
        </>
      )}
      {problem && (
        <p role="alert" className="wo-error" data-testid="evidence-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
