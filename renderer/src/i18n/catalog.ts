/** The catalog of the current language, for text looked up by a code that comes from data. */
import { de } from './de';
import { en, type Catalog } from './en';
import { i18next } from '.';

export const currentCatalog = (): Catalog => (i18next.language === 'de' ? de : en);

/** Skip codes come with an English label from the server; the known default codes are translated here. */
export function skipCodeLabel(code: string, label: string): string {
  const known: Readonly<Record<string, string>> = currentCatalog().skip.codes;
  return known[code] ?? label;
}

/**
 * Text for a key built from data (an audit action, a warning kind), or null when the catalogs
 * have no such key: the caller then shows the code as it came rather than nothing.
 */
export function knownText(key: string, values?: Readonly<Record<string, string>>): string | null {
  if (!i18next.exists(key)) return null;
  const translate = i18next.t as unknown as (key: string, values?: Readonly<Record<string, string>>) => string;
  return String(translate(key, values));
}
