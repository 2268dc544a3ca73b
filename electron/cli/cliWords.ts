/**
 * The command line's own lines (issue 16 §3: no user-visible English outside the translation
 * tables): what a command did, in English and German. `--json` output is not said from here; it
 * stays the same in every language. Errors are said from the error catalogs (shared/i18n/errorWords.*).
 */
import { meterWordsDe, meterWordsEn } from './cliWordsMeters';
import { opticalWordsDe, opticalWordsEn } from './cliWordsOptical';
import { superviseWordsDe, superviseWordsEn } from './cliWordsSupervise';

export const cliWordsEn = {
  ...superviseWordsEn,
  ...meterWordsEn,
  ...opticalWordsEn,
  error: 'error: {{words}}',
  problemLine: '  line {{line}}: {{words}}',
  /** What to do next on the command line, by the error's code and reason (hints.ts). */
  hint: {
    signIn: '  Sign in with --user NAME (or FIELDMETER_USER); the PIN comes from FIELDMETER_PIN or a prompt.',
    confirm: {
      serialMismatch: '  If this is the right meter, save again with --note "why" (e.g. the nameplate was replaced).',
      outOfRange: '  If the values are right, save again with --confirm-reason "why" (at least 3 characters).',
      outOfWindow: '  If the time is right, save again with --confirm-reason "why" (at least 3 characters).',
    },
  },
  /** A role named in an error (the least role that holds a right). */
  role: { technician: 'technician', installer: 'installer', supervisor: 'supervisor' },
  database: {
    migrated: 'Database {{path}} is at schema {{version}}.',
    backup: 'Backup before migrating: {{path}}',
  },
  demo: {
    loaded: 'Loaded demo route {{routes}}: {{meters}} meters, {{registers}} registers.',
    worked:
      'Worked day: {{readings}} readings ({{confirmed}} confirmed out of range), {{skips}} skip(s); {{pending}} messages wait in the outbox.',
    profile: 'Training profile: {{name}} ({{role}}), PIN {{pin}}',
    database: 'Database: {{path}}',
    removed: 'Removed the training data in {{folder}}.',
    nothingToRemove: 'There was no training data in {{folder}}.',
  },
  importRoute: {
    imported: 'Imported {{meters}} meters ({{registers}} registers) on route(s) {{routes}}.',
    keptKeys: 'Kept {{count}} meter key(s), sealed.',
    skipped: '  skipped line {{line}}: {{words}}',
  },
  importMessage: {
    applied: 'Applied {{verb}} {{noun}} (message {{messageId}}): {{applied}}.',
    nothingChanged: 'nothing changed',
    duplicate: 'Message {{messageId}} ({{verb}} {{noun}}) was imported before; nothing applied again.',
  },
  readings: {
    nothingToList: 'Nothing to list.',
    none: 'No readings.',
  },
  messages: {
    valid: '{{file}} is valid ({{schemas}}).',
    invalid: '{{file}} is not valid:',
    samplesWritten: 'Wrote {{count}} messages to {{folder}}: {{files}}',
  },
  sync: {
    summary: 'Sent {{sent}} messages: {{accepted}} accepted, {{rejected}} rejected; {{pending}} left in the outbox.',
    held: '{{held}} held behind a rejected message of the same usage point.',
    resent: '{{resent}} resent after an interrupted run.',
    received: 'Received {{received}} from the office: {{applied}} applied, {{refused}} refused, {{duplicates}} seen before.',
    dryRun: 'Dry run: wrote {{count}} requests to {{folder}}; nothing was sent.',
    cannotBuild: '  cannot build: {{problem}}',
    peerSaid: '  the office’s system said: “{{text}}”',
  },
};

export const cliWordsDe: typeof cliWordsEn = {
  ...superviseWordsDe,
  ...meterWordsDe,
  ...opticalWordsDe,
  error: 'Fehler: {{words}}',
  problemLine: '  Zeile {{line}}: {{words}}',
  hint: {
    signIn: '  Melden Sie sich mit --user NAME an (oder FIELDMETER_USER); die PIN kommt aus FIELDMETER_PIN oder wird abgefragt.',
    confirm: {
      serialMismatch: '  Ist es der richtige Zähler, speichern Sie erneut mit --note "Grund" (z. B. das Typenschild wurde ersetzt).',
      outOfRange: '  Stimmen die Werte, speichern Sie erneut mit --confirm-reason "Grund" (mindestens 3 Zeichen).',
      outOfWindow: '  Stimmt die Zeit, speichern Sie erneut mit --confirm-reason "Grund" (mindestens 3 Zeichen).',
    },
  },
  role: { technician: 'Ableser', installer: 'Monteur', supervisor: 'Disponent' },
  database: {
    migrated: 'Die Datenbank {{path}} hat den Schemastand {{version}}.',
    backup: 'Sicherung vor der Umstellung: {{path}}',
  },
  demo: {
    loaded: 'Demo-Route {{routes}} geladen: {{meters}} Zähler, {{registers}} Register.',
    worked:
      'Bearbeiteter Tag: {{readings}} Ablesungen ({{confirmed}} außerhalb des Bereichs bestätigt), {{skips}} übersprungen; {{pending}} Nachrichten warten im Postausgang.',
    profile: 'Schulungsprofil: {{name}} ({{role}}), PIN {{pin}}',
    database: 'Datenbank: {{path}}',
    removed: 'Die Schulungsdaten in {{folder}} wurden gelöscht.',
    nothingToRemove: 'In {{folder}} gab es keine Schulungsdaten.',
  },
  importRoute: {
    imported: '{{meters}} Zähler ({{registers}} Register) auf Route(n) {{routes}} importiert.',
    keptKeys: '{{count}} Zählerschlüssel versiegelt aufbewahrt.',
    skipped: '  Zeile {{line}} übersprungen: {{words}}',
  },
  importMessage: {
    applied: '{{verb}} {{noun}} (Nachricht {{messageId}}) übernommen: {{applied}}.',
    nothingChanged: 'nichts geändert',
    duplicate: 'Nachricht {{messageId}} ({{verb}} {{noun}}) wurde schon importiert; nichts wurde erneut übernommen.',
  },
  readings: {
    nothingToList: 'Nichts aufzulisten.',
    none: 'Keine Ablesungen.',
  },
  messages: {
    valid: '{{file}} ist gültig ({{schemas}}).',
    invalid: '{{file}} ist nicht gültig:',
    samplesWritten: '{{count}} Nachrichten nach {{folder}} geschrieben: {{files}}',
  },
  sync: {
    summary: '{{sent}} Nachrichten gesendet: {{accepted}} angenommen, {{rejected}} abgelehnt; {{pending}} bleiben im Postausgang.',
    held: '{{held}} warten hinter einer abgelehnten Nachricht derselben Verbrauchsstelle.',
    resent: '{{resent}} nach einem unterbrochenen Lauf erneut gesendet.',
    received: '{{received}} vom Büro empfangen: {{applied}} übernommen, {{refused}} abgelehnt, {{duplicates}} schon bekannt.',
    dryRun: 'Probelauf: {{count}} Anfragen nach {{folder}} geschrieben; nichts wurde gesendet.',
    cannotBuild: '  nicht erstellbar: {{problem}}',
    peerSaid: '  Das System des Büros sagte: „{{text}}“',
  },
};
