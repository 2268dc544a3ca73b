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
