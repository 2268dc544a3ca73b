/**
 * The words of a route read list's problems (shared/contract/entities.ts `importProblem`), by code,
 * in both languages: part of the error catalogs (errorWords.*.ts) under `importProblem`, so the
 * import panel and the CLI say them alike. The column is shown beside the words, so they need not
 * name it; `{{value}}` is the text as the file has it.
 */
export const importWordsEn = {
  importProblem: {
    empty: 'is empty.',
    notIdentifier: '“{{value}}” has characters an identifier cannot have.',
    notWholeNumber: '“{{value}}” is not a whole number.',
    notReadingType: '“{{value}}” is not an 18-part IEC 61968-9 ReadingType code.',
    wholeNumberFromTo: '“{{value}}” must be a whole number from {{min}} to {{max}}.',
    notPositive: '“{{value}}” must be a positive number.',
    notANumber: '“{{value}}” is not a number.',
    tooManyDials: '{{value}} has {{digits}} digits before the decimal point, but the register has {{dials}} dials.',
    tooManyDecimals: '{{value}} has {{digits}} decimals, but the register shows {{decimals}}.',
    notADate: '“{{value}}” is not a date like 2026-11-01.',
    negativeOrNotANumber: '“{{value}}” must be a number of 0 or more.',
    unknownHazard: 'The hazard “{{value}}” is not one of {{known}}.',
    notDegrees: '“{{value}}” must be decimal degrees from -{{limit}} to {{limit}}.',
    coordinatesTogether: 'Latitude and longitude go together: give both or neither.',
    usagePointHasMeter: 'Usage point {{usagePointId}} already has meter {{meterSerial}} (line {{otherLine}}).',
    usagePointDiffers: 'Usage point {{usagePointId}} has another address or account on line {{otherLine}}.',
    meterElsewhere: 'Meter {{meterSerial}} is already at usage point {{usagePointId}} (line {{otherLine}}).',
    sequenceUsed: 'Sequence {{sequence}} on route {{routeId}} is already used by line {{otherLine}}.',
    readingTypeTwice: 'Meter {{meterSerial}} has reading type {{readingType}} twice.',
    missingColumns: 'The file lacks the column(s) {{columns}}.',
    notCsv: 'The file is not valid CSV from here on (check the quotes).',
    emptyFile: 'The file is empty.',
    noRows: 'The file has a header but no rows.',
    notAesKey: 'is not an AES-128 key: 32 hex digits (the key itself is not shown).',
    notPasswordHex: 'is not a password as 2–32 hex digits, its bytes (the value is not shown).',
    keyNeedsRadioAddress:
      'An M-Bus key needs the radio address as meter serial (three letters and 8 digits, e.g. KAM44556677), not {{meterSerial}}.',
    keyDiffers: 'This meter’s key differs from the one on line {{otherLine}}.',
  },
};

export const importWordsDe: typeof importWordsEn = {
  importProblem: {
    empty: 'ist leer.',
    notIdentifier: '„{{value}}“ enthält Zeichen, die in einer Kennung nicht erlaubt sind.',
    notWholeNumber: '„{{value}}“ ist keine ganze Zahl.',
    notReadingType: '„{{value}}“ ist kein 18-teiliger ReadingType-Code nach IEC 61968-9.',
    wholeNumberFromTo: '„{{value}}“ muss eine ganze Zahl von {{min}} bis {{max}} sein.',
    notPositive: '„{{value}}“ muss eine positive Zahl sein.',
    notANumber: '„{{value}}“ ist keine Zahl.',
    tooManyDials: '{{value}} hat {{digits}} Stellen vor dem Komma, das Zählwerk aber {{dials}} Rollen.',
    tooManyDecimals: '{{value}} hat {{digits}} Nachkommastellen, das Zählwerk zeigt aber {{decimals}}.',
    notADate: '„{{value}}“ ist kein Datum wie 2026-11-01.',
    negativeOrNotANumber: '„{{value}}“ muss eine Zahl von 0 oder mehr sein.',
    unknownHazard: 'Die Gefahr „{{value}}“ ist keine von {{known}}.',
    notDegrees: '„{{value}}“ muss in Dezimalgrad von -{{limit}} bis {{limit}} angegeben sein.',
    coordinatesTogether: 'Breite und Länge gehören zusammen: Geben Sie beide an oder keine.',
    usagePointHasMeter: 'Die Verbrauchsstelle {{usagePointId}} hat schon den Zähler {{meterSerial}} (Zeile {{otherLine}}).',
    usagePointDiffers: 'Die Verbrauchsstelle {{usagePointId}} hat in Zeile {{otherLine}} eine andere Adresse oder ein anderes Konto.',
    meterElsewhere: 'Der Zähler {{meterSerial}} ist schon an der Verbrauchsstelle {{usagePointId}} (Zeile {{otherLine}}).',
    sequenceUsed: 'Die Reihenfolge {{sequence}} auf Route {{routeId}} ist schon in Zeile {{otherLine}} vergeben.',
    readingTypeTwice: 'Der Zähler {{meterSerial}} hat den Ablesetyp {{readingType}} zweimal.',
    missingColumns: 'Der Datei fehlen die Spalte(n) {{columns}}.',
    notCsv: 'Die Datei ist ab hier kein gültiges CSV (prüfen Sie die Anführungszeichen).',
    emptyFile: 'Die Datei ist leer.',
    noRows: 'Die Datei hat eine Kopfzeile, aber keine Zeilen.',
    notAesKey: 'ist kein AES-128-Schlüssel aus 32 Hex-Ziffern (der Schlüssel selbst wird nicht angezeigt).',
    notPasswordHex: 'ist kein Passwort aus 2–32 Hex-Ziffern, seinen Bytes (der Wert wird nicht angezeigt).',
    keyNeedsRadioAddress:
      'Ein M-Bus-Schlüssel braucht die Funkadresse als Zählernummer (drei Buchstaben und 8 Ziffern, z. B. KAM44556677), nicht {{meterSerial}}.',
    keyDiffers: 'Der Schlüssel dieses Zählers weicht von dem in Zeile {{otherLine}} ab.',
  },
};

export type ImportProblemCode = keyof typeof importWordsEn.importProblem;

/** A problem's words with its details filled in (for the CLI; the renderer lets i18next do it). */
export function sayImportProblem(
  words: typeof importWordsEn,
  problem: { code: string; column?: string | undefined; details?: Readonly<Record<string, string | number>> | undefined },
): string {
  const text = (words.importProblem as Record<string, string>)[problem.code] ?? problem.code;
  const values = problem.details ?? {};
  const said = text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return problem.column ? `${problem.column}: ${said}` : said;
}
