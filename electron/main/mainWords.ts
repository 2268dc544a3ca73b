/**
 * The words the Electron main process shows itself — menu titles, the save dialog, the box when
 * the database is refused — in English and German (issue 16 §3: no user-visible English outside
 * the translation tables). The menu's `role:` items are named by Electron and the OS, not here;
 * an error's own words come from shared/i18n/errorWords.*.
 */
export type MainLanguage = 'en' | 'de';

export interface MainWords {
  /** The raw reason beneath a box, for support only: it is the developer's English, so it is labelled as such. */
  readonly technical: string;
  readonly menu: { readonly file: string; readonly view: string };
  readonly saveExport: {
    readonly title: string;
    /** The file-type filter's name, e.g. "CSV file"; {{ending}} is the export's ending in capitals. */
    readonly fileKind: string;
  };
  readonly databaseRefused: {
    readonly title: string;
    /** Said when opening failed with no code that says more (a plain error from the file system or SQLite). */
    readonly cannotOpen: string;
    readonly file: string;
  };
  /** The box when the start failed for a reason no other box says (an error nobody expected). */
  readonly startFailed: { readonly title: string; readonly advice: string };
}

export const mainWordsEn: MainWords = {
  technical: 'Technical detail (for support): {{reason}}',
  menu: { file: 'File', view: 'View' },
  saveExport: { title: 'Save export', fileKind: '{{ending}} file' },
  databaseRefused: {
    title: 'Fieldmeter cannot open its database',
    cannotOpen: 'The database file could not be opened.',
    file: 'Database: {{path}}',
  },
  startFailed: {
    title: 'Fieldmeter could not start',
    advice: 'Start Fieldmeter again. If this happens again, give support the technical detail below.',
  },
};

export const mainWordsDe: MainWords = {
  technical: 'Technische Angabe (für den Support): {{reason}}',
  menu: { file: 'Datei', view: 'Ansicht' },
  saveExport: { title: 'Export speichern', fileKind: '{{ending}}-Datei' },
  databaseRefused: {
    title: 'Fieldmeter kann seine Datenbank nicht öffnen',
    cannotOpen: 'Die Datenbankdatei konnte nicht geöffnet werden.',
    file: 'Datenbank: {{path}}',
  },
  startFailed: {
    title: 'Fieldmeter konnte nicht starten',
    advice: 'Starten Sie Fieldmeter erneut. Wenn es wieder geschieht, geben Sie dem Support die technische Angabe unten.',
  },
};

export const mainWordsIn = (language: MainLanguage): MainWords => (language === 'de' ? mainWordsDe : mainWordsEn);

/** Fills {{placeholders}}; one left without a value stays as written. */
export function fillWords(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
