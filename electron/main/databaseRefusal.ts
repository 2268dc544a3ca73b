/**
 * The box shown when the database is refused at start (a file of another program, one from a newer
 * Fieldmeter, a damaged or locked file): the error said from its code and details in the person's
 * language, as the window and the CLI say it (shared/i18n/errorKey.ts), the file beneath, and the
 * raw reason last as a technical line for support — never the developer's English as the message.
 */
import { AppError } from '../../shared/contract/result';
import { sayError } from '../../shared/i18n/errorKey';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { toAppError } from '../services/errors';
import { fillWords, mainWordsIn, type MainLanguage } from './mainWords';

export interface DatabaseRefusal {
  readonly title: string;
  readonly text: string;
}

export function databaseRefusal(error: unknown, databasePath: string, language: MainLanguage): DatabaseRefusal {
  const all = mainWordsIn(language);
  const words = all.databaseRefused;
  const errorWords = language === 'de' ? errorWordsDe : errorWordsEn;
  // A plain error from SQLite or the file system gets the code its kind has (locked, read-only, disk full …).
  const coded = error instanceof AppError ? error : toAppError(error);
  const said = error instanceof AppError || coded.code !== 'INTERNAL' ? sayError(errorWords, coded) : words.cannotOpen;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: words.title,
    text: [said, fillWords(words.file, { path: databasePath }), '', fillWords(all.technical, { reason })].join('\n'),
  };
}
