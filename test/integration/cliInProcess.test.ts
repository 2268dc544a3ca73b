/**
 * `fieldmeterInProcess` (test/support/cli.ts) stands in for the real process in the tests about what
 * a command does: for the same command it must give what the built bin gives — exit code, stdout and
 * stderr — on success, on bad usage, on a refused sign-in (an environment variable set for the run)
 * and on a coded error. If it did not, those tests would pass on output no user sees.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldmeter, fieldmeterInProcess } from '../support/cli';
import { useTempDir } from '../support/tempDir';

describe('a command run in the test process', () => {
  const tempDir = useTempDir();

  it('gives the code, stdout and stderr of the real process', async () => {
    const dir = tempDir();
    const seeded = join(dir, 'seeded.db');
    expect((await fieldmeter(['demo', 'seed', '--db', seeded])).code).toBe(0);
    const runs: [readonly string[], Record<string, string | undefined>][] = [
      [['--help'], {}],
      [['readings', 'lst'], {}],
      [['db', 'migrate', '--db', join(dir, 'new.db'), '--json'], {}],
      [
        ['export', '--db', seeded, '--format', 'csv', '--out', join(dir, 'a.csv')],
        { FIELDMETER_USER: 'Tina Technician', FIELDMETER_PIN: '111111' },
      ],
      [['import', 'message', join(dir, 'missing.xml'), '--db', seeded], { LANG: 'de_DE.UTF-8' }],
    ];
    for (const [args, env] of runs) {
      const child = await fieldmeter(args, env);
      // The database the migrate run made is there now: the in-process run makes its own.
      const inProcess = await fieldmeterInProcess(
        args.map((a) => a.replace('new.db', 'new-2.db')),
        env,
      );
      expect({ ...inProcess, stdout: inProcess.stdout.replace('new-2.db', 'new.db') }, args.join(' ')).toEqual(child);
    }
    // What the run set is gone afterwards.
    expect(process.env.FIELDMETER_PIN).toBeUndefined();
  });
});
