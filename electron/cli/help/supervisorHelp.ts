/**
 * The words of `--help` for the supervisor's commands: `profile` (profiles.ts), `export`
 * (supervisor.ts), `audit` (audit.ts), `receipt` (receipt.ts) and `pan` (pan.ts), in English and German.
 */
import { helpFrom, type HelpCatalog } from './helpWords';

const supervisorHelpEn = {
  profile: 'local profiles: who may work on this device, in which role',
  profileAdd: 'add a profile (the first one of a new database must be a supervisor)',
  name: 'the person',
  role: 'their role',
  profileList: 'the profiles of this device and their roles',
  export: 'export readings as CSV (README "Export columns"), IEC 61968-9 MeterReadings XML or a PDF report',
  format: 'file format',
  out: 'file to write (an existing file only with --force)',
  force: 'replace an existing --out file (never the database, its -wal/-shm or a backup)',
  from: 'first day (YYYY-MM-DD, UTC)',
  to: 'last day, inclusive (YYYY-MM-DD, UTC)',
  route: 'only this route',
  status: 'only stops with this status',
  type: 'only readings taken for this work: a route read or a work-order kind',
  lang: 'language of the PDF report',
  audit: 'the audit log: who did what, when, in which role',
  auditVerify: 'check that no row of the audit log was changed, removed or inserted since it was written',
  receipt: 'visit receipts: check one the customer or the office holds',
  receiptVerify: 'check a receipt PDF: its code against its embedded data, and with --db against the visit in the database',
  receiptFile: 'the receipt PDF',
  receiptDb: 'also compare with the visit stored in this database',
  pan: 'home-area-network (PAN) devices',
  panCheck: 'check an EUI-64 and a Zigbee install code (with its CRC) and derive the link key',
  eui64: 'the device EUI-64, 16 hex digits (spaces, dashes, colons allowed)',
  installCode: 'the install code including its 2-byte CRC, as on the label',
};

const supervisorHelpDe: Readonly<Record<keyof typeof supervisorHelpEn, string>> = {
  profile: 'lokale Profile: wer auf diesem Gerät arbeiten darf, in welcher Rolle',
  profileAdd: 'ein Profil anlegen (das erste einer neuen Datenbank muss ein Disponent sein)',
  name: 'die Person',
  role: 'ihre Rolle',
  profileList: 'die Profile dieses Geräts und ihre Rollen',
  export: 'Ablesungen exportieren: als CSV (README „Export columns“), als MeterReadings-XML nach IEC 61968-9 oder als PDF-Bericht',
  format: 'Dateiformat',
  out: 'zu schreibende Datei (eine vorhandene nur mit --force)',
  force: 'eine vorhandene --out-Datei ersetzen (nie die Datenbank, ihre -wal/-shm-Dateien oder eine Sicherung)',
  from: 'erster Tag (JJJJ-MM-TT, UTC)',
  to: 'letzter Tag, einschließlich (JJJJ-MM-TT, UTC)',
  route: 'nur diese Route',
  status: 'nur Stationen mit diesem Status',
  type: 'nur Ablesungen für diese Arbeit: eine Routenablesung oder eine Auftragsart',
  lang: 'Sprache des PDF-Berichts',
  audit: 'das Prüfprotokoll: wer was wann in welcher Rolle getan hat',
  auditVerify: 'prüfen, dass keine Zeile des Prüfprotokolls seit dem Schreiben geändert, entfernt oder eingefügt wurde',
  receipt: 'Besuchsquittungen: eine prüfen, die der Kunde oder das Büro hat',
  receiptVerify: 'eine Quittung (PDF) prüfen: ihren Code gegen die eingebetteten Daten und mit --db gegen den Besuch in der Datenbank',
  receiptFile: 'die Quittung als PDF',
  receiptDb: 'zusätzlich mit dem in dieser Datenbank gespeicherten Besuch vergleichen',
  pan: 'Geräte im Heimnetz (PAN)',
  panCheck: 'eine EUI-64 und einen Zigbee-Installationscode (mit seiner CRC) prüfen und den Link-Schlüssel ableiten',
  eui64: 'die EUI-64 des Geräts, 16 Hexziffern (Leerzeichen, Bindestriche, Doppelpunkte erlaubt)',
  installCode: 'der Installationscode einschließlich seiner 2-Byte-CRC, wie auf dem Etikett',
};

const supervisorHelpCatalog: HelpCatalog<keyof typeof supervisorHelpEn> = { en: supervisorHelpEn, de: supervisorHelpDe };
export const supervisorHelp = helpFrom(supervisorHelpCatalog);
