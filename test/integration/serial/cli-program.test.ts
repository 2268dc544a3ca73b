import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { setClockWithinS, socatSkipReason } from './ptyHarness';
import { scaled } from '../../support/timeouts';

describe.skipIf(socatSkipReason !== null)(
  `fieldmeter program time-sync / demand-reset${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it(
      'syncs the clock of a simulated meter, resets its demand, and refuses a wrong password',
      async () => {
        const link = join(tempDir(), 'meter');
        const child = spawn(process.execPath, [fieldmeterBin, 'simulate', 'meter', '--profile', 'program-isk', '--link', link, '--json'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        try {
          await new Promise<void>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              if (out.includes('}')) resolve();
            });
            child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
          });
          // The password from the environment, never the command line (issue 18); without either and no terminal: refused.
          const none = await fieldmeter(['program', 'time-sync', '--port', link, '--verbose'], { FIELDMETER_METER_PASSWORD: undefined });
          expect(none.code).toBe(1);
          expect(none.stderr).toMatch(/No meter password: set FIELDMETER_METER_PASSWORD/);
          const password = { FIELDMETER_METER_PASSWORD: '00000000' };
          // No model named and none assigned (no --usage-point): the meter is not programmed, nothing is sent after the sign-on.
          const unassigned = await fieldmeter(['program', 'time-sync', '--port', link, '--verbose'], password);
          expect(unassigned.code).toBe(1);
          expect(unassigned.stderr).toMatch(/MODEL_NOT_CONFIGURED.*ISK MT174-0001/);
          const sync = await fieldmeter(['program', 'time-sync', '--port', link, '--profile', 'isk-mt', '--json'], password);
          expect(sync.stderr).toBe('');
          expect(sync.code).toBe(0);
          const report = JSON.parse(sync.stdout);
          expect(report.model).toBe('isk-mt');
          expect(report.before.driftS).toBeLessThan(-90);
          expect(Math.abs(report.after.driftS)).toBeLessThanOrEqual(setClockWithinS);

          const reset = await fieldmeter(['program', 'demand-reset', '--port', link, '--profile', 'isk-mt'], password);
          expect(reset.code).toBe(0);
          expect(reset.stdout).toMatch(/Demand before: 0004\.512 kW at 2401151230; after: 0000\.000 kW at \d{10}\./);
          expect(reset.stdout).toMatch(/Reset counter: 07 → 08/);

          const wrong = await fieldmeter([
            'program',
            'time-sync',
            '--port',
            link,
            '--profile',
            'isk-mt',
            '--password',
            '11111111',
            '--verbose',
          ]);
          expect(wrong.code).toBe(1);
          expect(wrong.stderr).toMatch(/PASSWORD_REJECTED.*refused the P1 password/);
          // --password still works, with a warning that everyone can see it.
          expect(wrong.stderr).toMatch(/Warning: --password is visible to every user of this computer/);

          const badProfile = await fieldmeter(['program', 'demand-reset', '--port', link, '--profile', 'nope', '--verbose']);
          expect(badProfile.code).not.toBe(0);
          expect(badProfile.stderr).toMatch(/Unknown --profile "nope"/);
        } finally {
          child.kill('SIGTERM');
          await new Promise((resolve) => child.once('exit', resolve));
        }
      },
      scaled(40_000),
    );
  },
);
