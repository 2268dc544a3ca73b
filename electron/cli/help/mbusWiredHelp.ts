/**
 * `--help` of `mbus scan`, `mbus read` and `simulate mbus-meters` (issue 16 §3), in English and
 * German. Addresses and frames as EN 13757-2/-3 name them (primary/secondary address, SND_UD, CI).
 */
import { helpFrom } from './helpWords';

const mbusWiredHelpEn = {
  port: 'serial port of the level converter or optical head, e.g. /dev/ttyUSB0',
  baud: 'line speed (EN 13757-2: 300–9600; most meters 2400)',
  timeoutMs: 'wait this long for an answer instead of 330 bit times + 50 ms',
  scan: 'find the meters on a wired M-Bus: primary addresses, or secondary addresses with wildcards',
  scanFrom: 'first primary address',
  scanTo: 'last primary address',
  scanSecondary: 'search secondary addresses instead: 8 id digits (F = any) or 16 characters id+man+ver+med',
  read: 'read one wired meter by primary or secondary address and print its records',
  readAddress: 'primary address 0–250',
  readSecondary: 'secondary address: 8 id digits or 16 characters id+man+ver+med (no wildcards)',
  readReset:
    'application reset first (SND_UD CI 0x50), with a subcode if given: upper digit the data (0x00 all, 0x10 user data, 0x20 billing…), lower the telegram',
  readSave: "save the meter's values to its stop (matched by manufacturer and id; needs a signed-in profile)",
  readRoute: 'with --save: the route the meter must be on (default: any route on this device)',
  meters: 'three wired M-Bus meters (published libmbus frames) at primary addresses 1, 2 and 5 on a PTY, until Ctrl+C',
  metersPort: "the simulator's end of a PTY pair (e.g. made with socat)",
};

const mbusWiredHelpDe = {
  port: 'serielle Schnittstelle des Pegelwandlers oder Optokopfs, z. B. /dev/ttyUSB0',
  baud: 'Baudrate der Leitung (EN 13757-2: 300–9600; die meisten Zähler 2400)',
  timeoutMs: 'so lange auf eine Antwort warten statt 330 Bitzeiten + 50 ms',
  scan: 'die Zähler an einem drahtgebundenen M-Bus suchen: Primäradressen oder Sekundäradressen mit Platzhaltern',
  scanFrom: 'erste Primäradresse',
  scanTo: 'letzte Primäradresse',
  scanSecondary: 'stattdessen Sekundäradressen suchen: 8 Ziffern der Identnummer (F = beliebig) oder 16 Zeichen id+man+ver+med',
  read: 'einen drahtgebundenen Zähler über Primär- oder Sekundäradresse auslesen und seine Datensätze ausgeben',
  readAddress: 'Primäradresse 0–250',
  readSecondary: 'Sekundäradresse: 8 Ziffern der Identnummer oder 16 Zeichen id+man+ver+med (ohne Platzhalter)',
  readReset:
    'zuerst ein Application Reset (SND_UD CI 0x50), mit Subcode, falls angegeben: obere Ziffer die Daten (0x00 alle, 0x10 Benutzerdaten, 0x20 Abrechnung…), untere das Telegramm',
  readSave:
    'die Werte des Zählers bei seiner Verbrauchsstelle speichern (zugeordnet über Hersteller und Identnummer; braucht ein angemeldetes Profil)',
  readRoute: 'mit --save: die Route, auf der der Zähler stehen muss (Vorgabe: jede Route auf diesem Gerät)',
  meters: 'drei drahtgebundene M-Bus-Zähler (veröffentlichte libmbus-Rahmen) auf den Primäradressen 1, 2 und 5 an einem PTY, bis Strg+C',
  metersPort: 'die Simulatorseite eines PTY-Paars (z. B. mit socat angelegt)',
} satisfies Record<keyof typeof mbusWiredHelpEn, string>;

export const mbusWiredHelp = helpFrom({ en: mbusWiredHelpEn, de: mbusWiredHelpDe });
