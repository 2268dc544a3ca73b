/**
 * What to do next on the command line, chosen by an error's code and reason (issue 16: "the
 * CLI's hints come from the code"), never guessed from its message: the options or variables
 * that answer it. Said after the error's words, in the CLI's language.
 */
import type { AppError } from '../../shared/contract/appError';
import type { cliWordsEn } from './cliWords';

type Hints = (typeof cliWordsEn)['hint'];

export function cliHint(hints: Hints, error: AppError): string | undefined {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  if (error.code === 'SIGN_IN_REQUIRED') return hints.signIn;
  if (error.code === 'NEEDS_CONFIRMATION' && typeof reason === 'string' && reason in hints.confirm)
    return hints.confirm[reason as keyof Hints['confirm']];
  return undefined;
}
