/**
 * The language of what a program started from a terminal prints (the CLI and the web host): FIELDMETER_LANG
 * when set, else LANG — German when it starts with `de`, English otherwise.
 */
export type TerminalLanguage = 'en' | 'de';

export function terminalLanguage(env: Readonly<Record<string, string | undefined>> = process.env): TerminalLanguage {
  const chosen = env.FIELDMETER_LANG || env.LANG || '';
  return /^de/i.test(chosen) ? 'de' : 'en';
}
