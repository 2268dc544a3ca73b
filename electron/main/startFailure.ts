/**
 * The box when the start failed with an error nobody expected (index.ts): what to do in the
 * person's language, the raw reason beneath as a technical line for support. The database's own
 * refusals have their words in databaseRefusal.ts.
 */
import { fillWords, mainWordsIn, type MainLanguage } from './mainWords';

export function startFailure(error: unknown, language: MainLanguage): { readonly title: string; readonly text: string } {
  const words = mainWordsIn(language);
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: words.startFailed.title,
    text: [words.startFailed.advice, '', fillWords(words.technical, { reason })].join('\n'),
  };
}
