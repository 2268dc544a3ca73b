/**
 * `--help` of `simulate dlms-meter` (issue 16 §3), in English and German.
 */
import { helpFrom } from './helpWords';

const dlmsSimulateHelpEn = {
  meter:
    'run a simulated DLMS/COSEM meter (mode E, HDLC, LLS password, clock, registers, disconnect control, 15-minute 4-channel load profile) until Ctrl+C; without an existing --link it starts socat and sits on <link>.meter',
  link: 'serial path for the app to open',
  days: 'days of load profile',
  password: 'the LLS password the meter accepts',
  serial: 'the serial number the meter gives',
  pace: 'space the output at the line rate (a PTY ignores baud timing)',
  medium: 'optical (answer the mode E sign-on) or hdlc (a direct HDLC line at --baud: answer the SNRM at once)',
  push: "be the meter's HAN/P1 port instead: push the values every N seconds, ciphered with --key",
  key: 'with --push: the encryption key, 32 hex digits (also $FIELDMETER_DLMS_KEY; none: plain pushes)',
  authKey: 'with --push: the authentication key (none: encryption only, as Austrian meters send)',
  systemTitle: 'with --push: the system title, 16 hex digits',
  framing: 'with --push: hdlc (Nordic HAN) or mbus (Austrian M-Bus customer interface)',
  baud: 'with --push: the port rate (2400 HAN, 115200 P1; default 2400); with --medium hdlc: the line rate (default 9600)',
};

const dlmsSimulateHelpDe = {
  meter:
    'einen simulierten DLMS/COSEM-Zähler betreiben (Modus E, HDLC, LLS-Passwort, Uhr, Register, Trennschalter, Lastprofil mit 4 Kanälen im 15-Minuten-Raster) bis Strg+C; ohne vorhandenen --link startet er socat und belegt <link>.meter',
  link: 'serieller Pfad, den die App öffnet',
  days: 'Anzahl der Tage im Lastprofil',
  password: 'das LLS-Passwort, das der Zähler annimmt',
  serial: 'die Seriennummer, die der Zähler meldet',
  pace: 'die Ausgabe im Takt der Baudrate senden (ein PTY hält keine Baudrate ein)',
  medium: 'optical (auf die Anmeldung nach Modus E antworten) oder hdlc (direkte HDLC-Leitung mit --baud: sofort auf SNRM antworten)',
  push: 'stattdessen die HAN/P1-Schnittstelle des Zählers nachbilden: die Werte alle N Sekunden senden, verschlüsselt mit --key',
  key: 'mit --push: der Verschlüsselungsschlüssel, 32 Hex-Ziffern (auch $FIELDMETER_DLMS_KEY; ohne: unverschlüsselt senden)',
  authKey: 'mit --push: der Authentisierungsschlüssel (ohne: nur verschlüsselt, wie österreichische Zähler senden)',
  systemTitle: 'mit --push: der System-Title, 16 Hex-Ziffern',
  framing: 'mit --push: hdlc (nordische HAN-Schnittstelle) oder mbus (österreichische M-Bus-Kundenschnittstelle)',
  baud: 'mit --push: die Baudrate der Schnittstelle (2400 HAN, 115200 P1; Vorgabe 2400); mit --medium hdlc: die Baudrate der Leitung (Vorgabe 9600)',
} satisfies Record<keyof typeof dlmsSimulateHelpEn, string>;

export const dlmsSimulateHelp = helpFrom({ en: dlmsSimulateHelpEn, de: dlmsSimulateHelpDe });
