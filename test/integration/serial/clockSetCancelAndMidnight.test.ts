/**
 * Setting a meter's clock over the optical probe (programOperations.ts `timeSync`), two edges:
 * - a cancel while the time write waits (its reaction time, the start of a second) sends nothing: the person is told
 *   "cancelled" and the meter's clock is as it was;
 * - a time write the line garbled is repeated with a fresh time; near midnight that time can belong to the next day,
 *   and then the date is written again for it, so date and time never end a day apart.
 * The meter is the IEC 62056-21 simulator on an in-memory link; waits end 400 ms late, as on a busy machine.
 */
import { expect, it } from 'vitest';
import { timeSync } from '../../../electron/services/serial/programOperations';
import type { SerialLink } from '../../../electron/services/serial/link';
import { createMemoryLinkPair, findProfile, MeterSimulator } from '../../../electron/services/serial/simulator';
import { scaled } from '../../support/timeouts';

const late = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms + 400));

it(
  'a cancel while the time write waits does not write the time',
  async () => {
    const pair = createMemoryLinkPair();
    const simulator = new MeterSimulator(findProfile('program-isk')!, pair.meter, { reactionScale: 0 });
    const controller = new AbortController();
    let dateSent = false;
    let waitsAfterDate = 0;
    const wait = (ms: number) => {
      if (dateSent && ++waitsAfterDate === 1) controller.abort(); // the reaction wait before the time write
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    try {
      const error = await timeSync({
        path: 'memory',
        password: '00000000',
        modelName: 'isk-mt',
        openLink: async () => pair.app,
        wait,
        signal: controller.signal,
        onCommand: (what) => {
          if (what.startsWith('W1 0.9.2(')) dateSent = true;
        },
      }).then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
      expect(error?.code).toBe('CANCELLED');
      expect(simulator.programming?.commands.some((c) => c.startsWith('W1 0.9.1('))).toBe(false);
    } finally {
      simulator.stop();
    }
  },
  scaled(30_000),
);

it(
  'a time write repeated past midnight writes the date again for the day the time belongs to',
  async () => {
    const pair = createMemoryLinkPair();
    let garble = 2; // the line garbles the first two time writes: the meter answers NAK and the write is repeated
    const appEnd: SerialLink = {
      ...pair.app,
      write: (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        if (garble > 0 && text.includes('W1') && text.includes('0.9.1(')) {
          garble--;
          const bad = Uint8Array.from(bytes);
          bad[bad.length - 1]! ^= 0x55;
          return pair.app.write(bad);
        }
        return pair.app.write(bytes);
      },
    };
    // A meter that takes 1.5 s to answer (the most §6.3.14 allows).
    const simulator = new MeterSimulator(findProfile('program-isk')!, pair.meter, { reactionScale: 7.5 });
    // The reference clock moves to 23:59:50 UTC as the clock is read the second time, just outside the midnight margin.
    let shift = 0;
    let timeReads = 0;
    let armed = false;
    const now = () => {
      if (armed && shift === 0) {
        const t = Date.now();
        shift = Math.ceil(t / 86_400_000) * 86_400_000 - 10_000 - t;
      }
      return Date.now() + shift;
    };
    const sends: { what: string; at: number }[] = [];
    try {
      const report = await timeSync({
        path: 'memory',
        password: '00000000',
        modelName: 'isk-mt',
        openLink: async () => appEnd,
        wait: late,
        now,
        utcOffsetMinutes: 0,
        timeouts: { answerMs: 5000 },
        onCommand: (what) => {
          if (what === 'R1 0.9.1' && ++timeReads === 2) armed = true;
          sends.push({ what, at: now() });
        },
      });
      const lastTimeWrite = sends.filter((s) => s.what.startsWith('W1 0.9.1(')).at(-1)!;
      const { date, time } = report.written; // YYMMDD, hhmmss
      const written = Date.UTC(
        2000 + Number(date.slice(0, 2)),
        Number(date.slice(2, 4)) - 1,
        Number(date.slice(4, 6)),
        Number(time.slice(0, 2)),
        Number(time.slice(2, 4)),
        Number(time.slice(4, 6)),
      );
      expect(Math.abs(written - lastTimeWrite.at) / 1000).toBeLessThan(10);
      // The meter itself agrees: read back, it is within seconds, not a day.
      expect(Math.abs(report.after.driftS)).toBeLessThan(10);
    } finally {
      simulator.stop();
    }
  },
  scaled(90_000),
);
