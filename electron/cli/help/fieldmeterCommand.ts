/**
 * The `fieldmeter` command and every subcommand made from it (commander's createCommand), with
 * `--help` and the usage errors in the CLI's language (issue 16 §3). A subclass rather than
 * configureOutput: commander hands outputError only the English line, while `error()` also
 * receives the error's code, which says which line it is.
 */
import { Command, Help, type Argument, type Option } from 'commander';
import { fill } from '../language';
import { commanderWord, sayHeading, sayUsageError, sayUsageTokens } from './commanderWords';

/** Commander's "(choices: …, default: …)" note, in the CLI's language. */
function withNotes(description: string, notes: readonly string[]): string {
  if (notes.length === 0) return description;
  const said = `(${notes.join(', ')})`;
  return description ? `${description} ${said}` : said;
}

const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

class FieldmeterHelp extends Help {
  override styleTitle(heading: string): string {
    return sayHeading(heading);
  }

  override commandUsage(cmd: Command): string {
    return sayUsageTokens(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return sayUsageTokens(super.subcommandTerm(cmd));
  }

  // The notes as commander 14 decides them (help.js optionDescription), said from the catalog.
  override optionDescription(option: Option): string {
    const notes: string[] = [];
    if (option.argChoices) notes.push(fill(commanderWord('choices'), { values: quoted(option.argChoices) }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault)
      notes.push(fill(commanderWord('default'), { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
    if (option.presetArg !== undefined && option.optional)
      notes.push(fill(commanderWord('preset'), { value: JSON.stringify(option.presetArg) }));
    if (option.envVar !== undefined) notes.push(fill(commanderWord('env'), { name: option.envVar }));
    return withNotes(option.description, notes);
  }

  override argumentDescription(argument: Argument): string {
    const notes: string[] = [];
    if (argument.argChoices) notes.push(fill(commanderWord('choices'), { values: quoted(argument.argChoices) }));
    if (argument.defaultValue !== undefined)
      notes.push(fill(commanderWord('default'), { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
    return withNotes(argument.description, notes);
  }
}

export class FieldmeterCommand extends Command {
  /** The program: the help option and help command in the CLI's language, inherited by every subcommand. */
  static program(name: string): FieldmeterCommand {
    const program = new FieldmeterCommand(name);
    program.helpOption('-h, --help', commanderWord('helpOption')).helpCommand('help [command]', commanderWord('helpCommand'));
    return program;
  }

  override createCommand(name?: string): FieldmeterCommand {
    return new FieldmeterCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new FieldmeterHelp(), this.configureHelp());
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    return super.error(sayUsageError(options?.code, message), options);
  }
}
