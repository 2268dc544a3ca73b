/**
 * The words of `--help` for the optical-probe commands (optical.ts: `readout`, `read`, `ports`,
 * `simulate`, `program`), in English and German. IEC 62056-21 terms (mode A/B/C/E, 7E1, option
 * select Y=1) stay as the standard writes them.
 */
import { helpFrom, type HelpCatalog } from './helpWords';

const opticalHelpEn = {
  readout: 'optical-port readouts (IEC 62056-21, DSMR P1)',
  readoutParse: 'decode a captured readout; exit 1 when its checksum is bad or nothing could be read',
  capture: 'a captured readout (raw bytes: identification, data block or P1 telegram)',
  read: 'read a meter through an optical probe (300 baud 7E1 sign-on, mode A/B/C/E); with --save, save it as the optical reading of a stop',
  port: 'serial port of the probe, e.g. /dev/ttyUSB0',
  address: 'device address (when several meters share the bus)',
  maxBaudRange: 'highest rate to switch to (300 to 19200)',
  wakeUp: 'send the wake-up sequence first (battery meters)',
  save: 'save the values as the reading of --usage-point (same checks as the app)',
  readUsagePoint: 'the stop whose meter is read (with --save)',
  note: 'with --save: why a serial that does not match is read anyway',
  confirmReason: 'with --save: confirm values outside the expected range, with the reason',
  ports: 'list serial ports and recognised optical probes',
  simulateMeter:
    'run a simulated meter until Ctrl+C. If --link exists it attaches to it (e.g. a PTY end you made with socat); otherwise it starts socat itself, and the app opens --link while the meter sits on <link>.meter',
  simulatorProfile: 'one of: {{profiles}}',
  link: 'serial path for the app to open',
  pace: 'space the output at the line rate (a PTY ignores baud timing)',
  program: 'programming mode through the optical probe (IEC 62056-21, option select Y=1)',
  password:
    'the meter password — better FIELDMETER_METER_PASSWORD or the prompt: an argument is visible in ps (P1 in clear; P2 is derived from it)',
  meterModel:
    "meter model: {{models}} (default with --usage-point: the model a supervisor assigned to the meter's type; without a model the meter is not programmed)",
  programAddress: 'device address',
  maxBaud: 'highest rate to switch to',
  programUsagePoint:
    'the stop whose meter this is: the installer role is checked, the attempt audited and its outcome queued for the enterprise',
  programDb: 'database file (with --usage-point; default: $FIELDMETER_DB, then the user-data folder)',
  confirmSerial: "with --usage-point: program the meter at the probe although its serial is not the stop's meter (recorded)",
  timeSync: 'set the meter clock: read it, report the drift, write date and time, read again',
  demandReset: 'reset the maximum demand where the meter model allows it',
};

const opticalHelpDe: Readonly<Record<keyof typeof opticalHelpEn, string>> = {
  readout: 'Auslesungen über die optische Schnittstelle (IEC 62056-21, DSMR P1)',
  readoutParse: 'eine aufgezeichnete Auslesung auswerten; Exit-Code 1, wenn die Prüfsumme falsch ist oder nichts gelesen werden konnte',
  capture: 'eine aufgezeichnete Auslesung (Rohbytes: Identifikation, Datenblock oder P1-Telegramm)',
  read: 'einen Zähler über einen optischen Lesekopf auslesen (Anmeldung mit 300 Baud 7E1, Modus A/B/C/E); mit --save als optische Ablesung einer Station speichern',
  port: 'serieller Port des Lesekopfs, z. B. /dev/ttyUSB0',
  address: 'Geräteadresse (wenn sich mehrere Zähler den Bus teilen)',
  maxBaudRange: 'höchste Übertragungsrate, auf die umgeschaltet wird (300 bis 19200)',
  wakeUp: 'zuerst die Wecksequenz senden (batteriebetriebene Zähler)',
  save: 'die Werte als Ablesung von --usage-point speichern (mit denselben Prüfungen wie in der App)',
  readUsagePoint: 'die Station, deren Zähler ausgelesen wird (mit --save)',
  note: 'mit --save: warum ein Zähler mit abweichender Seriennummer trotzdem ausgelesen wird',
  confirmReason: 'mit --save: Werte außerhalb des Erwartungsbereichs bestätigen, mit Begründung',
  ports: 'serielle Ports und erkannte optische Leseköpfe auflisten',
  simulateMeter:
    'einen simulierten Zähler bis Strg+C betreiben. Gibt es --link schon, verbindet er sich damit (z. B. ein mit socat angelegtes PTY-Ende); sonst startet er socat selbst, die App öffnet --link und der Zähler sitzt auf <link>.meter',
  simulatorProfile: 'eines von: {{profiles}}',
  link: 'serieller Pfad, den die App öffnet',
  pace: 'die Ausgabe im Takt der Übertragungsrate senden (ein PTY beachtet keine Baudrate)',
  program: 'Programmiermodus über den optischen Lesekopf (IEC 62056-21, Optionsauswahl Y=1)',
  password:
    'das Zählerpasswort — besser FIELDMETER_METER_PASSWORD oder die Abfrage: ein Argument ist in ps sichtbar (P1 im Klartext; P2 wird daraus abgeleitet)',
  meterModel:
    'Zählermodell: {{models}} (Vorgabe mit --usage-point: das Modell, das ein Disponent dem Zählertyp zugeordnet hat; ohne Modell wird der Zähler nicht programmiert)',
  programAddress: 'Geräteadresse',
  maxBaud: 'höchste Übertragungsrate, auf die umgeschaltet wird',
  programUsagePoint:
    'die Station, zu der dieser Zähler gehört: die Monteursrolle wird geprüft, der Versuch protokolliert und sein Ergebnis für die Zentrale in den Postausgang gestellt',
  programDb: 'Datenbankdatei (mit --usage-point; Vorgabe: $FIELDMETER_DB, sonst der Benutzerdatenordner)',
  confirmSerial:
    'mit --usage-point: den Zähler am Lesekopf programmieren, obwohl seine Seriennummer nicht die des Zählers der Station ist (wird protokolliert)',
  timeSync: 'die Zähleruhr stellen: lesen, die Abweichung melden, Datum und Uhrzeit schreiben, erneut lesen',
  demandReset: 'das Maximum zurücksetzen, wo das Zählermodell es erlaubt',
};

const opticalHelpCatalog: HelpCatalog<keyof typeof opticalHelpEn> = { en: opticalHelpEn, de: opticalHelpDe };
export const opticalHelp = helpFrom(opticalHelpCatalog);
