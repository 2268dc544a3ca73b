/**
 * Saying a name the meter side supplies (a DLMS class id, an M-Bus quantity, function, device type
 * or security mode) from the tables in meterNames.en.ts / meterNames.de.ts. A code this build has
 * no words for is shown as it came, so a newer meter's code is never hidden.
 */
import type { MeterNames } from './meterNames.en';

export { meterNamesEn, type MeterNames } from './meterNames.en';
export { meterNamesDe } from './meterNames.de';

type Names = Readonly<Record<string, string>>;

/** The words for a code in one of the tables, or null when this build has none. */
export const knownName = (table: object, code: string | number): string | null => (table as Names)[String(code)] ?? null;

/** The words for a code, or the code itself. */
export const nameOf = (table: object, code: string | number): string => knownName(table, code) ?? String(code);

/** A telegram's security in words: ELL or the TPL mode named, any other mode by its number (OMS Vol.2 §9). */
export function securityName(names: MeterNames, encryption: string): string {
  const known = knownName(names.mbusSecurity, encryption);
  if (known) return known;
  const mode = /^mode(\d+)$/.exec(encryption)?.[1];
  return mode ? names.mbusSecurity.mode.replace('{{mode}}', mode) : encryption;
}
