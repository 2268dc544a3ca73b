/**
 * A ReadingType named by `Names/name` instead of its mRID (issue 19 §4): CX GetMeterReadings.xsd
 * lets a ReadingType carry mRID and/or Names, and enterprises that key reading types by an alias
 * send only the name. The name is resolved through the code tables against the registers of the
 * meters asked for, in this order: the 18-part code itself (IEC 61968-9 Annex C, some systems put
 * it in the name), an OBIS code of the register (IEC 62056-61, "1-0:1.8.0*255" or "1.8.0"), the
 * register's label, its readable ReadingType text (readingTypeText). A name none of these resolves
 * is an error for the caller to refuse: a request is never widened to every register.
 */
import { obisNamesReadingType } from './codes/obis';
import { isReadingTypeCode, readingTypeText } from './readingType';

export interface NamedRegister {
  readingType: string;
  label: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The ReadingType codes a name stands for among these registers (one, or several meters' equal registers), or [] when none. */
export function resolveReadingTypeName(name: string, registers: readonly NamedRegister[]): string[] {
  const wanted = name.trim();
  if (isReadingTypeCode(wanted)) return [wanted];
  const found = registers.filter(
    (r) => obisNamesReadingType(wanted, r.readingType) || same(r.label, wanted) || same(readingTypeText(r.readingType) ?? '', wanted),
  );
  return [...new Set(found.map((r) => r.readingType))];
}
