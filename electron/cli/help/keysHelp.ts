/**
 * `--help` of `keys import|count|delete` (issue 16 §3), in English and German. The key file's
 * column names (manufacturer,id,kind,key) and the variable stay as written.
 */
import { helpFrom } from './helpWords';

const keysHelpEn = {
  keys: "meter keys (supervisor): the utility's key file, sealed under $FIELDMETER_KEY_SECRET; never printed",
  import: 'import a key file; a file with any bad line imports nothing and names each line',
  importFile: 'key file: manufacturer,id,kind,key (README "Meter keys")',
  count: 'how many meter keys this device holds, by kind',
  delete: "delete one meter's keys",
  deleteManufacturer: 'three letters, or "" for a meter named by its serial',
  deleteId: 'the meter id (or serial)',
};

const keysHelpDe = {
  keys: 'Zählerschlüssel (Disponent): die Schlüsseldatei des Versorgers, versiegelt mit $FIELDMETER_KEY_SECRET; nie ausgegeben',
  import: 'eine Schlüsseldatei importieren; enthält sie eine fehlerhafte Zeile, wird nichts importiert und jede solche Zeile genannt',
  importFile: 'Schlüsseldatei: manufacturer,id,kind,key (README „Meter keys“)',
  count: 'wie viele Zählerschlüssel auf diesem Gerät liegen, nach Art',
  delete: 'die Schlüssel eines Zählers löschen',
  deleteManufacturer: 'drei Buchstaben oder "" für einen Zähler, der über seine Seriennummer benannt ist',
  deleteId: 'die Identnummer des Zählers (oder Seriennummer)',
} satisfies Record<keyof typeof keysHelpEn, string>;

export const keysHelp = helpFrom({ en: keysHelpEn, de: keysHelpDe });
