/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet opening the export runs a cell that starts
 * with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), and a leading tab or
 * carriage return hides such a start from a naive check. Route files come from outside the device,
 * so addresses, labels and serials may carry one. Such a cell gets a leading `'`, which spreadsheets
 * show as text; a real number in a numeric column (`-3.5` in `value`) stays a number.
 */
import type { CsvRecord } from '../store/repositories/exportRows';
import { exportColumns } from './columns';

/** `=`, `+`, `-`, `@`, tab, carriage return (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** An exact decimal as the store keeps values (shared/domain/decimal.ts): optional minus, digits, optional fraction. */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Columns whose text is a number: a negative one is data, not a formula. */
const NUMERIC_COLUMNS: ReadonlySet<number> = new Set(
  (['sequence', 'value', 'edited_from', 'reading_id'] as const).map((name) => exportColumns.indexOf(name)),
);

/** The cell as a spreadsheet may safely read it. */
export function neutraliseCell(cell: string, numericColumn: boolean): string {
  if (!FORMULA_START.test(cell)) return cell;
  if (numericColumn && DECIMAL.test(cell)) return cell;
  return `'${cell}`;
}

/** Neutralises the record's text cells in place (the export query hands each record over once). */
export function neutraliseRecord(record: CsvRecord): CsvRecord {
  for (let i = 0; i < record.length; i++) {
    const cell = record[i];
    // Only the first character decides: most cells are left after one comparison.
    if (typeof cell === 'string' && cell.length > 0 && FORMULA_START.test(cell)) record[i] = neutraliseCell(cell, NUMERIC_COLUMNS.has(i));
  }
  return record;
}
