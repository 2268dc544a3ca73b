/**
 * Setting a meter's clock on a busy machine: the reaction-time waits before each programming
 * command (IEC 62056-21:2002 §6.3.14 item 12) end late. The time written must still be the second
 * in which it goes out, and the drift read back must be measured from when the read went out, not
 * from before its wait. The waits are made late on purpose (injected); the meter simulator is in
 * process on an in-memory line and says what its clock showed and when.
 */
import { describe, expect, it } from 'vitest';
import { timeSync } from '../../../electron/services/serial/programOperations';
import type { SerialLink } from '../../../electron/services/serial/link';
import { createMemoryLinkPair, findProfile, MeterSimulator } from '../../../electron/services/serial/simulator';

/** How much later than asked every reaction-time wait ends. */
const LATE_MS = 400;
/** What the in-process line and the timers may add without a late wait (the clock write itself aims at 50 ms). */
const WITHIN_MS = 150;

function meterWithClockSamples() {
  const profile = findProfile('program-isk');
  if (!profile) throw new Error('no profile program-isk');
  const pair = createMemoryLinkPair();
  /** For each time register answer: the meter clock it showed (epoch ms, whole seconds) and when. */
  const samples: { shown: number; at: number }[] = [];
  const meterEnd: SerialLink = {
    ...pair.meter,
    write: (bytes) => {
      const meter = simulator.programming;
      if (meter && Buffer.from(bytes).toString('latin1').includes('0.9.1(')) {
        const at = Date.now();
        const clock = meter.meterNow();
        samples.push({ shown: clock - (((clock % 1000) + 1000) % 1000), at });
      }
      return pair.meter.write(bytes);
    },
  };
  const simulator = new MeterSimulator(profile, meterEnd, { reactionScale: 0 });
  return { app: pair.app, simulator, samples };
}

describe('time sync when the reaction-time waits end late (a busy machine)', () => {
  it('sets the meter to the second it goes out in, and reads the drift back from when the read went out', async () => {
    const meter = meterWithClockSamples();
    const late = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms + LATE_MS));
    try {
      const report = await timeSync({
        path: 'memory',
        password: '00000000',
        modelName: 'isk-mt',
        openLink: async () => meter.app,
        wait: late,
      });
      const programming = meter.simulator.programming;
      if (!programming) throw new Error('the meter was not in programming mode');
      // The meter was set to the reference clock, not LATE_MS behind it.
      expect(Math.abs(programming.meterNow() - Date.now())).toBeLessThanOrEqual(WITHIN_MS);
      // The drift after is what the meter showed at its last time read, against when it read it.
      const last = meter.samples.at(-1);
      if (!last) throw new Error('the meter was never asked for its time');
      expect(Math.abs(report.after.driftS - (last.shown - last.at) / 1000)).toBeLessThanOrEqual(WITHIN_MS / 1000);
      expect(report.before.driftS).toBeLessThan(-95);
    } finally {
      meter.simulator.stop();
    }
  }, 30_000);
});
