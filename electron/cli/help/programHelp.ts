/** The words of `--help` for the program itself and `db`, `demo`, `import`, `readings` (program.ts), in English and German. */
import { helpFrom, type HelpCatalog } from './helpWords';

const programHelpEn = {
  program: 'Fieldmeter: offline-first meter reading for utility field crews',
  verbose: 'after an error, also print the developer message (for support)',
  user: 'act as this profile (also $FIELDMETER_USER); its PIN or password from $FIELDMETER_PIN or a prompt',
  db: 'database maintenance',
  dbMigrate: 'create the database or bring it to the current schema',
  demo: 'demo data for training',
  demoSeed: 'load the demo route (about 50 meters, training mode); without --db into the training database, never your own',
  demoWorked: 'also record a worked demo day (readings, a skip, a confirmed out-of-range reading) to try sync and exports',
  demoReset: 'delete the training database and its photos (the folder `--demo` uses without --db); your own database is not touched',
  import: 'import files; `import FILE` alone takes an XML file as an inbound message, anything else as a route CSV',
  importRoute: 'import a route read list from CSV',
  routeFile: 'route CSV (columns: see README "Route CSV")',
  acceptValidRows: 'import the valid rows even if some rows are bad',
  importFile: 'a route CSV or an IEC 61968-100 message',
  importFileAcceptValidRows: 'route CSV: import the valid rows even if some rows are bad',
  readings: 'meter readings',
  readingsList: 'list the registers to read, one item each, with the stop status',
  route: 'only this route',
  status: 'only stops with this status',
  readingsHistory: 'the latest saved readings, newest first',
  usagePoint: 'only this usage point',
  limit: 'at most this many readings',
};

const programHelpDe: Readonly<Record<keyof typeof programHelpEn, string>> = {
  program: 'Fieldmeter: Zählerablesung für Außendienst-Teams von Versorgern, auch ohne Netz',
  verbose: 'nach einem Fehler auch die Entwicklermeldung ausgeben (für den Support)',
  user: 'als dieses Profil arbeiten (auch $FIELDMETER_USER); PIN oder Passwort aus $FIELDMETER_PIN oder per Abfrage',
  db: 'Datenbankpflege',
  dbMigrate: 'die Datenbank anlegen oder auf den aktuellen Schemastand bringen',
  demo: 'Demodaten für Schulungen',
  demoSeed: 'die Demoroute laden (etwa 50 Zähler, Schulungsmodus); ohne --db in die Schulungsdatenbank, nie in Ihre eigene',
  demoWorked:
    'zusätzlich einen abgearbeiteten Demotag erfassen (Ablesungen, eine übersprungene Station, eine bestätigte Ablesung außerhalb des Erwartungsbereichs), um Abgleich und Exporte auszuprobieren',
  demoReset:
    'die Schulungsdatenbank und ihre Fotos löschen (der Ordner, den `--demo` ohne --db verwendet); Ihre eigene Datenbank bleibt unberührt',
  import: 'Dateien importieren; `import FILE` allein nimmt eine XML-Datei als eingehende Nachricht, alles andere als Routen-CSV',
  importRoute: 'die Ableseliste einer Route aus einer CSV-Datei importieren',
  routeFile: 'Routen-CSV (Spalten: siehe README „Route CSV“)',
  acceptValidRows: 'die gültigen Zeilen importieren, auch wenn einzelne Zeilen fehlerhaft sind',
  importFile: 'eine Routen-CSV oder eine Nachricht nach IEC 61968-100',
  importFileAcceptValidRows: 'Routen-CSV: die gültigen Zeilen importieren, auch wenn einzelne Zeilen fehlerhaft sind',
  readings: 'Zählerablesungen',
  readingsList: 'die abzulesenden Register auflisten, eines je Zeile, mit dem Status der Station',
  route: 'nur diese Route',
  status: 'nur Stationen mit diesem Status',
  readingsHistory: 'die zuletzt gespeicherten Ablesungen, neueste zuerst',
  usagePoint: 'nur diese Verbrauchsstelle',
  limit: 'höchstens so viele Ablesungen',
};

const programHelpCatalog: HelpCatalog<keyof typeof programHelpEn> = { en: programHelpEn, de: programHelpDe };
export const programHelp = helpFrom(programHelpCatalog);
