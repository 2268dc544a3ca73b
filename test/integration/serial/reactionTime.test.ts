/**
 * The meter's reaction time (IEC 62056-21:2002 §6.3.14 item 12 and the timing of §6.4: tr ≥ 200 ms,
 * 20 ms when the third manufacturer letter is lower case): the app waits it after the identification
 * before the option select, and before every programming command. The waits are recorded through an
 * injected timer (no wall clock in the assertion); the PTY test shows a meter that hears nothing
 * sooner does answer the app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readMeter } from '../../../electron/services/serial/reader';
import { timeSync } from '../../../electron/services/serial/programOperations';
import type { SerialLink } from '../../../electron/services/serial/link';
import { createMemoryLinkPair, findProfile, MeterSimulator } from '../../../electron/services/serial/simulator';
import { socatSkipReason, startMeter, type Harness } from './ptyHarness';

type Step = string;

/** The app's end of an in-memory line to the simulator, every write and every wait in one list, in order. */
function recordedMeter(profileName: string): { link: SerialLink; steps: Step[]; wait: (ms: number) => Promise<void>; stop: () => void } {
  const profile = findProfile(profileName);
  if (!profile) throw new Error(`no profile ${profileName}`);
  const pair = createMemoryLinkPair();
  const simulator = new MeterSimulator(profile, pair.meter, { reactionScale: 0 });
  const steps: Step[] = [];
  const text = (bytes: Uint8Array) => [...bytes].map((b) => (b < 0x20 ? `<${b.toString(16)}>` : String.fromCharCode(b))).join('');
  const link: SerialLink = { ...pair.app, write: (bytes) => (steps.push(`write ${text(bytes)}`), pair.app.write(bytes)) };
  const wait = (ms: number) => (steps.push(`wait ${ms}`), new Promise<void>((resolve) => setImmediate(resolve)));
  return { link, steps, wait, stop: () => simulator.stop() };
}

describe('reaction time before the option select and the programming commands (§6.3.14 item 12)', () => {
  it('a readout waits 200 ms after an upper-case identification before ACK 0 Z 0', async () => {
    const meter = recordedMeter('mode-c');
    await readMeter({ path: 'memory', openLink: async () => meter.link, wait: meter.wait });
    meter.stop();
    expect(meter.steps.slice(0, 3)).toEqual(['write /?!<d><a>', 'wait 200', 'write <6>050<d><a>']);
  });

  it('20 ms when the third letter is lower case (ISk)', async () => {
    const meter = recordedMeter('lower-case');
    await readMeter({ path: 'memory', openLink: async () => meter.link, wait: meter.wait });
    meter.stop();
    expect(meter.steps.slice(1, 3)).toEqual(['wait 20', 'write <6>050<d><a>']);
  });

  it('programming waits the reaction time before the option select and before each command', async () => {
    const meter = recordedMeter('program-isk');
    await timeSync({ path: 'memory', password: '00000000', modelName: 'isk-mt', openLink: async () => meter.link, wait: meter.wait });
    meter.stop();
    const writes = meter.steps
      .map((step, i) => ({ step, before: meter.steps[i - 1] }))
      .filter(({ step }) => step.startsWith('write ') && !step.startsWith('write /?'));
    expect(writes.length).toBeGreaterThan(8);
    for (const { step, before } of writes) expect({ step, before }).toEqual({ step, before: 'wait 200' });
  });
});

describe.skipIf(socatSkipReason !== null)(
  `a meter deaf before its reaction time, over a real socat PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('answers the app at the first sign-on: the option select comes after the reaction time', async () => {
      harness = await startMeter('reaction-time');
      const result = await readMeter({ path: harness.appPath, timeouts: { retryPauseMs: 300, dataStartMs: 1500 } });
      expect(result).toMatchObject({ attempts: 1, baud: 9600, checksum: 'ok' });
      expect(harness.simulator.earlyAcks).toBe(0);
    });
  },
);
