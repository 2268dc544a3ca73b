/**
 * The language the main process speaks in (issue 16 §3). The person's choice is kept in the
 * database's settings (settings.setLocale), so the main process follows the same choice as the
 * window; app.info says English while none is stored, and so does the menu. Only when the
 * database cannot be read — the box that says it was refused — is the operating system's
 * preferred language the best guess there is: German when it starts with `de`.
 */
import type { MainLanguage } from './mainWords';

export type LanguageSource =
  | { readonly database: 'open'; readonly stored: unknown }
  | { readonly database: 'unreadable'; readonly systemLanguages: readonly string[] };

const isMainLanguage = (value: unknown): value is MainLanguage => value === 'en' || value === 'de';

export function mainLanguage(source: LanguageSource): MainLanguage {
  if (source.database === 'open') return isMainLanguage(source.stored) ? source.stored : 'en';
  // The first preferred language is the person's own; a later one is only a fallback of the OS.
  return /^de(?:[-_]|$)/i.test(source.systemLanguages[0] ?? '') ? 'de' : 'en';
}
