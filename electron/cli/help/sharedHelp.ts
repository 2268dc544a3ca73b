/** Options many commands share (`--db`, `--json`), in English and German. */
import { helpFrom, type HelpCatalog } from './helpWords';

const sharedHelpCatalog = {
  en: {
    db: 'database file (default: $FIELDMETER_DB, then the user-data folder)',
    dbWithSave: 'database file (with --save; default: $FIELDMETER_DB, then the user-data folder)',
    json: 'print machine-readable JSON',
  },
  de: {
    db: 'Datenbankdatei (Vorgabe: $FIELDMETER_DB, sonst der Benutzerdatenordner)',
    dbWithSave: 'Datenbankdatei (mit --save; Vorgabe: $FIELDMETER_DB, sonst der Benutzerdatenordner)',
    json: 'maschinenlesbares JSON ausgeben',
  },
} satisfies HelpCatalog<'db' | 'dbWithSave' | 'json'>;

export const sharedHelp = helpFrom(sharedHelpCatalog);
