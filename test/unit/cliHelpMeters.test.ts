/**
 * `--help` of the meter commands in the user's language (issue 16 §3, no user-visible English
 * outside the translation tables): every description of dlms, mbus, probe, models, keys and the
 * meter simulators — commands, options and arguments, all the way down — is said in German under
 * FIELDMETER_LANG=de, and none is empty. Option names, OBIS codes and variables stay as written.
 */
import type { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../electron/cli/program';

/** The meter commands: top-level groups, and the simulators they register under `simulate`. */
const meterGroups = ['dlms', 'mbus', 'probe', 'models', 'keys'];
const meterSimulators = ['dlms-meter', 'wmbus-receiver', 'mbus-meters'];

/** Every description under a command, keyed by where it is said (`dlms read --port`). */
function descriptions(command: Command, path: string): [string, string][] {
  return [
    [path, command.description()],
    ...command.options.map((o): [string, string] => [`${path} ${o.flags}`, o.description]),
    ...command.registeredArguments.map((a): [string, string] => [`${path} <${a.name()}>`, a.description]),
    ...command.commands.flatMap((c) => descriptions(c, `${path} ${c.name()}`)),
  ];
}

function meterHelp(language: 'en' | 'de'): Map<string, string> {
  process.env.FIELDMETER_LANG = language;
  const program = buildProgram({ out: () => {}, err: () => {} });
  const find = (parent: Command, name: string) => {
    const found = parent.commands.find((c) => c.name() === name);
    if (!found) throw new Error(`no command ${name}`);
    return found;
  };
  const simulate = find(program, 'simulate');
  return new Map([
    ...meterGroups.flatMap((name) => descriptions(find(program, name), name)),
    ...meterSimulators.flatMap((name) => descriptions(find(simulate, name), `simulate ${name}`)),
  ]);
}

describe('--help of the meter commands', () => {
  const before = process.env.FIELDMETER_LANG;
  afterEach(() => {
    if (before === undefined) delete process.env.FIELDMETER_LANG;
    else process.env.FIELDMETER_LANG = before;
  });

  it('says every command, option and argument in German, none left in English or empty', () => {
    const english = meterHelp('en');
    const german = meterHelp('de');
    expect([...german.keys()]).toEqual([...english.keys()]);
    // A walk that found nothing would prove nothing: the commands and their options are all there.
    expect(english.size).toBeGreaterThan(100);
    const untranslated = [...english].filter(([where, text]) => german.get(where) === text).map(([where]) => where);
    const empty = [...english, ...german].filter(([, text]) => text.trim() === '').map(([where]) => where);
    expect(untranslated).toEqual([]);
    expect(empty).toEqual([]);
  });

  it('keeps the English words and names what the German leaves as written', () => {
    const english = meterHelp('en');
    const german = meterHelp('de');
    expect(english.get('dlms read --profile <obis>')).toBe('the load profile to read (default 1-0:99.1.0.255)');
    expect(german.get('dlms read --profile <obis>')).toContain('1-0:99.1.0.255');
    expect(german.get('dlms read')).toContain('$FIELDMETER_DLMS_PASSWORD');
    expect(german.get('mbus listen --mode <mode>')).toContain('T1, C1, C1B, S1');
  });
});
