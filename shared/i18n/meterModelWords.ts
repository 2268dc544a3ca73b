/**
 * The words of a problem with a utility's meter model file (shared/iec62056/meterModelFile.ts), by
 * code, in both languages: part of the error catalogs (errorWords.*.ts) under `meterModelProblem`,
 * so Settings → Meter models and the CLI say them alike. `{{field}}` is the file's own field name.
 */
export const meterModelWordsEn = {
  meterModelProblem: {
    notJson: 'The file is not JSON.',
    notObject: '{{field}} must be an object.',
    notText: '{{field}} must be text.',
    noMatch: '{{field}} does not have the form {{pattern}}.',
    notOneOf: '{{field}} must be one of {{allowed}}.',
    milliseconds: '{{field}} must be a whole number of milliseconds from 0 to {{max}}.',
    notList: '{{field}} must be a list.',
    bitRange: '{{field}} must be a bit from 0 to 31.',
    format: '{{field}} must be “{{expected}}”.',
    listLength: '{{field}} must list {{min}} to {{max}} registers.',
    obis: '{{field}} must be an OBIS code as A-B:C.D.E.F.',
    obisOrNull: '{{field}} must be an OBIS code as A-B:C.D.E.F, or null.',
    classIdForReset: '{{field}} must be 5 (Demand Register) for demandRegisterReset.',
    wholeNumberFromTo: '{{field}} must be a whole number from {{min}} to {{max}}.',
    passwordAlgorithm: '{{field}}: P1 sends the password in clear; P2 needs an algorithm over the operand (IEC 62056-21 §6.3.14).',
  },
};

export const meterModelWordsDe: typeof meterModelWordsEn = {
  meterModelProblem: {
    notJson: 'Die Datei ist kein JSON.',
    notObject: '{{field}} muss ein Objekt sein.',
    notText: '{{field}} muss Text sein.',
    noMatch: '{{field}} hat nicht die Form {{pattern}}.',
    notOneOf: '{{field}} muss einer dieser Werte sein: {{allowed}}.',
    milliseconds: '{{field}} muss eine ganze Zahl von Millisekunden von 0 bis {{max}} sein.',
    notList: '{{field}} muss eine Liste sein.',
    bitRange: '{{field}} muss ein Bit von 0 bis 31 sein.',
    format: '{{field}} muss „{{expected}}“ sein.',
    listLength: '{{field}} muss {{min}} bis {{max}} Register nennen.',
    obis: '{{field}} muss ein OBIS-Code der Form A-B:C.D.E.F sein.',
    obisOrNull: '{{field}} muss ein OBIS-Code der Form A-B:C.D.E.F oder null sein.',
    classIdForReset: '{{field}} muss für demandRegisterReset 5 (Demand Register) sein.',
    wholeNumberFromTo: '{{field}} muss eine ganze Zahl von {{min}} bis {{max}} sein.',
    passwordAlgorithm:
      '{{field}}: P1 sendet das Passwort im Klartext; P2 braucht einen Algorithmus über den Operanden (IEC 62056-21 §6.3.14).',
  },
};

export type MeterModelProblemCode = keyof typeof meterModelWordsEn.meterModelProblem;

/** A model file's problem: the code, the field that is wrong, and the values its words name. */
export interface MeterModelProblem {
  readonly code: MeterModelProblemCode;
  readonly field?: string;
  readonly details?: Readonly<Record<string, string | number>>;
}

/** A problem's words with its field and details filled in (for the CLI; the renderer lets i18next do it). */
export function sayMeterModelProblem(words: typeof meterModelWordsEn, problem: MeterModelProblem): string {
  const values: Record<string, string | number> = { field: problem.field ?? '', ...problem.details };
  const text = words.meterModelProblem[problem.code] ?? problem.code;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Every problem code, for the contract's check of what crosses to the screen. */
export const meterModelProblemCodes = Object.keys(meterModelWordsEn.meterModelProblem) as [
  MeterModelProblemCode,
  ...MeterModelProblemCode[],
];
