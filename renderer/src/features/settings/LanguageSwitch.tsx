/** English / Deutsch (EN / DE). Saved with settings.setLocale, so the next start uses it too. */
import { useTranslation } from 'react-i18next';
import { locales } from '../../../../shared/contract/api';
import { useAppStore, useLocale } from '../../app/appStore';

const names: Record<(typeof locales)[number], string> = { en: 'English', de: 'Deutsch' };
/**
 * Short labels keep the header on one line at 1280 px; the full name follows, hidden, so that the
 * accessible name holds the visible label (WCAG 2.5.3 Label in Name: "click EN" works by voice).
 */
const short: Record<(typeof locales)[number], string> = { en: 'EN', de: 'DE' };

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
          title={names[l]}
          onClick={() => void setLocale(l)}
        >
          {short[l]}
          <span className="visually-hidden"> – {names[l]}</span>
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
