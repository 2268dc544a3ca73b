/**
 * The framework's own words in `--help` and in its usage errors (issue 16 §3): the headings, the
 * help option and help command, the "(default: …)" notes and the lines commander prints for bad
 * usage are said from this catalog in the CLI's language, like every other line the CLI prints.
 *
 * The English side repeats commander 14's own words, so English output stays as it was.
 */
import { fill } from '../language';
import { helpFrom, type HelpCatalog } from './helpWords';

const commanderWordsEn = {
  usage: 'Usage:',
  options: 'Options:',
  globalOptions: 'Global Options:',
  commands: 'Commands:',
  arguments: 'Arguments:',
  optionsToken: '[options]',
  commandToken: '[command]',
  helpOption: 'display help for command',
  helpCommand: 'display help for command',
  default: 'default: {{value}}',
  choices: 'choices: {{values}}',
  preset: 'preset: {{value}}',
  env: 'env: {{name}}',
  didYouMean: '(Did you mean {{candidate}}?)',
  didYouMeanOneOf: '(Did you mean one of {{candidates}}?)',
  unknownOption: "error: unknown option '{{option}}'",
  unknownCommand: "error: unknown command '{{command}}'",
  missingArgument: "error: missing required argument '{{argument}}'",
  optionMissingArgument: "error: option '{{option}}' argument missing",
  missingMandatoryOptionValue: "error: required option '{{option}}' not specified",
  excessArguments: 'error: too many arguments. Expected {{expected}} argument{{plural}} but got {{received}}.',
  excessArgumentsFor: "error: too many arguments for '{{command}}'. Expected {{expected}} argument{{plural}} but got {{received}}.",
  pluralS: 's',
  invalidOptionValue: "error: option '{{option}}' argument '{{value}}' is invalid.",
  invalidOptionEnvValue: "error: option '{{option}}' value '{{value}}' from env '{{env}}' is invalid.",
  invalidArgumentValue: "error: command-argument value '{{value}}' is invalid for argument '{{argument}}'.",
  allowedChoices: 'Allowed choices are {{choices}}.',
  conflictingOption: 'error: {{first}} cannot be used with {{second}}',
  conflictOption: "option '{{name}}'",
  conflictEnv: "environment variable '{{name}}'",
};

export type CommanderWord = keyof typeof commanderWordsEn;

const commanderWordsDe: Readonly<Record<CommanderWord, string>> = {
  usage: 'Aufruf:',
  options: 'Optionen:',
  globalOptions: 'Globale Optionen:',
  commands: 'Befehle:',
  arguments: 'Argumente:',
  optionsToken: '[Optionen]',
  commandToken: '[Befehl]',
  helpOption: 'Hilfe zu diesem Befehl anzeigen',
  helpCommand: 'Hilfe zu einem Befehl anzeigen',
  default: 'Vorgabe: {{value}}',
  choices: 'Auswahl: {{values}}',
  preset: 'ohne Wert: {{value}}',
  env: 'Umgebungsvariable: {{name}}',
  didYouMean: '(Meinten Sie {{candidate}}?)',
  didYouMeanOneOf: '(Meinten Sie eines von {{candidates}}?)',
  unknownOption: "Fehler: Die Option '{{option}}' gibt es nicht.",
  unknownCommand: "Fehler: Den Befehl '{{command}}' gibt es nicht.",
  missingArgument: "Fehler: Das Argument '{{argument}}' fehlt.",
  optionMissingArgument: "Fehler: Der Option '{{option}}' fehlt ihr Wert.",
  missingMandatoryOptionValue: "Fehler: Die Option '{{option}}' ist erforderlich.",
  excessArguments: 'Fehler: Zu viele Argumente: erwartet {{expected}}, erhalten {{received}}.',
  excessArgumentsFor: "Fehler: Zu viele Argumente für '{{command}}': erwartet {{expected}}, erhalten {{received}}.",
  pluralS: '',
  invalidOptionValue: "Fehler: Der Wert '{{value}}' der Option '{{option}}' ist ungültig.",
  invalidOptionEnvValue: "Fehler: Der Wert '{{value}}' der Option '{{option}}' aus der Umgebungsvariable '{{env}}' ist ungültig.",
  invalidArgumentValue: "Fehler: Der Wert '{{value}}' des Arguments '{{argument}}' ist ungültig.",
  allowedChoices: 'Erlaubt sind: {{choices}}.',
  conflictingOption: 'Fehler: Nicht zusammen verwendbar: {{first}} und {{second}}.',
  conflictOption: "Option '{{name}}'",
  conflictEnv: "Umgebungsvariable '{{name}}'",
};

const commanderCatalog: HelpCatalog<CommanderWord> = { en: commanderWordsEn, de: commanderWordsDe };
export const commanderWord = helpFrom(commanderCatalog);

/** Commander's heading (as it passes it to styleTitle) in the CLI's language; a heading of our own stays. */
export function sayHeading(heading: string): string {
  const key = (['usage', 'options', 'globalOptions', 'commands', 'arguments'] as const).find((k) => commanderWordsEn[k] === heading);
  return key ? commanderWord(key) : heading;
}

/** `[options]` and `[command]` in a usage line or a command's term, in the CLI's language. */
export function sayUsageTokens(usage: string): string {
  return usage
    .split(' ')
    .map((word) => (word === '[options]' ? commanderWord('optionsToken') : word === '[command]' ? commanderWord('commandToken') : word))
    .join(' ');
}

/** "(Did you mean --json?)", which commander appends after a newline. */
function suggestion(text: string | undefined): string {
  if (!text) return '';
  const oneOf = /^\n\(Did you mean one of (.*)\?\)$/s.exec(text);
  if (oneOf) return `\n${fill(commanderWord('didYouMeanOneOf'), { candidates: oneOf[1]! })}`;
  const one = /^\n\(Did you mean (.*)\?\)$/s.exec(text);
  return one ? `\n${fill(commanderWord('didYouMean'), { candidate: one[1]! })}` : text;
}

/** The reason a parser gave (commander's own: the allowed choices). */
function reason(text: string): string {
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  return choices ? fill(commanderWord('allowedChoices'), { choices: choices[1]! }) : text;
}

/** "option '--a'" or "environment variable 'A'" inside a conflict line. */
function conflictPart(text: string): string {
  const env = /^environment variable '(.*)'$/.exec(text);
  if (env) return fill(commanderWord('conflictEnv'), { name: env[1]! });
  const option = /^option '(.*)'$/.exec(text);
  return option ? fill(commanderWord('conflictOption'), { name: option[1]! }) : text;
}

type Say = (m: RegExpExecArray) => string;

/**
 * Each usage error commander raises, by its code: the English line it writes (the only place the
 * option's or command's name is) and how the line is said from the catalog.
 */
const usageErrors: Readonly<Record<string, readonly (readonly [RegExp, Say])[]>> = {
  'commander.unknownOption': [
    [/^error: unknown option '(.*?)'(\n.*)?$/s, (m) => fill(commanderWord('unknownOption'), { option: m[1]! }) + suggestion(m[2])],
  ],
  'commander.unknownCommand': [
    [/^error: unknown command '(.*?)'(\n.*)?$/s, (m) => fill(commanderWord('unknownCommand'), { command: m[1]! }) + suggestion(m[2])],
  ],
  'commander.missingArgument': [
    [/^error: missing required argument '(.*)'$/s, (m) => fill(commanderWord('missingArgument'), { argument: m[1]! })],
  ],
  'commander.optionMissingArgument': [
    [/^error: option '(.*)' argument missing$/s, (m) => fill(commanderWord('optionMissingArgument'), { option: m[1]! })],
  ],
  'commander.missingMandatoryOptionValue': [
    [/^error: required option '(.*)' not specified$/s, (m) => fill(commanderWord('missingMandatoryOptionValue'), { option: m[1]! })],
  ],
  'commander.excessArguments': [
    [
      /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
      (m) =>
        fill(commanderWord(m[1] === undefined ? 'excessArguments' : 'excessArgumentsFor'), {
          command: m[1] ?? '',
          expected: m[2]!,
          received: m[3]!,
          plural: m[2] === '1' ? '' : commanderWord('pluralS'),
        }),
    ],
  ],
  'commander.invalidArgument': [
    [
      /^error: option '(.*?)' value '(.*?)' from env '(.*?)' is invalid\. (.*)$/s,
      (m) => `${fill(commanderWord('invalidOptionEnvValue'), { option: m[1]!, value: m[2]!, env: m[3]! })} ${reason(m[4]!)}`,
    ],
    [
      /^error: option '(.*?)' argument '(.*?)' is invalid\. (.*)$/s,
      (m) => `${fill(commanderWord('invalidOptionValue'), { option: m[1]!, value: m[2]! })} ${reason(m[3]!)}`,
    ],
    [
      /^error: command-argument value '(.*?)' is invalid for argument '(.*?)'\. (.*)$/s,
      (m) => `${fill(commanderWord('invalidArgumentValue'), { value: m[1]!, argument: m[2]! })} ${reason(m[3]!)}`,
    ],
  ],
  'commander.conflictingOption': [
    [
      /^error: ((?:option|environment variable) '.*?') cannot be used with ((?:option|environment variable) '.*?')$/s,
      (m) => fill(commanderWord('conflictingOption'), { first: conflictPart(m[1]!), second: conflictPart(m[2]!) }),
    ],
  ],
};

/** Commander's usage error in the CLI's language; a line it words differently stays as written. */
export function sayUsageError(code: string | undefined, message: string): string {
  for (const [pattern, say] of usageErrors[code ?? ''] ?? []) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}
