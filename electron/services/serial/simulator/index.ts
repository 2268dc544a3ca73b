/**
 * Runs a simulated meter on a serial path. If the path exists (a PTY end you made, or a real
 * port wired to a probe) the simulator attaches to it. If not, it starts socat itself: the app
 * opens `path`, the simulator sits on `path + '.meter'`, and stopping ends socat.
 */
import { INITIAL_BAUD } from '../../../../shared/iec62056';
import { openSerialLink } from '../link';
import { MeterSimulator, type SimulatorOptions } from './meterSimulator';
import { findProfile, meterProfiles, type MeterProfile } from './profiles';
import { attachOrPair } from './socat';

export { MeterSimulator, type SimulatorOptions } from './meterSimulator';
export { ProgrammingMeter, type ProgrammingBehaviour } from './programmingMeter';
export { meterProfiles, findProfile, largeReadoutLines, type MeterProfile } from './profiles';
export { createMemoryLinkPair, type MemoryLinkPair } from './memoryLink';
export { startPtyPair, socatMissingReason, type PtyPair } from './socat';

export interface RunningSimulator {
  readonly simulator: MeterSimulator;
  /** The path the app should open. */
  readonly appPath: string;
  readonly meterPath: string;
  /** True when we started socat (and will stop it). */
  readonly startedSocat: boolean;
  readonly socatPid: number | null;
  stop(): Promise<void>;
}

export function profileOrThrow(name: string): MeterProfile {
  const profile = findProfile(name);
  if (!profile) throw new Error(`Unknown meter profile "${name}". Profiles: ${meterProfiles.map((p) => p.name).join(', ')}.`);
  return profile;
}

export async function runSimulator(profile: MeterProfile, path: string, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { meterPath, pair } = await attachOrPair(path);
  // DSMR 4+ P1 runs 115200 8N1; on a PTY the rate is only a label.
  const link = await openSerialLink(meterPath, {
    baudRate: profile.kind === 'push' ? 115200 : INITIAL_BAUD,
    frame: profile.kind === 'push' ? '8N1' : '7E1',
  });
  const simulator = new MeterSimulator(profile, link, options);
  return {
    simulator,
    appPath: pair ? path : meterPath,
    meterPath,
    startedSocat: pair !== null,
    socatPid: pair?.pid ?? null,
    stop: async () => {
      simulator.stop();
      await link.close();
      await pair?.stop();
    },
  };
}
