/**
 * `--help` of `simulate wmbus-receiver` (issue 16 §3), in English and German.
 */
import { helpFrom } from './helpWords';

const mbusSimulateHelpEn = {
  receiver:
    "send the training route's radio meters (or a route's, with --route) as a receiver would (seeded), on the simulator's end of a PTY pair, until Ctrl+C",
  link: "the simulator's end of a PTY pair (e.g. made with socat)",
  port: 'the same as --link',
  route: "send this route's radio meters instead of the training meters (from --db, or from --route-csv)",
  db: 'with --route: database file (default: $FIELDMETER_DB, then the user-data folder); keys opened with $FIELDMETER_KEY_SECRET',
  routeCsv: 'with --route: take the route from this route CSV instead of a database',
  keyFile: "with --route: the meters' key file (manufacturer,id,kind,key); meters without a key send in the clear",
  receiverKind: 'the USB receiver to play: {{receivers}}',
  seed: 'seed of the walk (same seed, same telegrams)',
  interval: 'mean time between two telegrams of one meter',
  loss: 'share of telegrams lost on the air, 0–1',
  burst: 'send one walk at once and repeat it every half second (for tests)',
  meterMode: 'the radio mode the meters send in (heard once the app sets the stick to it): {{modes}}',
  keyFileOut: "write the training meters' key file here (to import as a supervisor)",
};

const mbusSimulateHelpDe = {
  receiver:
    'die Funkzähler der Übungsroute (mit --route die einer anderen Route) so senden, wie ein Empfänger sie liefert (reproduzierbar über --seed), auf der Simulatorseite eines PTY-Paars, bis Strg+C',
  link: 'die Simulatorseite eines PTY-Paars (z. B. mit socat angelegt)',
  port: 'dasselbe wie --link',
  route: 'die Funkzähler dieser Route statt der Übungszähler senden (aus --db oder aus --route-csv)',
  db: 'mit --route: Datenbankdatei (Vorgabe: $FIELDMETER_DB, sonst der Benutzerdatenordner); Schlüssel werden mit $FIELDMETER_KEY_SECRET geöffnet',
  routeCsv: 'mit --route: die Route aus dieser Routen-CSV statt aus einer Datenbank nehmen',
  keyFile: 'mit --route: die Schlüsseldatei der Zähler (manufacturer,id,kind,key); Zähler ohne Schlüssel senden unverschlüsselt',
  receiverKind: 'der USB-Empfänger, der nachgebildet wird: {{receivers}}',
  seed: 'Startwert des Zufallsverlaufs (gleicher Startwert, gleiche Telegramme)',
  interval: 'mittlere Zeit zwischen zwei Telegrammen eines Zählers',
  loss: 'Anteil der Telegramme, die auf der Funkstrecke verloren gehen, 0–1',
  burst: 'einen Durchlauf auf einmal senden und jede halbe Sekunde wiederholen (für Tests)',
  meterMode: 'der Funkmodus, in dem die Zähler senden (empfangen, sobald die App den Empfänger darauf einstellt): {{modes}}',
  keyFileOut: 'die Schlüsseldatei der Übungszähler hierhin schreiben (zum Import durch einen Disponenten)',
} satisfies Record<keyof typeof mbusSimulateHelpEn, string>;

export const mbusSimulateHelp = helpFrom({ en: mbusSimulateHelpEn, de: mbusSimulateHelpDe });
