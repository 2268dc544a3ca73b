/** i18next with the English and German catalogs; the language comes from app.info and settings.setLocale. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { locales } from '../../../shared/contract/api';
import { de } from './de';
import { en } from './en';

export type Locale = (typeof locales)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export async function changeLanguage(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export { i18next };
