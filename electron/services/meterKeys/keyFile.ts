/**
 * The key file a utility sends with a delivery of meters (issue 23 §5): keys travel apart from the
 * route, as manufacturers deliver them per shipment, so technicians who get routes never get keys.
 *
 *   manufacturer,id,kind,key
 *   KAM,44556677,mbus,000102030405060708090A0B0C0D0E0F
 *   ,E3100050,dlms.encryption,…
 *
 * `manufacturer` is the three letters sent on the air (FLAG id, EN 13757-3 §6.5) or empty for a
 * meter named by its serial; `kind` may be left out (then `mbus`); `key` is AES-128, 32 hex
 * digits, or for `dlms.password` the LLS password's bytes as 2–32 hex digits (IEC 62056-5-3: the
 * calling-authentication-value is an octet string; hex keeps it apart from CSV quoting). Comma or semicolon. A problem names the line and column, never the key.
 */
import { csvRecords, CsvSyntaxError } from '../routes/csvRecords';
import { meterKeyKinds, type MeterKeyKind } from '../store/repositories/meterKeys';

export interface MeterKeyRow {
  readonly line: number;
  readonly manufacturer: string;
  readonly meterId: string;
  readonly kind: MeterKeyKind;
  readonly key: Uint8Array;
}

export interface KeyFileProblem {
  readonly line: number;
  readonly column: 'manufacturer' | 'id' | 'kind' | 'key' | 'header' | 'duplicate' | 'syntax';
}

export interface KeyFile {
  readonly rows: readonly MeterKeyRow[];
  readonly problems: readonly KeyFileProblem[];
}

const isKind = (kind: string): kind is MeterKeyKind => (meterKeyKinds as readonly string[]).includes(kind);

/** The id as a radio meter sends it (8 BCD/hex digits, zero-filled); a serial as written. */
export function meterIdOf(manufacturer: string, id: string): string | null {
  const trimmed = id.trim();
  if (manufacturer === '') return trimmed.length >= 1 && trimmed.length <= 64 ? trimmed : null;
  return /^[0-9A-Fa-f]{1,8}$/.test(trimmed) ? trimmed.toUpperCase().padStart(8, '0') : null;
}

export function readKeyFile(text: string): KeyFile {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: MeterKeyRow[] = [];
  const problems: KeyFileProblem[] = [];
  const seen = new Set<string>();
  let columns: Record<'manufacturer' | 'id' | 'kind' | 'key', number> | null = null;
  try {
    for (const record of csvRecords(text, delimiter)) {
      const fields = record.fields.map((f) => f.trim());
      if (!columns) {
        const at = (name: string) => fields.findIndex((f) => f.replace(/^\uFEFF/, '').toLowerCase() === name);
        columns = { manufacturer: at('manufacturer'), id: at('id'), kind: at('kind'), key: at('key') };
        if (columns.manufacturer < 0 || columns.id < 0 || columns.key < 0)
          return { rows: [], problems: [{ line: record.line, column: 'header' }] };
        continue;
      }
      const manufacturer = (fields[columns.manufacturer] ?? '').toUpperCase();
      const kind = columns.kind < 0 ? 'mbus' : fields[columns.kind] || 'mbus';
      const keyHex = fields[columns.key] ?? '';
      const meterId = meterIdOf(manufacturer, fields[columns.id] ?? '');
      const problem: KeyFileProblem['column'] | null =
        manufacturer !== '' && !/^[A-Z]{3}$/.test(manufacturer)
          ? 'manufacturer'
          : meterId === null
            ? 'id'
            : !isKind(kind) || (kind === 'mbus' && manufacturer === '')
              ? 'kind'
              : !(kind === 'dlms.password' ? /^(?:[0-9A-Fa-f]{2}){1,16}$/ : /^[0-9A-Fa-f]{32}$/).test(keyHex)
                ? 'key'
                : seen.has(`${manufacturer}/${meterId}/${kind}`)
                  ? 'duplicate'
                  : null;
      if (problem || meterId === null || !isKind(kind)) {
        problems.push({ line: record.line, column: problem ?? 'syntax' });
        continue;
      }
      seen.add(`${manufacturer}/${meterId}/${kind}`);
      rows.push({ line: record.line, manufacturer, meterId, kind, key: Buffer.from(keyHex, 'hex') });
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], problems: [{ line: error.line, column: 'syntax' }] };
    throw error;
  }
  if (!columns) problems.push({ line: 1, column: 'header' });
  return { rows, problems };
}
