/**
 * Meter keys in a route read list (issue 22 §5, issue 23 §5): optional columns that carry a
 * meter's keys with the work, for utilities that hand out the route and the keys as one file.
 * They go straight into the meter-key store, sealed (meterKeys service); never into the route
 * tables, a problem's details, a log or the audit. The columns and their contents follow the
 * key file's kinds (README "Meter keys"):
 *
 *   mbus_key                 AES-128, 32 hex digits; the meter_serial must be the radio address (KAM44556677)
 *   dlms_encryption_key      AES-128 global unicast encryption key (IEC 62056-5-3 §9.2.4), 32 hex
 *   dlms_authentication_key  AES-128 authentication key, 32 hex
 *   dlms_password            the LLS password's bytes, 2–32 hex digits (an octet string, IEC 62056-5-3)
 *
 * An M-Bus key is named by the radio address, as a listening session looks keys up; DLMS keys by
 * the meter's serial, as the DLMS reader asks for them. A key may stand on any row of its meter; a
 * row that repeats it must give the same key.
 */
import type { ImportProblem } from '../../../shared/contract/entities';
import { radioAddressOf } from '../../../shared/mbus/radioAddress';
import type { MeterKeyKind } from '../store/repositories/meterKeys';

export const keyColumns = {
  mbus_key: 'mbus',
  dlms_encryption_key: 'dlms.encryption',
  dlms_authentication_key: 'dlms.authentication',
  dlms_password: 'dlms.password',
} as const satisfies Record<string, MeterKeyKind>;
export type KeyColumn = keyof typeof keyColumns;
const columnNames = Object.keys(keyColumns) as KeyColumn[];

/** One key a row gives its meter, named as the meter-key store names meters. */
export interface RowKey {
  readonly manufacturer: string;
  readonly meterId: string;
  readonly kind: MeterKeyKind;
  readonly key: Uint8Array;
}

/** Where the key columns sit in the header, or null when the file has none (nothing is read per row then). */
export type KeyColumnIndex = Readonly<Record<KeyColumn, number>> | null;

export function keyColumnIndex(header: readonly string[]): KeyColumnIndex {
  const index = Object.fromEntries(columnNames.map((c) => [c, header.indexOf(c)])) as Record<KeyColumn, number>;
  return columnNames.some((c) => index[c] >= 0) ? index : null;
}

const AES_128 = /^[0-9A-Fa-f]{32}$/;
const PASSWORD = /^(?:[0-9A-Fa-f]{2}){1,16}$/;

/**
 * The row's keys, checked; each problem names line and column but never the key (not even a
 * piece of it: a mistyped key is still most of a key). Null when the row gives none.
 */
export function rowKeys(
  fields: readonly string[],
  line: number,
  index: KeyColumnIndex,
  meterSerial: string,
  problems: ImportProblem[],
): RowKey[] | null {
  if (!index) return null;
  const keys: RowKey[] = [];
  for (const column of columnNames) {
    const at = index[column];
    const text = at < 0 ? '' : (fields[at] ?? '').trim();
    if (text === '') continue;
    const kind = keyColumns[column];
    if (kind === 'dlms.password' ? !PASSWORD.test(text) : !AES_128.test(text)) {
      problems.push({ line, column, code: kind === 'dlms.password' ? 'notPasswordHex' : 'notAesKey' });
      continue;
    }
    const radio = kind === 'mbus' ? radioAddressOf(meterSerial) : null;
    if (kind === 'mbus' && !radio) {
      problems.push({ line, column, code: 'keyNeedsRadioAddress', details: { meterSerial: meterSerial.slice(0, 40) } });
      continue;
    }
    const key = Buffer.from(text, 'hex');
    keys.push(
      radio ? { manufacturer: radio.manufacturer, meterId: radio.id, kind, key } : { manufacturer: '', meterId: meterSerial, kind, key },
    );
  }
  return keys.length > 0 ? keys : null;
}

/**
 * The rule across rows: a meter's key for a kind is the same wherever the file repeats it. Keeps
 * the keys of the rows taken, per meter and kind, for the length of one read (as the file itself is held).
 */
export function keyAgreement() {
  const seen = new Map<string, { readonly key: Uint8Array; readonly line: number }>();
  const nameOf = (k: RowKey) => `${k.manufacturer}/${k.meterId}/${k.kind}`;
  return {
    /** The problem when a key differs from the one an earlier row gave. */
    differs(keys: readonly RowKey[], line: number): ImportProblem | null {
      for (const key of keys) {
        const earlier = seen.get(nameOf(key));
        if (earlier && !Buffer.from(earlier.key).equals(key.key)) {
          const column = columnNames.find((c) => keyColumns[c] === key.kind);
          return { line, ...(column ? { column } : {}), code: 'keyDiffers', details: { otherLine: earlier.line } };
        }
      }
      return null;
    },
    /** Called once the row is taken. */
    remember(keys: readonly RowKey[], line: number): void {
      for (const key of keys) if (!seen.has(nameOf(key))) seen.set(nameOf(key), { key: key.key, line });
    },
  };
}
