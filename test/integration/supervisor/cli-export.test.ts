import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';

describe('fieldmeter export', () => {
  const tempDir = useTempDir();

  it(
    'refuses nobody signed in, a wrong PIN and a technician, then exports CSV and PDF for a supervisor; bad usage exits 2',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'f.db');
      const seeded = await fieldmeterInProcess(['demo', 'seed', '--db', db]);
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toContain('Training profile: Sam Supervisor (supervisor), PIN 333333');
      const out = ['export', '--db', db, '--format', 'csv', '--out', join(dir, 'a.csv')];
      const nobody = await fieldmeterInProcess(out, { FIELDMETER_USER: undefined, FIELDMETER_PIN: undefined });
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toMatch(/^error: Sign in first\.\n {2}Sign in with --user NAME/);
      const wrong = await fieldmeterInProcess(['--user', 'Sam Supervisor', '--verbose', ...out], { FIELDMETER_PIN: '999999' });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/do not match a profile/);
      const technician = await fieldmeterInProcess(['--user', 'Tina Technician', ...out], { FIELDMETER_PIN: '111111' });
      expect(technician.code).toBe(1);
      expect(technician.stderr).toMatch(/it needs the role supervisor/);
      const asSupervisor = { FIELDMETER_USER: 'Sam Supervisor', FIELDMETER_PIN: '333333' };
      const csv = await fieldmeterInProcess(
        ['export', '--db', db, '--format', 'csv', '--out', join(dir, 'a.csv'), '--status', 'read', '--json'],
        asSupervisor,
      );
      expect(csv.code).toBe(0);
      expect(JSON.parse(csv.stdout)).toMatchObject({ rows: 0 });
      const header = readFileSync(join(dir, 'a.csv'), 'utf8').split('\n')[0];
      expect(header).toBe(
        'route,sequence,usage_point,address,meter_serial,register,reading_type,value,read_at,source,qualities,warnings,stop_status,review_status,edited_from,reading_id',
      );
      expect(parse(readFileSync(join(dir, 'a.csv'), 'utf8'), { columns: true })).toEqual([]);
      const pdf = await fieldmeterInProcess(['export', '--db', db, '--format', 'pdf', '--out', join(dir, 'a.pdf')], asSupervisor);
      expect(pdf.code).toBe(0);
      expect(readFileSync(join(dir, 'a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      expect((await fieldmeterInProcess(['export', '--db', db, '--format', 'doc', '--out', join(dir, 'a.doc')])).code).toBe(2);
      expect(
        (
          await fieldmeterInProcess(
            ['export', '--db', db, '--format', 'csv', '--out', join(dir, 'b.csv'), '--from', '23.11.2026'],
            asSupervisor,
          )
        ).code,
      ).toBe(1);
    },
    scaled(120_000),
  );
});
