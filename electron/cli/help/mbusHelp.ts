/**
 * `--help` of `mbus decode` and `mbus listen` (issue 16 §3), in English and German. Receiver
 * names, radio modes (EN 13757-4: T1, C1, S1), option names and variables stay as written.
 */
import { helpFrom } from './helpWords';

const mbusHelpEn = {
  mbus: 'wireless and wired M-Bus meters (EN 13757, OMS)',
  decode: 'decode one telegram from a file (hex text or raw bytes; wM-Bus frame with or without CRCs, or a wired long frame)',
  decodeFile: 'the telegram',
  decodeKey: "the meter's AES-128 key, 32 hex digits (for encrypted telegrams)",
  listen: 'listen to a wireless M-Bus receiver and show who was heard (keys from the database or --key-file; never printed)',
  listenPort: 'serial port of the receiver, e.g. /dev/ttyUSB0; for rtlwmbus a named pipe, a port or - (standard input)',
  listenReceiver: 'the USB receiver: {{receivers}}',
  listenMode: 'the radio mode the meters send in: {{modes}} (rtlwmbus hears all)',
  listenSeconds: 'how long to listen',
  listenRoute: "match telegrams to this route's radio meters (ends early once all were heard)",
  listenKeyFile: "the utility's key file (manufacturer,id,kind,key)",
  listenSave: "save each heard meter's reading (needs --route and a signed-in profile)",
};

const mbusHelpDe = {
  mbus: 'Funkzähler (wM-Bus) und drahtgebundene M-Bus-Zähler (EN 13757, OMS)',
  decode:
    'ein Telegramm aus einer Datei dekodieren (Hex-Text oder Rohdaten; wM-Bus-Rahmen mit oder ohne CRCs oder ein langer Rahmen vom drahtgebundenen M-Bus)',
  decodeFile: 'das Telegramm',
  decodeKey: 'der AES-128-Schlüssel des Zählers, 32 Hex-Ziffern (für verschlüsselte Telegramme)',
  listen:
    'einen wM-Bus-Empfänger abhören und zeigen, welche Zähler empfangen wurden (Schlüssel aus der Datenbank oder --key-file; nie ausgegeben)',
  listenPort: 'serielle Schnittstelle des Empfängers, z. B. /dev/ttyUSB0; bei rtlwmbus eine Named Pipe, ein Port oder - (Standardeingabe)',
  listenReceiver: 'der USB-Empfänger: {{receivers}}',
  listenMode: 'der Funkmodus, in dem die Zähler senden: {{modes}} (rtlwmbus empfängt alle)',
  listenSeconds: 'wie lange empfangen wird',
  listenRoute: 'Telegramme den Funkzählern dieser Route zuordnen (endet früher, sobald alle empfangen wurden)',
  listenKeyFile: 'die Schlüsseldatei des Versorgers (manufacturer,id,kind,key)',
  listenSave: 'die Ablesung jedes empfangenen Zählers speichern (braucht --route und ein angemeldetes Profil)',
} satisfies Record<keyof typeof mbusHelpEn, string>;

export const mbusHelp = helpFrom({ en: mbusHelpEn, de: mbusHelpDe });
