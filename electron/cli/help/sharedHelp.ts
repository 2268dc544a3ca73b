/** Options many commands share (`--db`, `--json`) and the `simulate` group's words, in English and German. */
import type { Command } from 'commander';
import { helpFrom, type HelpCatalog } from './helpWords';

const sharedHelpCatalog = {
  en: {
    db: 'database file (default: $FIELDMETER_DB, then the user-data folder)',
    dbWithSave: 'database file (with --save; default: $FIELDMETER_DB, then the user-data folder)',
    json: 'print machine-readable JSON',
    simulate: 'simulators for training and tests',
  },
  de: {
    db: 'Datenbankdatei (Vorgabe: $FIELDMETER_DB, sonst der Benutzerdatenordner)',
    dbWithSave: 'Datenbankdatei (mit --save; Vorgabe: $FIELDMETER_DB, sonst der Benutzerdatenordner)',
    json: 'maschinenlesbares JSON ausgeben',
    simulate: 'Simulatoren für Schulung und Tests',
  },
} satisfies HelpCatalog<'db' | 'dbWithSave' | 'json' | 'simulate'>;

export const sharedHelp = helpFrom(sharedHelpCatalog);

/** The `simulate` command group, made by whichever command module registers a simulator first. */
export function simulateGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'simulate') ?? program.command('simulate').description(sharedHelp('simulate')).exitOverride()
  );
}
