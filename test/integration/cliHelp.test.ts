/**
 * `fieldmeter --help` in the user's language (issue 16 §3): every description of every command,
 * option and argument is said from a catalog, commander's own headings and usage errors too. The
 * program is built in this process under FIELDMETER_LANG=en and =de and walked whole.
 */
import { Argument, Option, type Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldmeterCommand } from '../../electron/cli/help/fieldmeterCommand';
import { buildProgram } from '../../electron/cli/program';
import { fieldmeterInProcess } from '../support/cli';
import { scaled } from '../support/timeouts';

const german = { LANG: 'de_DE.UTF-8', FIELDMETER_LANG: undefined, FIELDMETER_LOG: 'silent' };
const english = { LANG: 'en_GB.UTF-8', FIELDMETER_LANG: undefined, FIELDMETER_LOG: 'silent' };

const savedLanguage = process.env.FIELDMETER_LANG;
afterEach(() => {
  if (savedLanguage === undefined) delete process.env.FIELDMETER_LANG;
  else process.env.FIELDMETER_LANG = savedLanguage;
});

/** Every description in the finished program, by where it is: `sync --endpoint <url>`, `import route <file>`. */
function descriptionsOf(language: 'en' | 'de'): Map<string, string> {
  process.env.FIELDMETER_LANG = language;
  const program = buildProgram({ out: () => {}, err: () => {} });
  const found = new Map<string, string>();
  const walk = (command: Command, path: string) => {
    found.set(path || '(program)', command.description());
    const help = command.createHelp();
    // The help option is commander's own; visibleOptions adds it to the command's options.
    for (const option of [...command.options, ...help.visibleOptions(command)])
      found.set(`${path} ${option.flags}`.trim(), option.description);
    for (const argument of command.registeredArguments) found.set(`${path} <${argument.name()}>`.trim(), argument.description);
    for (const sub of command.commands) walk(sub, `${path} ${sub.name()}`.trim());
    const helpCommand = help.visibleCommands(command).find((c) => c.name() === 'help' && !command.commands.includes(c));
    if (helpCommand) found.set(`${path} help`.trim(), helpCommand.description());
  };
  walk(program, '');
  return found;
}

describe(
  'the CLI help in the user’s language',
  () => {
    it('says every description of every command, option and argument in German under FIELDMETER_LANG=de', () => {
      const en = descriptionsOf('en');
      const de = descriptionsOf('de');
      expect([...de.keys()].sort()).toEqual([...en.keys()].sort());
      expect(en.size).toBeGreaterThan(150);
      const untranslated = [...en].filter(([where, text]) => text !== '' && de.get(where) === text).map(([where]) => where);
      expect(untranslated).toEqual([]);
      // A sample said word for word, so a wrong catalog lookup cannot pass as "different".
      expect(en.get('sync --insecure')).toBe('do not verify the server certificate (test servers only)');
      expect(de.get('sync --insecure')).toBe('das Server-Zertifikat nicht prüfen (nur für Testserver)');
    });

    it('prints --help with German headings, help words and default notes under LANG=de', async () => {
      for (const args of [['--help'], ['sync', '--help'], ['help', 'readings']]) {
        const { code, stdout } = await fieldmeterInProcess(args, german);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^Aufruf: fieldmeter/);
        expect(stdout).toContain('Optionen:');
        expect(stdout).toContain('Hilfe zu diesem Befehl anzeigen');
        expect(stdout).not.toMatch(/Usage:|Options:|Commands:|display help|\[options\]|\(default:/);
      }
      expect((await fieldmeterInProcess(['sync', '--help'], german)).stdout).toContain('(Vorgabe: "100")');
      expect((await fieldmeterInProcess(['--help'], german)).stdout).toMatch(
        /Befehle:[\s\S]*help \[Befehl\] +Hilfe zu einem Befehl anzeigen/,
      );
      expect((await fieldmeterInProcess(['import', 'route', '--help'], german)).stdout).toContain('Argumente:');

      const inEnglish = await fieldmeterInProcess(['sync', '--help'], english);
      expect(inEnglish.stdout).toMatch(/^Usage: fieldmeter sync \[options\]\n/);
      expect(inEnglish.stdout).toContain('messages marked in flight together (default: "100")');
      expect(inEnglish.stdout).toContain('-h, --help ');
      expect(inEnglish.stdout).toContain('display help for command');
    });

    // Each usage error commander raises: its English line as commander words it, and the German line.
    const usageErrors: readonly (readonly [readonly string[], string, string])[] = [
      [['readings', 'list', '--bogus'], "error: unknown option '--bogus'", "Fehler: Die Option '--bogus' gibt es nicht."],
      [
        ['readings', 'lst'],
        "error: unknown command 'lst'\n(Did you mean list?)",
        "Fehler: Den Befehl 'lst' gibt es nicht.\n(Meinten Sie list?)",
      ],
      [['import', 'route'], "error: missing required argument 'file'", "Fehler: Das Argument 'file' fehlt."],
      [['sync', '--db'], "error: option '--db <path>' argument missing", "Fehler: Der Option '--db <path>' fehlt ihr Wert."],
      [['pan', 'check'], "error: required option '--eui64 <eui>' not specified", "Fehler: Die Option '--eui64 <eui>' ist erforderlich."],
      [
        ['readings', 'list', 'extra'],
        "error: too many arguments for 'list'. Expected 0 arguments but got 1.",
        "Fehler: Zu viele Argumente für 'list': erwartet 0, erhalten 1.",
      ],
      [
        ['readings', 'list', '--status', 'gone'],
        "error: option '--status <status>' argument 'gone' is invalid. Allowed choices are unread, read, warning, skipped.",
        "Fehler: Der Wert 'gone' der Option '--status <status>' ist ungültig. Erlaubt sind: unread, read, warning, skipped.",
      ],
    ];

    it.each(usageErrors)('says bad usage %j in German with the name commander gave, English as before (exit 2)', async (args, en, de) => {
      const inGerman = await fieldmeterInProcess(args, german);
      expect(inGerman.code).toBe(2);
      expect(inGerman.stderr.startsWith(`${de}\n`)).toBe(true);
      expect(inGerman.stderr).toContain('Aufruf: fieldmeter');
      expect(inGerman.stderr).not.toMatch(/error:|Usage:/);

      const inEnglish = await fieldmeterInProcess(args, english);
      expect(inEnglish.code).toBe(2);
      expect(inEnglish.stderr.startsWith(`${en}\n`)).toBe(true);
    });

    // Lines no Fieldmeter command raises today (conflicting options, a value from the environment, an
    // argument with choices): said all the same, and word for word commander's own in English.
    const smallProgram = () => {
      const said: string[] = [];
      const program = FieldmeterCommand.program('t')
        .exitOverride()
        .configureOutput({ writeErr: (s) => said.push(s), writeOut: () => {} })
        .addOption(new Option('--a').conflicts('b'))
        .addOption(new Option('--b').env('T_B'))
        .addOption(new Option('--c <n>').choices(['1', '2']).env('T_C'))
        .addArgument(new Argument('[mode]').choices(['x', 'y']))
        .action(() => {});
      return { program, said };
    };
    it.each([
      [
        ['--a', '--b'],
        {},
        "error: option '--a' cannot be used with option '--b'",
        "Fehler: Nicht zusammen verwendbar: Option '--a' und Option '--b'.",
      ],
      [
        ['--a'],
        { T_B: '1' },
        "error: option '--a' cannot be used with environment variable 'T_B'",
        "Fehler: Nicht zusammen verwendbar: Option '--a' und Umgebungsvariable 'T_B'.",
      ],
      [
        [],
        { T_C: '3' },
        "error: option '--c <n>' value '3' from env 'T_C' is invalid. Allowed choices are 1, 2.",
        "Fehler: Der Wert '3' der Option '--c <n>' aus der Umgebungsvariable 'T_C' ist ungültig. Erlaubt sind: 1, 2.",
      ],
      [
        ['z'],
        {},
        "error: command-argument value 'z' is invalid for argument 'mode'. Allowed choices are x, y.",
        "Fehler: Der Wert 'z' des Arguments 'mode' ist ungültig. Erlaubt sind: x, y.",
      ],
    ] as const)('says %j (environment %j) in German', (args, env, en, de) => {
      const savedEnv = { T_B: process.env.T_B, T_C: process.env.T_C };
      Object.assign(process.env, env);
      try {
        for (const [language, line] of [
          ['en', en],
          ['de', de],
        ] as const) {
          process.env.FIELDMETER_LANG = language;
          const { program, said } = smallProgram();
          expect(() => program.parse([...args], { from: 'user' })).toThrow(line);
          expect(said[0]).toBe(`${line}\n`);
        }
      } finally {
        for (const [name, value] of Object.entries(savedEnv))
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
      }
    });
  },
  scaled(20_000),
);
