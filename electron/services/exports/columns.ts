/**
 * The export's CSV column set (issue 10), the same from the app and the CLI. Documented in README
 * "Export columns"; changing it changes the file format utilities script against. The export
 * query formats the values (store/repositories/exportRows.ts); its column names must be these.
 */
export const exportColumns = [
  'route',
  'sequence',
  'usage_point',
  'address',
  'meter_serial',
  'register',
  'reading_type',
  'value',
  'read_at',
  'source',
  'qualities',
  'warnings',
  'stop_status',
  'review_status',
  'edited_from',
  'reading_id',
] as const;

/** Throws when the query's columns drift from the documented set (checked before any file is written). */
export function checkCsvColumns(names: readonly string[]): void {
  if (names.join(',') !== exportColumns.join(','))
    throw new Error(`export query columns ${names.join(',')} differ from the documented ${exportColumns.join(',')}`);
}
