/** A real socat PTY pair with the meter simulator on one end, for serial integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scaled, timeoutScale } from '../../support/timeouts';
import { OpticalReadError } from '../../../electron/services/serial/errors';
import { openSerialLink, type SerialLink } from '../../../electron/services/serial/link';
import {
  findProfile,
  MeterSimulator,
  socatMissingReason,
  startPtyPair,
  type PtyPair,
  type SimulatorOptions,
} from '../../../electron/services/serial/simulator';

export const socatSkipReason = socatMissingReason();
if (socatSkipReason) process.stderr.write(`SKIPPED serial PTY tests: ${socatSkipReason}\n`);

export interface Harness {
  readonly appPath: string;
  readonly pair: PtyPair;
  readonly simulator: MeterSimulator;
  readonly meterLink: SerialLink;
  close(): Promise<void>;
}

export async function startMeter(profileName: string, options: SimulatorOptions = {}): Promise<Harness> {
  const profile = findProfile(profileName);
  if (!profile) throw new Error(`no profile ${profileName}`);
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-pty-'));
  const pair = await startPtyPair(join(dir, 'app'), join(dir, 'meter'));
  const meterLink = await openSerialLink(pair.meterPath, { baudRate: 300 });
  const simulator = new MeterSimulator(profile, meterLink, options);
  return {
    appPath: pair.appPath,
    pair,
    simulator,
    meterLink,
    close: async () => {
      simulator.stop();
      await meterLink.close();
      await pair.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The clock set is to the second; a loaded machine adds its delay between the write and the read-back. */
export const setClockWithinS = 1.1 * timeoutScale;

/**
 * The tolerance of a clock set and read back with the simulator in this process, from the stalls
 * seen while it ran: the meter shows whole seconds (up to 1 s behind the instant it is read) and
 * the time goes out within 50 ms of a second's start, but app and simulator share this event loop,
 * and a stall while the time write or the read-back is under way adds itself (twice at most). The
 * load when the run started (setClockWithinS) can be far from the load at this moment.
 */
export function clockSetTolerance(): { withinS(): number } {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  return {
    withinS() {
      stalls.disable();
      return Math.max(setClockWithinS, 1.1 + (2 * stalls.max) / 1e9);
    },
  };
}

/**
 * Until the meter listens for a sign-on again: after B0 it switches back to 300 baud first
 * (SWITCH_BACK_MS), and a sign-on sent meanwhile is lost, costing a retry the test did not mean.
 */
export async function meterListening(harness: Harness): Promise<void> {
  const deadline = Date.now() + scaled(5000);
  while (!harness.simulator.listening) {
    if (Date.now() > deadline) throw new Error('the meter did not go back to listening for a sign-on (still in programming mode?)');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The coded error a programming operation ends with; fails the test when it succeeds or fails otherwise. */
export async function programError(promise: Promise<unknown>): Promise<OpticalReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpticalReadError) return error;
    throw error;
  }
  throw new Error('programming succeeded but should have failed');
}
