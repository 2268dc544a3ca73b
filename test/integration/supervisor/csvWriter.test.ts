import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../../electron/services/exports/columns';
import { writeCsv } from '../../../electron/services/exports/csvWriter';
import type { CsvRecord } from '../../../electron/services/store/repositories/exportRows';
import { useTempDir } from '../../support/tempDir';

/** Enough records for several of the writer's chunks, with fields that need quoting. */
const records = (n: number): CsvRecord[] =>
  Array.from({ length: n }, (_, i) => [
    'R1',
    i,
    `UP-${i}`,
    `${i} Long Road, "Bench" Town`,
    `E${i}`,
    'Energy',
    '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0',
    String(10_000 + i),
    '2026-11-23T08:00:00.000Z',
    'manual',
    '2.4.131',
    i % 10 ? null : 'high\nlow',
    'read',
    'pending',
    null,
    i,
  ]);

describe('CSV writer', () => {
  const tempDir = useTempDir();

  it('writes, in big chunks, exactly the bytes csv-stringify makes of the records', async () => {
    const path = join(tempDir(), 'x.csv');
    const rows = records(20_000);
    expect(await writeCsv(rows, path, {})).toBe(20_000);
    const bytes = readFileSync(path, 'utf8');
    expect(bytes.length).toBeGreaterThan(4 * (1 << 18));
    expect(bytes).toBe(stringify(rows, { header: true, columns: [...exportColumns] }));
  });

  it('fails, rather than waits, when the file cannot be written', async () => {
    const path = join(tempDir(), 'a-folder');
    mkdirSync(path);
    await expect(writeCsv(records(20_000), path, {})).rejects.toThrow(/EISDIR/);
  });

  it('stops at the next checkpoint when cancelled', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(writeCsv(records(5_000), join(tempDir(), 'c.csv'), { signal: stop.signal })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
