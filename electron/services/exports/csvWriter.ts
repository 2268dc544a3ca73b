/** CSV export (issue 10) through csv-stringify: RFC 4180 quoting, the documented header row. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { ExportRow } from '../store/repositories/exportRows';
import { exportColumns, toRecord } from './columns';
import { checkpoint, type WriteOptions } from './writers';

export async function writeCsv(rows: Iterable<ExportRow>, path: string, options: WriteOptions): Promise<number> {
  const out = createWriteStream(path);
  // csv-stringify quotes separators, quotes and newlines per RFC 4180; the header row is the documented column set.
  const csv = stringify({ header: true, columns: exportColumns.map((c) => c.header), bom: false });
  csv.pipe(out);
  let n = 0;
  for (const row of rows) {
    if (!csv.write(toRecord(row))) await once(csv, 'drain');
    checkpoint(++n, options);
  }
  csv.end();
  await once(out, 'finish');
  return n;
}

