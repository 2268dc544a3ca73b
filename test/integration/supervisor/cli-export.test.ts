import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fieldmeter } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';

describe('fieldmeter export', () => {
  const tempDir = useTempDir();

  it('refuses a technician, then exports CSV and PDF for a supervisor; bad usage exits 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'f.db');
    expect((await fieldmeter(['demo', 'seed', '--db', db])).code).toBe(0);
    const refused = await fieldmeter(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'a.csv')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Only a supervisor may export readings/);
    expect((await fieldmeter(['profile', 'set', '--db', db, '--name', 'Sam', '--role', 'supervisor'])).code).toBe(0);
    const csv = await fieldmeter(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'a.csv'), '--status', 'read', '--json']);
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toMatchObject({ rows: 0 });
    const header = readFileSync(join(dir, 'a.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('route,sequence,usage_point,address,meter_serial,register,reading_type,value,read_at,source,qualities,warnings,stop_status,review_status,edited_from,reading_id');
    expect(parse(readFileSync(join(dir, 'a.csv'), 'utf8'), { columns: true })).toEqual([]);
    const pdf = await fieldmeter(['export', '--db', db, '--format', 'pdf', '--out', join(dir, 'a.pdf')]);
    expect(pdf.code).toBe(0);
    expect(readFileSync(join(dir, 'a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fieldmeter(['export', '--db', db, '--format', 'doc', '--out', join(dir, 'a.doc')])).code).toBe(2);
    expect((await fieldmeter(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'b.csv'), '--from', '23.11.2026'])).code).toBe(1);
  }, 120_000);
});
