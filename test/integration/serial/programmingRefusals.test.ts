import { afterEach, describe, expect, it } from 'vitest';
import { timeSync } from '../../../electron/services/serial/programOperations';
import { scaled } from '../../support/timeouts';
import { clockSetTolerance, meterListening, programError, socatSkipReason, startMeter, type Harness } from './ptyHarness';

const fast = { reactionScale: 0.1 }; // 20 ms before each answer instead of 200

describe.skipIf(socatSkipReason !== null)(
  `programming mode over a real socat PTY: refusals and cancel${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('a wrong password gives PASSWORD_REJECTED, whether the meter answers (ERxx) or breaks off', async () => {
      harness = await startMeter('program-isk', fast);
      const refused = await programError(timeSync({ path: harness.appPath, password: '99999999', modelName: 'isk-mt' }));
      expect(refused.code).toBe('PASSWORD_REJECTED');
      expect(refused.message).toMatch(/refused the P1 password.*ER10.*lock/);
      expect(harness.simulator.programming?.commands.filter((c) => c === 'P1')).toHaveLength(1);
      await harness.close();
      harness = await startMeter('program-lgz', fast);
      const broken = await programError(timeSync({ path: harness.appPath, password: 'wrong', modelName: 'lgz-zmd' }));
      expect(broken.code).toBe('PASSWORD_REJECTED');
    }, 20_000);

    it(
      'a refused password is never sent again on our own: two wrong tries leave a meter that locks after three open',
      async () => {
        // Meters count wrong passwords and lock the port (the simulator's program-lock: after three);
        // a NAK to P1 is answered with PASSWORD_REJECTED, not with a repeat (§6.3.6 repeats are for a garbled line).
        harness = await startMeter('program-lock', fast);
        // A short sign-on timeout keeps a retry quick; it only has to outlast a busy machine's delay.
        const timeouts = { identificationMs: scaled(800), retryPauseMs: 300 };
        for (let attempt = 1; attempt <= 2; attempt++) {
          // Each try starts with the meter listening: one back from the last B0 would not hear the
          // sign-on, and the retry that costs is not what this test is about.
          await meterListening(harness);
          const refused = await programError(timeSync({ path: harness.appPath, password: '99999999', modelName: 'isk-mt', timeouts }));
          expect(refused.code).toBe('PASSWORD_REJECTED');
        }
        expect(harness.simulator.passwordLock.wrong).toBe(2);
        await meterListening(harness);
        const tolerance = clockSetTolerance();
        const report = await timeSync({ path: harness.appPath, password: '00000000', modelName: 'isk-mt', timeouts });
        expect(harness.simulator.passwordLock.wrong).toBe(2);
        expect(report.before.driftS).toBeLessThan(-35);
        expect(Math.abs(report.after.driftS)).toBeLessThanOrEqual(tolerance.withinS());
      },
      scaled(30_000),
    );

    it('a meter whose type has no model assigned is not programmed: MODEL_NOT_CONFIGURED before the option select', async () => {
      harness = await startMeter('program-isk', fast);
      const error = await programError(timeSync({ path: harness.appPath, password: '00000000' }));
      expect(error.code).toBe('MODEL_NOT_CONFIGURED');
      expect(error.meterType).toBe('ISK MT174-0001');
      expect(harness.simulator.requests).toEqual(['/?!\r\n']);
      await meterListening(harness); // it waited for an option select that never came
      const assigned = await timeSync({
        path: harness.appPath,
        password: '00000000',
        assignments: [{ manufacturer: 'ISK', identPrefix: 'MT174', model: 'isk-mt' }],
        timeouts: { retryPauseMs: 300 },
      });
      expect(assigned.model).toBe('isk-mt');
    }, 20_000);

    it('a meter without programming mode refuses the option select: NOT_SUPPORTED, no password sent', async () => {
      harness = await startMeter('mode-c');
      const error = await programError(
        timeSync({ path: harness.appPath, password: '00000000', modelName: 'isk-mt', timeouts: { answerMs: 1500 } }),
      );
      expect(error.code).toBe('NOT_SUPPORTED');
    }, 20_000);

    it('cancels while waiting for the meter, and still ends programming mode with B0', async () => {
      harness = await startMeter('program-isk', { reactionScale: 5 }); // 1 s before each answer
      const controller = new AbortController();
      const meter = harness.simulator;
      const watch = setInterval(() => {
        if (meter.programming?.commands.includes('R1 0.9.1()')) controller.abort();
      }, 20);
      try {
        const error = await programError(
          timeSync({ path: harness.appPath, password: '00000000', modelName: 'isk-mt', signal: controller.signal }),
        );
        expect(error.code).toBe('CANCELLED');
      } finally {
        clearInterval(watch);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(meter.programming?.commands).toEqual(['P1', 'R1 0.9.1()', 'B0']);
    }, 20_000);
  },
);
