/**
 * `fieldmeterInProcess` (test/support/cli.ts) stands in for the real process in the tests about what
 * a command does: for the same command it must give what the built bin gives — exit code, stdout and
 * stderr — on success, on bad usage, on a refused sign-in (an environment variable set for the run)
 * and on a coded error. If it did not, those tests would pass on output no user sees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldmeter, fieldmeterInProcess } from '../support/cli';
import { scaled } from '../support/timeouts';

describe(
  'a command run in the test process gives the code, stdout and stderr of the real process',
  () => {
    // One folder for the file's tests: they share the seeded database.
    let dir = '';
    let seeded = '';
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fieldmeter-'));
      seeded = join(dir, 'seeded.db');
      expect((await fieldmeter(['demo', 'seed', '--db', seeded])).code).toBe(0);
    });

    /** Runs `args` both ways; each run migrating `db` gets a database of its own, named back in the output. */
    async function bothWays(args: (db: string) => readonly string[], env: Readonly<Record<string, string | undefined>> = {}) {
      const child = await fieldmeter(args(join(dir, 'child.db')), env);
      const inProcess = await fieldmeterInProcess(args(join(dir, 'in-process.db')), env);
      expect({ ...inProcess, stdout: inProcess.stdout.replace('in-process.db', 'child.db') }).toEqual(child);
      return child;
    }

    it('help, and bad usage (exit 2)', async () => {
      expect((await bothWays(() => ['--help'])).code).toBe(0);
      expect((await bothWays(() => ['readings', 'lst'])).code).toBe(2);
    });

    it('a database migrated, its path and schema as JSON', async () => {
      expect((await bothWays((db) => ['db', 'migrate', '--db', db, '--json'])).code).toBe(0);
    });

    it('a profile named by the environment, refused (and the variables gone afterwards)', async () => {
      const run = await bothWays(() => ['export', '--db', seeded, '--format', 'csv', '--out', join(dir, 'a.csv')], {
        FIELDMETER_USER: 'Tina Technician',
        FIELDMETER_PIN: '111111',
      });
      expect(run.stderr).toContain('it needs the role supervisor');
      expect(process.env.FIELDMETER_PIN).toBeUndefined();
    });

    it('a coded error in the words LANG asks for', async () => {
      expect((await bothWays(() => ['import', 'message', join(dir, 'missing.xml'), '--db', seeded], { LANG: 'de_DE.UTF-8' })).code).toBe(1);
    });
  },
  scaled(40_000),
);
