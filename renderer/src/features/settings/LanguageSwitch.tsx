/** English / Deutsch. Saved with settings.setLocale, so the next start uses it too. */
import { useTranslation } from 'react-i18next';
import { locales } from '../../../../shared/contract/api';
import { useAppStore, useLocale } from '../../app/appStore';

const names: Record<(typeof locales)[number], string> = { en: 'English', de: 'Deutsch' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const setLocale = useAppStore((s) => s.setLocale);
  const error = useAppStore((s) => s.localeError);
  return (
    <div className="language-switch" role="group" aria-label={t('settings.language')}>
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`button segment${l === locale ? ' selected' : ''}`}
          aria-pressed={l === locale}
          data-testid={`locale-${l}`}
          onClick={() => void setLocale(l)}
        >
          {names[l]}
        </button>
      ))}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
