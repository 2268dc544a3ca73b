/**
 * The CLI's language (issue 16 §3): FIELDMETER_LANG when set, else LANG — German when it starts
 * with `de`, English otherwise. Every line a person reads is said from the catalogs in this language.
 */
import { wordsAt } from '../../shared/i18n/catalogText';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { meterNamesDe } from '../../shared/i18n/meterNames.de';
import { meterNamesEn } from '../../shared/i18n/meterNames.en';
import { terminalLanguage, type TerminalLanguage } from '../../shared/i18n/terminalLanguage';
import { cliWordsDe, cliWordsEn } from './cliWords';

export type CliLanguage = TerminalLanguage;

export const cliLanguage: (env?: NodeJS.ProcessEnv) => CliLanguage = terminalLanguage;

/** The error catalog the CLI says errors from. */
export const cliErrorWords = () => (cliLanguage() === 'de' ? errorWordsDe : errorWordsEn);

/** The CLI's own lines (what a command did), in the CLI's language. */
export const cliWords = () => (cliLanguage() === 'de' ? cliWordsDe : cliWordsEn);

/** The names the meter side supplies (DLMS classes, M-Bus quantities, device types …), in the CLI's language. */
export const cliMeterNames = () => (cliLanguage() === 'de' ? meterNamesDe : meterNamesEn);

/**
 * A coded reason a meter or a telegram gave (mbus.*, dlms.*) in words, its code small beside as the
 * screen shows it; the code alone when this build has no words for it.
 */
export function reasonWords(reason: string): string {
  const words = wordsAt(cliErrorWords(), `reason.${reason}`);
  return words ? `${words} (${reason})` : reason;
}

/** Fills a catalog line's {{placeholders}}; a placeholder without a value stays as written. */
export { fill } from '../../shared/i18n/catalogText';
