/**
 * The words of `--help` (issue 16 §3): every command's and option's description is said from a
 * catalog in the CLI's language, like every other line the CLI prints. Each group of commands keeps
 * its own catalog beside this file; the German side must have the same keys as the English one.
 */
import { cliLanguage } from '../language';

export interface HelpCatalog<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly de: Readonly<Record<K, string>>;
}

/** A catalog's lookup in the CLI's language, read when the command is defined. */
export function helpFrom<K extends string>(catalog: HelpCatalog<K>): (key: K) => string {
  return (key) => catalog[cliLanguage()][key];
}
