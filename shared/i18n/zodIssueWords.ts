/**
 * What a settings file's schema check found (shared/contract/zodIssue.ts), in both languages
 * (issue 16 §3): part of the error catalogs under `settingIssue`, words per zod issue code (and per
 * what is counted, per format, per rule of our own). The path in the file is shown beside the words
 * as written; keys, values and patterns from the file are quoted, never translated.
 */
import type { ZodIssueData } from '../contract/zodIssue';
import { fill, wordsAt } from './catalogText';

export const zodIssueWordsEn = {
  /** Beside an issue of the whole file (its path is empty). */
  settingIssueTop: 'the file as a whole',
  settingIssue: {
    /** JSON types as zod names them in `expected`. */
    type: {
      string: 'text',
      number: 'a number',
      boolean: 'true or false',
      object: 'a group of entries ({ … })',
      array: 'a list ([ … ])',
      null: 'null',
      undefined: 'nothing',
    },
    invalid_type: 'Expected {{expected}}, found {{received}}.',
    too_small: {
      string: 'Too short: at least {{limit}} character(s).',
      array: 'Too few entries: at least {{limit}}.',
      number: 'Too small: at least {{limit}}.',
      other: 'Too small: at least {{limit}}.',
    },
    too_big: {
      string: 'Too long: at most {{limit}} character(s).',
      array: 'Too many entries: at most {{limit}}.',
      number: 'Too large: at most {{limit}}.',
      other: 'Too large: at most {{limit}}.',
    },
    invalid_format: {
      url: 'Not a web address.',
      regex: 'Not in the required form ({{pattern}}).',
      other: 'Not in the required form ({{format}}).',
    },
    not_multiple_of: 'Not one of the allowed steps.',
    unrecognized_keys: 'Entries not known here: {{values}}.',
    invalid_union: 'Not one of the allowed forms.',
    invalid_key: 'A name here is not allowed.',
    invalid_element: 'An entry here is not valid.',
    invalid_value: 'Allowed are: {{values}}.',
    custom: {
      notUrl: '“{{value}}” is not a web address.',
      notHttps: '{{value}} is neither https nor on this computer.',
      userInfo: '{{value}} carries a user or password in the address.',
      soapActionPlaceholders: 'Only the placeholders {{value}} may be used.',
      meterStatusEmpty: 'At least one status word is needed.',
      other: 'This value is not allowed.',
    },
  },
};

export const zodIssueWordsDe: typeof zodIssueWordsEn = {
  settingIssueTop: 'die Datei als Ganzes',
  settingIssue: {
    type: {
      string: 'Text',
      number: 'eine Zahl',
      boolean: 'true oder false',
      object: 'eine Gruppe von Einträgen ({ … })',
      array: 'eine Liste ([ … ])',
      null: 'null',
      undefined: 'nichts',
    },
    invalid_type: 'Erwartet wird {{expected}}, gefunden wurde {{received}}.',
    too_small: {
      string: 'Zu kurz: mindestens {{limit}} Zeichen.',
      array: 'Zu wenige Einträge: mindestens {{limit}}.',
      number: 'Zu klein: mindestens {{limit}}.',
      other: 'Zu klein: mindestens {{limit}}.',
    },
    too_big: {
      string: 'Zu lang: höchstens {{limit}} Zeichen.',
      array: 'Zu viele Einträge: höchstens {{limit}}.',
      number: 'Zu groß: höchstens {{limit}}.',
      other: 'Zu groß: höchstens {{limit}}.',
    },
    invalid_format: {
      url: 'Keine Webadresse.',
      regex: 'Nicht in der verlangten Form ({{pattern}}).',
      other: 'Nicht in der verlangten Form ({{format}}).',
    },
    not_multiple_of: 'Keine der erlaubten Stufen.',
    unrecognized_keys: 'Hier unbekannte Einträge: {{values}}.',
    invalid_union: 'Keine der erlaubten Formen.',
    invalid_key: 'Ein Name hier ist nicht erlaubt.',
    invalid_element: 'Ein Eintrag hier ist ungültig.',
    invalid_value: 'Erlaubt sind: {{values}}.',
    custom: {
      notUrl: '„{{value}}“ ist keine Webadresse.',
      notHttps: '{{value}} ist weder https noch auf diesem Rechner.',
      userInfo: '{{value}} enthält Benutzer oder Passwort in der Adresse.',
      soapActionPlaceholders: 'Nur die Platzhalter {{value}} dürfen vorkommen.',
      meterStatusEmpty: 'Mindestens ein Statuswort ist nötig.',
      other: 'Dieser Wert ist nicht erlaubt.',
    },
  },
};

type Words = typeof zodIssueWordsEn;
type IssueWords = Words['settingIssue'];

/** The variants of the codes whose words depend on a detail: what is counted, the format, the rule. */
const VARIANT_BY: Partial<Record<ZodIssueData['code'], (issue: ZodIssueData) => string | undefined>> = {
  too_small: (i) => i.origin,
  too_big: (i) => i.origin,
  invalid_format: (i) => i.format,
  custom: (i) => i.rule,
};

/** Which words say an issue (under the catalogs' root) and the values they fill in; `typeWord` names a JSON type. */
export function zodIssueKey(
  issue: ZodIssueData,
  typeWord: (type: string) => string,
): { key: string; values: Record<string, string | number> } {
  const values: Record<string, string | number> = {
    expected: typeWord(issue.expected ?? ''),
    received: typeWord(issue.received ?? ''),
    limit: issue.limit ?? '',
    format: issue.format ?? '',
    pattern: issue.pattern ?? '',
    values: (issue.values ?? []).map((v) => `“${v}”`).join(', '),
    value: issue.value ?? '',
  };
  const variantOf = VARIANT_BY[issue.code];
  if (!variantOf) return { key: `settingIssue.${issue.code}`, values };
  const variants = zodIssueWordsEn.settingIssue[issue.code as keyof IssueWords] as Record<string, string>;
  const variant = variantOf(issue);
  return { key: `settingIssue.${issue.code}.${variant !== undefined && variant in variants ? variant : 'other'}`, values };
}

/** An issue in a catalog's words (the CLI and tests pass the catalog; the renderer its i18next lookup). */
export function sayZodIssue(
  words: Words | ((key: string, values: Record<string, string | number>) => string),
  issue: ZodIssueData,
): string {
  const say =
    typeof words === 'function'
      ? words
      : (key: string, values: Record<string, string | number>) => fill(wordsAt(words, key) ?? key, values);
  const typeWord = (type: string) => {
    const word = say(`settingIssue.type.${type}`, {});
    return word.endsWith(`settingIssue.type.${type}`) || word === '' ? type : word;
  };
  const { key, values } = zodIssueKey(issue, typeWord);
  return say(key, values);
}

/** Where in the file, shown small beside the words. */
export const zodIssuePlace = (words: Words | ((key: string) => string), issue: ZodIssueData): string =>
  issue.path !== '' ? issue.path : typeof words === 'function' ? words('settingIssueTop') : words.settingIssueTop;

/** The issues of an error's details, each as "words (place)" (the CLI's lines); what is not an issue is left out. */
export function profileIssueLines(words: Words, details: { readonly issues?: unknown }): string[] {
  const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  return issues
    .filter(
      (i): i is ZodIssueData =>
        typeof i === 'object' && i !== null && typeof (i as ZodIssueData).code === 'string' && typeof (i as ZodIssueData).path === 'string',
    )
    .map((issue) => `${sayZodIssue(words, issue)} (${zodIssuePlace(words, issue)})`);
}
