/**
 * The language the main process speaks in (issue 16 §3). The person's choice is kept in the
 * database's settings (settings.setLocale), so the main process follows the same choice as the
 * window; app.info says English while none is stored, and so does the menu. Only where there is
 * no database to ask — the box that says it was refused, or that the start failed — is the
 * operating system's preferred language the best guess there is: German when it starts with `de`.
 */
import type { App } from 'electron';
import type { MainLanguage } from './mainWords';

export type LanguageSource =
  | { readonly database: 'open'; readonly stored: unknown }
  | { readonly database: 'unavailable'; readonly systemLanguages: readonly string[] };

const isMainLanguage = (value: unknown): value is MainLanguage => value === 'en' || value === 'de';

export function mainLanguage(source: LanguageSource): MainLanguage {
  if (source.database === 'open') return isMainLanguage(source.stored) ? source.stored : 'en';
  // The first preferred language is the person's own; a later one is only a fallback of the OS.
  return /^de(?:[-_]|$)/i.test(source.systemLanguages[0] ?? '') ? 'de' : 'en';
}

/** The OS's preferred languages, the person's first; Electron's own locale where the list is empty. */
export function systemLanguages(app: Pick<App, 'getPreferredSystemLanguages' | 'getLocale'>): readonly string[] {
  const preferred = app.getPreferredSystemLanguages();
  return preferred.length ? preferred : [app.getLocale()];
}
