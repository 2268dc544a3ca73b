/**
 * `--help` of `dlms decode` and `dlms read` (issue 16 §3), in English and German. OBIS codes,
 * option names, environment variables and protocol names (HDLC, xDLMS, LLS) stay as written.
 */
import { helpFrom } from './helpWords';

const dlmsHelpEn = {
  dlms: 'DLMS/COSEM meters (HDLC, xDLMS)',
  decode: 'decode a capture: HDLC frames and/or xDLMS APDUs as hex text or raw bytes; exit 1 when a frame check or the decryption fails',
  decodeFile: 'the capture (hex text: white space, newlines and 0x ignored; or raw binary)',
  decodeKey: 'global (or dedicated) encryption key, 32 hex digits (also $FIELDMETER_DLMS_KEY)',
  decodeAuthKey: 'authentication key, 32 hex digits (also $FIELDMETER_DLMS_AUTH_KEY)',
  decodeSystemTitle: "the sender's system title, 16 hex digits, for glo-* APDUs whose association is not in the capture",
  read: 'read a DLMS/COSEM meter through the optical probe (IEC 62056-21 mode E, then HDLC): registers, clock and drift, disconnect state, and with --from/--to the load profile; the LLS password from $FIELDMETER_DLMS_PASSWORD (none: the public client)',
  readPort: 'serial port of the probe, e.g. /dev/ttyUSB0',
  readClient: 'client SAP (default 16 public client; 32 with a password)',
  readServer: 'lower HDLC address of the meter (physical device)',
  readMaxBaud: 'highest rate to switch to (300 to 19200)',
  readMedium: 'optical (the probe, mode E sign-on) or hdlc (direct HDLC on a serial/RS-485 adapter, no sign-on)',
  readBaud: 'with --medium hdlc: the line rate, 8N1 (default 9600)',
  readObjects: "list the objects the meter offers (its association's object list) and read nothing else",
  readProfile: 'the load profile to read (default 1-0:99.1.0.255)',
  readFrom: 'first day of the load profile (YYYY-MM-DD, UTC, or an ISO date-time)',
  readTo: 'last day of the load profile (inclusive)',
  readSave: 'save the registers as the reading of --usage-point and queue the load profile (same checks as the app)',
  readUsagePoint: 'the stop whose meter is read (with --save)',
  readNote: 'with --save: why a serial that does not match is read anyway',
  readConfirmReason: 'with --save: confirm values outside the expected range, with the reason',
};

const dlmsHelpDe = {
  dlms: 'DLMS/COSEM-Zähler (HDLC, xDLMS)',
  decode:
    'einen Mitschnitt dekodieren: HDLC-Rahmen und/oder xDLMS-APDUs als Hex-Text oder Rohdaten; Exit-Code 1, wenn eine Rahmenprüfung oder die Entschlüsselung fehlschlägt',
  decodeFile: 'der Mitschnitt (Hex-Text: Leerzeichen, Zeilenumbrüche und 0x werden übergangen; oder Binärdaten)',
  decodeKey: 'globaler (oder dedizierter) Verschlüsselungsschlüssel, 32 Hex-Ziffern (auch $FIELDMETER_DLMS_KEY)',
  decodeAuthKey: 'Authentisierungsschlüssel, 32 Hex-Ziffern (auch $FIELDMETER_DLMS_AUTH_KEY)',
  decodeSystemTitle: 'System-Title des Senders, 16 Hex-Ziffern, für glo-*-APDUs, deren Assoziation nicht im Mitschnitt steht',
  read: 'einen DLMS/COSEM-Zähler über den optischen Lesekopf auslesen (IEC 62056-21 Modus E, dann HDLC): Register, Uhrzeit und Gangabweichung, Zustand des Trennschalters und mit --from/--to das Lastprofil; das LLS-Passwort aus $FIELDMETER_DLMS_PASSWORD (ohne: der öffentliche Client)',
  readPort: 'serielle Schnittstelle des Lesekopfs, z. B. /dev/ttyUSB0',
  readClient: 'Client-SAP (Vorgabe 16, der öffentliche Client; 32 mit Passwort)',
  readServer: 'untere HDLC-Adresse des Zählers (physisches Gerät)',
  readMaxBaud: 'höchste Baudrate, auf die umgeschaltet wird (300 bis 19200)',
  readMedium:
    'optical (der Lesekopf, Anmeldung nach Modus E) oder hdlc (HDLC direkt über einen Seriell- oder RS-485-Adapter, ohne Anmeldung)',
  readBaud: 'mit --medium hdlc: die Baudrate der Leitung, 8N1 (Vorgabe 9600)',
  readObjects: 'die Objekte auflisten, die der Zähler anbietet (die Objektliste seiner Assoziation), und sonst nichts lesen',
  readProfile: 'das zu lesende Lastprofil (Vorgabe 1-0:99.1.0.255)',
  readFrom: 'erster Tag des Lastprofils (YYYY-MM-DD, UTC, oder ein ISO-Zeitpunkt)',
  readTo: 'letzter Tag des Lastprofils (einschließlich)',
  readSave:
    'die Register als Ablesung von --usage-point speichern und das Lastprofil zum Senden vormerken (dieselben Prüfungen wie in der App)',
  readUsagePoint: 'die Verbrauchsstelle, deren Zähler gelesen wird (mit --save)',
  readNote: 'mit --save: warum ein Zähler mit abweichender Seriennummer trotzdem gelesen wird',
  readConfirmReason: 'mit --save: Werte außerhalb des erwarteten Bereichs bestätigen, mit Begründung',
} satisfies Record<keyof typeof dlmsHelpEn, string>;

export const dlmsHelp = helpFrom({ en: dlmsHelpEn, de: dlmsHelpDe });
