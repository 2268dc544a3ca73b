/**
 * `--help` of `probe transcript` and `models list|assign|unassign` (issue 16 §3), in English and
 * German. Manufacturer ids and identifications (ISK, LGZ, MT174) stay as the meter sends them.
 */
import { helpFrom } from './helpWords';

const probeHelpEn = {
  probe: 'the optical probe: transcripts of its sessions for diagnosis',
  transcript: 'print (or write with --out) the raw transcript of a probe session or of a visit',
  transcriptVisit: 'a transcript id, or the reading set of a saved visit',
  transcriptOut: 'write the text to this file instead of printing it',
  models: 'meter models for programming mode, and the meter types they are assigned to',
  modelsList: 'the shipped and the utility-added models and the meter types each is assigned to',
  modelsAssign: 'use a model for a meter type (supervisor)',
  modelsUnassign: 'read a meter type without programming it (supervisor)',
  manufacturerCase: 'the manufacturer id exactly as the meter sends it (ISK, LGZ; the case of the third letter matters)',
  manufacturer: 'the manufacturer id exactly as the meter sends it',
  identExample: 'the start of the identification after the baud character, e.g. MT174',
  ident: 'the start of the identification after the baud character',
  model: 'the model name',
};

const probeHelpDe = {
  probe: 'der optische Lesekopf: Mitschnitte seiner Sitzungen zur Fehlersuche',
  transcript: 'den Rohmitschnitt einer Lesekopf-Sitzung oder eines Besuchs ausgeben (oder mit --out in eine Datei schreiben)',
  transcriptVisit: 'die Kennung eines Mitschnitts oder der Ablesesatz eines gespeicherten Besuchs',
  transcriptOut: 'den Text in diese Datei schreiben, statt ihn auszugeben',
  models: 'Zählermodelle für den Programmiermodus und die Zählertypen, denen sie zugeordnet sind',
  modelsList: 'die mitgelieferten und die vom Versorger ergänzten Modelle und die Zählertypen, denen jedes zugeordnet ist',
  modelsAssign: 'ein Modell für einen Zählertyp verwenden (Disponent)',
  modelsUnassign: 'einen Zählertyp auslesen, ohne ihn zu programmieren (Disponent)',
  manufacturerCase:
    'die Herstellerkennung genau so, wie der Zähler sie sendet (ISK, LGZ; die Groß- und Kleinschreibung des dritten Buchstabens zählt)',
  manufacturer: 'die Herstellerkennung genau so, wie der Zähler sie sendet',
  identExample: 'der Anfang der Identifikation nach dem Baudratenzeichen, z. B. MT174',
  ident: 'der Anfang der Identifikation nach dem Baudratenzeichen',
  model: 'der Name des Modells',
} satisfies Record<keyof typeof probeHelpEn, string>;

export const probeHelp = helpFrom({ en: probeHelpEn, de: probeHelpDe });
