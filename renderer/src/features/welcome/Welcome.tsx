/** First run: nothing on this device yet. Offer the training route or a real route file. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAppStore } from '../../app/appStore';
import { openImportPicker } from '../import/ImportFileInput';
import { useRoutesStore } from '../routes/routesStore';
import { errorText } from '../../lib/errorText';

export function Welcome() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadDemo() {
    setBusy(true);
    setError(null);
    const result = await api['demo.load']({});
    if (!result.ok) {
      setError(errorText(result.error));
      setBusy(false);
      return;
    }
    await Promise.all([useRoutesStore.getState().load(), useAppStore.getState().refreshInfo()]);
  }

  return (
    <main className="welcome" data-testid="welcome">
      <h2>{t('welcome.title')}</h2>
      <p className="lead">{t('welcome.intro')}</p>
      <div className="welcome-actions">
        <button
          type="button"
          className="button primary big"
          data-testid="load-demo"
          disabled={busy}
          onClick={() => void loadDemo()}
          autoFocus
        >
          {busy ? t('welcome.loadingDemo') : t('welcome.loadDemo')}
          <span className="button-note">{t('welcome.loadDemoNote')}</span>
        </button>
        <button type="button" className="button big" data-testid="welcome-import" disabled={busy} onClick={openImportPicker}>
          {t('welcome.import')}
          <span className="button-note">{t('welcome.importNote')}</span>
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert" data-testid="welcome-error">
          {error}
        </p>
      )}
    </main>
  );
}
