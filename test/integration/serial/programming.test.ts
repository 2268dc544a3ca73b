import { afterEach, describe, expect, it, vi } from 'vitest';
import { demandReset, timeSync } from '../../../electron/services/serial/programOperations';
import { scaled } from '../../support/timeouts';
import { clockSetTolerance, programError, socatSkipReason, startMeter, type Harness } from './ptyHarness';

const fast = { reactionScale: 0.1 }; // 20 ms before each answer instead of 200

describe.skipIf(socatSkipReason !== null)(
  `programming mode over a real socat PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('time sync, P1 model: reports the drift before (97 s slow), writes date and time, drift after within a second', async () => {
      harness = await startMeter('program-isk', fast);
      const tolerance = clockSetTolerance();
      const report = await timeSync({ path: harness.appPath, password: '00000000', modelName: 'isk-mt' });
      expect(report).toMatchObject({ model: 'isk-mt', baud: 9600, identification: { manufacturer: 'ISK' } });
      expect(report.before.driftS).toBeGreaterThan(-99);
      expect(report.before.driftS).toBeLessThan(-95);
      expect(Math.abs(report.after.driftS)).toBeLessThanOrEqual(tolerance.withinS());
      expect(report.written.date).toMatch(/^\d{6}$/);
      expect(report.written.time).toMatch(/^\d{6}$/);
      const meter = harness.simulator.programming;
      // B0 has left the app when the call returns; the meter takes it in on its own time.
      await vi.waitFor(() => expect(meter?.commands.at(-1)).toBe('B0'));
      expect(meter?.commands).toEqual([
        'P1',
        'R1 0.9.1()',
        'R1 0.9.2()',
        'R1 0.9.1()',
        `W1 0.9.2(${report.written.date})`,
        `W1 0.9.1(${report.written.time})`,
        'R1 0.9.1()',
        'R1 0.9.2()',
        'R1 0.9.1()',
        'B0',
      ]);
      expect(harness.simulator.requests).toEqual(['/?!\r\n', '\x06051\r\n']);
    }, 20_000);

    it('time sync, P2 model with other clock registers and formats (C.53.1 hh:mm:ss, C.53.2 YY-MM-DD)', async () => {
      harness = await startMeter('program-lgz', fast);
      const tolerance = clockSetTolerance();
      const report = await timeSync({ path: harness.appPath, password: '4711ABCD', modelName: 'lgz-zmd' });
      expect(report.model).toBe('lgz-zmd');
      expect(report.before.driftS).toBeGreaterThan(183);
      expect(report.before.driftS).toBeLessThan(187);
      expect(Math.abs(report.after.driftS)).toBeLessThanOrEqual(tolerance.withinS());
      expect(report.written.time).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(harness.simulator.programming?.commands).toContain(`W1 C.53.2(${report.written.date})`);
    }, 20_000);

    it('with the meter the stop expects: its serial (C.1.0) is read before any write; another meter is refused with nothing written, unless confirmed', async () => {
      harness = await startMeter('program-isk', fast);
      const same = await timeSync({ path: harness.appPath, password: '00000000', modelName: 'isk-mt', expectedSerial: '0012345678' });
      expect(same.serial).toEqual({ read: '12345678', confirmedMismatch: false });
      expect(harness.simulator.programming?.commands.slice(0, 2)).toEqual(['P1', 'R1 C.1.0()']);

      const other = await programError(
        demandReset({ path: harness.appPath, password: '00000000', modelName: 'isk-mt', expectedSerial: 'E9100001' }),
      );
      expect(other.code).toBe('SERIAL_MISMATCH');
      expect(other.observedSerial).toBe('12345678');
      expect(other.message).toMatch(/reports serial 12345678, not E9100001: nothing was written.*confirm/);
      expect(harness.simulator.programming?.commands).not.toContain('E2 0.1.0()');
      // B0 has left the app when the call returns; the meter takes it in on its own time.
      await vi.waitFor(() => expect(harness?.simulator.programming?.commands.at(-1)).toBe('B0'));

      const confirmed = await demandReset({
        path: harness.appPath,
        password: '00000000',
        modelName: 'isk-mt',
        expectedSerial: 'E9100001',
        serialConfirmed: true,
      });
      expect(confirmed.serial).toEqual({ read: '12345678', confirmedMismatch: true });
      expect(harness.simulator.programming?.commands).toContain('E2 0.1.0()');
    }, 30_000);

    it('a meter that identified but missed the option select is signed on to again (B0 first); one that never starts programming mode says so', async () => {
      harness = await startMeter('program-isk', { ...fast, missOptionSelects: 1 });
      const tolerance = clockSetTolerance();
      // answerMs leaves a loaded machine time for the P0 of the second sign-on (a timeout there would make a third):
      // the meter answers in 20 ms, so 3 s only ever runs out on the sign-on the meter ignores.
      const report = await timeSync({
        path: harness.appPath,
        password: '00000000',
        modelName: 'isk-mt',
        timeouts: { answerMs: scaled(3000), retryPauseMs: 200 },
      });
      expect(Math.abs(report.after.driftS)).toBeLessThanOrEqual(tolerance.withinS());
      expect(harness.simulator.requests.filter((r) => r.startsWith('/?'))).toHaveLength(2);
      await harness.close();
      harness = await startMeter('program-isk', { ...fast, missOptionSelects: 5 });
      const error = await programError(
        timeSync({ path: harness.appPath, password: '00000000', modelName: 'isk-mt', timeouts: { answerMs: 400, retryPauseMs: 200 } }),
      );
      expect(error.code).toBe('DATA_TIMEOUT');
      expect(error.message).toMatch(/identified but did not start programming mode \(no P0 operand, 3 attempts\)/);
      expect(harness.simulator.requests.filter((r) => r.startsWith('/?'))).toHaveLength(3);
    }, 30_000);

    it('demand reset by E2: the demand register reads zero after, the reset counter goes up by one', async () => {
      harness = await startMeter('program-isk', fast);
      const report = await demandReset({ path: harness.appPath, password: '00000000', modelName: 'isk-mt' });
      expect(report.demandBefore[0]).toEqual({ value: '0004.512', unit: 'kW' });
      expect(report.demandAfter[0]).toEqual({ value: '0000.000', unit: 'kW' });
      expect([report.resetCounterBefore, report.resetCounterAfter]).toEqual(['07', '08']);
      expect(harness.simulator.programming?.commands).toContain('E2 0.1.0()');
    }, 20_000);

    it('demand reset by W1 on the P2 model; NOT_SUPPORTED where the model has none', async () => {
      harness = await startMeter('program-lgz', fast);
      const report = await demandReset({ path: harness.appPath, password: '4711ABCD', modelName: 'lgz-zmd' });
      expect(report.demandAfter[0]?.value).toBe('0000.000');
      expect(harness.simulator.programming?.commands).toContain('W1 C.91.0(1)');
      await harness.close();
      harness = await startMeter('program-isk', fast);
      const error = await programError(demandReset({ path: harness.appPath, password: '00000000', modelName: 'generic' }));
      expect(error.code).toBe('NOT_SUPPORTED');
      // B0 has left the app when the call returns; the meter takes it in on its own time.
      await vi.waitFor(() => expect(harness?.simulator.programming?.commands.at(-1)).toBe('B0'));
    }, 20_000);
  },
);
