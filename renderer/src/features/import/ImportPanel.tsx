/** Progress and outcome of a route import; a refused file lists every problem by line and column. */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportStore } from './importStore';
import type { ImportProblem } from '../../../../shared/contract/entities';
import i18next from 'i18next';

/** A problem's words in the reader's language, from its code and details (shared/i18n/importWords.ts). */
function problemText(problem: ImportProblem): string {
  const key = `errors.importProblem.${problem.code}`;
  return i18next.exists(key) ? i18next.t(key as never, problem.details ?? {}) : i18next.t('errors.code.VALIDATION' as never);
}

export function ImportPanel() {
  const { t } = useTranslation();
  const s = useImportStore();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (s.status !== 'idle' && s.status !== 'importing') dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [s.status]);

  if (s.status === 'idle') return null;
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && s.status !== 'importing') s.dismiss();
  };

  return (
    <div className="overlay" onKeyDown={closeOnEscape}>
      <div
        ref={dialog}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-panel"
        data-import-status={s.status}
      >
        {s.status === 'importing' && (
          <p id="import-title" className="dialog-title" aria-busy="true">
            {t('import.importing', { fileName: s.fileName })}
          </p>
        )}

        {s.status === 'rejected' && (
          <>
            <h2 id="import-title" className="dialog-title">
              {t('import.rejectedTitle', { fileName: s.fileName })}
            </h2>
            <p data-testid="import-message">{s.message}</p>
            <ol className="problem-list" data-testid="import-problems" aria-label={t('import.problemsLabel')}>
              {s.problems.map((p, i) => (
                <li key={`${p.line}-${p.column ?? ''}-${i}`} data-testid="import-problem" data-line={p.line}>
                  <span className="problem-line">{t('import.line', { line: p.line })}</span>
                  {p.column && <span className="problem-column">{p.column}</span>}
                  <span className="problem-reason">{problemText(p)}</span>
                </li>
              ))}
            </ol>
            {s.totalProblems > s.problems.length && <p>{t('import.moreProblems', { shown: s.problems.length, total: s.totalProblems })}</p>}
            <div className="dialog-actions">
              <button type="button" className="button" data-testid="import-cancel" data-autofocus onClick={s.dismiss}>
                {t('import.cancel')}
              </button>
              {s.validRows > 0 && (
                <button type="button" className="button primary" data-testid="import-accept-valid" onClick={() => void s.importValidRows()}>
                  {t('import.acceptValid', { count: s.validRows })}
                </button>
              )}
            </div>
          </>
        )}

        {s.status === 'done' && s.summary && (
          <>
            <h2 id="import-title" className="dialog-title">
              {t('import.doneTitle', { fileName: s.fileName })}
            </h2>
            <p data-testid="import-summary">
              {t('import.doneSummary', {
                count: s.summary.usagePoints,
                registers: s.summary.registers,
                routes: s.summary.routes.join(', '),
              })}
            </p>
            {s.summary.meterKeys !== undefined && <p data-testid="import-keys">{t('import.keysKept', { count: s.summary.meterKeys })}</p>}
            {s.summary.skippedRows.length > 0 && (
              <>
                <p>{t('import.skipped', { count: s.summary.skippedRows.length })}</p>
                <ol className="problem-list">
                  {s.summary.skippedRows.map((p, i) => (
                    <li key={`${p.line}-${i}`} data-testid="import-skipped">
                      <span className="problem-line">{t('import.line', { line: p.line })}</span>
                      {p.column && <span className="problem-column">{p.column}</span>}
                      <span className="problem-reason">{problemText(p)}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
            <CloseActions label={t('import.close')} onClose={s.dismiss} />
          </>
        )}

        {s.status === 'failed' && (
          <>
            <h2 id="import-title" className="dialog-title">
              {t('import.failedTitle', { fileName: s.fileName })}
            </h2>
            <p role="alert" data-testid="import-message">
              {s.message ?? t('import.unreadable')}
            </p>
            <CloseActions label={t('import.close')} onClose={s.dismiss} />
          </>
        )}
      </div>
    </div>
  );
}

/** The one way out of a finished or failed import: focused at once, so Enter closes it. */
function CloseActions({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button primary" data-testid="import-close" data-autofocus onClick={onClose}>
        {label}
      </button>
    </div>
  );
}
