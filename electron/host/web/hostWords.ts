/**
 * What the web host prints for the person who started it from a terminal, in English and German: the address
 * to open, the training profiles, and why it could not start (the error said from its code, as the CLI says it).
 * The language follows the terminal's (shared/i18n/terminalLanguage.ts). Tests and tools find the address by
 * its form (`http://127.0.0.1:PORT/#token=…`), not by these words.
 */
import { AppError } from '../../../shared/contract/result';
import { fill } from '../../../shared/i18n/catalogText';
import { sayError } from '../../../shared/i18n/errorKey';
import { errorWordsDe } from '../../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../../shared/i18n/errorWords.en';
import type { TerminalLanguage } from '../../../shared/i18n/terminalLanguage';
import { toAppError } from '../../services/errors';

export interface HostWords {
  readonly running: string;
  readonly notBuilt: string;
  readonly trainingProfile: string;
  readonly trainingDatabase: string;
  readonly couldNotStart: string;
  /** Beneath an error nobody expected: the developer's raw reason, labelled as being for support. */
  readonly technical: string;
  readonly role: { readonly technician: string; readonly installer: string; readonly supervisor: string };
}

export const hostWordsEn: HostWords = {
  running: 'Fieldmeter is running at {{url}}',
  notBuilt: 'The screens are not built ({{path}} is missing). Run: npm run build',
  trainingProfile: 'Training profile: {{name}} ({{role}}), PIN {{pin}}',
  trainingDatabase: 'Training database: {{path}} (reset it with: fieldmeter demo reset)',
  couldNotStart: 'Fieldmeter could not start: {{words}}',
  technical: 'Technical detail (for support): {{reason}}',
  role: { technician: 'technician', installer: 'installer', supervisor: 'supervisor' },
};

export const hostWordsDe: HostWords = {
  running: 'Fieldmeter läuft unter {{url}}',
  notBuilt: 'Die Bildschirme sind nicht gebaut ({{path}} fehlt). Ausführen: npm run build',
  trainingProfile: 'Schulungsprofil: {{name}} ({{role}}), PIN {{pin}}',
  trainingDatabase: 'Schulungsdatenbank: {{path}} (zurücksetzen mit: fieldmeter demo reset)',
  couldNotStart: 'Fieldmeter konnte nicht starten: {{words}}',
  technical: 'Technische Angabe (für den Support): {{reason}}',
  role: { technician: 'Ableser', installer: 'Monteur', supervisor: 'Disponent' },
};

export const hostWordsIn = (language: TerminalLanguage): HostWords => (language === 'de' ? hostWordsDe : hostWordsEn);

/**
 * Why the host could not start, in words from the error's code (a plain error gets the code its kind has:
 * locked, read-only, disk full …); beneath, labelled for support, the error's own reason wherever it says more
 * than those words (the file, the port, what the system answered).
 */
export function startFailureLines(error: unknown, language: TerminalLanguage): string {
  const lines = hostWordsIn(language);
  const coded = error instanceof AppError ? error : toAppError(error);
  const words = sayError(language === 'de' ? errorWordsDe : errorWordsEn, coded);
  const said = fill(lines.couldNotStart, { words });
  const reason = error instanceof Error ? error.message : String(error);
  if (reason === '' || reason === words || reason === (errorWordsEn.code as Readonly<Record<string, string>>)[coded.code]) return said;
  return `${said}\n${fill(lines.technical, { reason })}`;
}
