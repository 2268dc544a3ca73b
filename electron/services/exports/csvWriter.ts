/** CSV export (issue 10) through csv-stringify: RFC 4180 quoting, the documented header row. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { CsvRecord } from '../store/repositories/exportRows';
import { exportColumns } from './columns';
import { checkpoint, type WriteOptions } from './writers';

/** Writes records already formatted in column order by the export query (no object per row); the second half of a split export goes without the header. */
export async function writeCsv(records: Iterable<CsvRecord>, path: string, options: WriteOptions & { header?: boolean }): Promise<number> {
  const out = createWriteStream(path);
  // csv-stringify quotes separators, quotes and newlines per RFC 4180; the header row is the documented column set.
  const csv = stringify({ header: options.header ?? true, columns: [...exportColumns], bom: false });
  csv.pipe(out);
  let n = 0;
  for (const record of records) {
    if (!csv.write(record)) await once(csv, 'drain');
    checkpoint(++n, options);
  }
  csv.end();
  await once(out, 'finish');
  return n;
}
