/**
 * The receiver simulator's shell and the app's side of a real stick, both on a serial path.
 *
 * - `runReceiverSimulator` writes the training meters' telegrams, framed as the chosen stick hands
 *   them over (shared/mbus/receiverSimulator.ts), to the simulator's end of a PTY pair: paced as
 *   the walk says, walk after walk with the next seed; or all at once (`burst`) for tests.
 * - `openReceiver` opens the stick at its usual rate, 8N1, and for the iM871A selects the link mode.
 */
import { imstLinkModes, imstSetLinkMode, simulateWalk, type RadioMeterProfile, type ReceiverKind } from '../../../shared/mbus';
import { openSerialLink, type SerialLink } from '../serial/link';
import { nodeAes } from './nodeAes';

export interface SimulatorOptions {
  readonly receiver: ReceiverKind;
  readonly seed: number;
  /** Mean time between two telegrams of one meter. */
  readonly intervalMs: number;
  readonly lossRate: number;
  /**
   * One walk's telegrams all at once, sent again every half second until stopped (the same access
   * numbers: a listener counts the repeats as duplicates). For tests: whenever the listener opens
   * its end, it hears everything, however slow the machine.
   */
  readonly burst?: boolean;
}

export interface RunningSimulator {
  /** Telegrams written so far. */
  sent(): number;
  stop(): Promise<void>;
}

const WALK_MS = 60_000;

export async function runReceiverSimulator(
  path: string,
  meters: readonly RadioMeterProfile[],
  options: SimulatorOptions,
): Promise<RunningSimulator> {
  const link = await openSerialLink(path, { baudRate: baudOf(options.receiver), frame: '8N1' });
  link.onData(() => undefined); // configuration requests from the app are accepted and need no answer here
  let sent = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const walk = (seed: number) =>
    simulateWalk(meters, {
      receiver: options.receiver,
      seed,
      durationMs: WALK_MS,
      intervalMs: options.intervalMs,
      lossRate: options.lossRate,
      aes: nodeAes,
    });

  if (options.burst) {
    const transmissions = walk(options.seed);
    const repeat = async () => {
      for (const t of transmissions) {
        if (stopped) return;
        await link.write(t.bytes);
        sent++;
      }
      if (!stopped) timer = setTimeout(() => void repeat().catch(() => undefined), 500);
    };
    await repeat();
  } else {
    const play = (seed: number) => {
      const started = Date.now();
      const transmissions = walk(seed);
      let next = 0;
      const tick = () => {
        if (stopped) return;
        while (next < transmissions.length && (transmissions[next]?.atMs ?? 0) <= Date.now() - started) {
          void link.write(transmissions[next]!.bytes);
          next++;
          sent++;
        }
        if (next >= transmissions.length) return play(seed + 1);
        timer = setTimeout(tick, Math.max(5, (transmissions[next]?.atMs ?? 0) - (Date.now() - started)));
      };
      tick();
    };
    play(options.seed);
  }
  return {
    sent: () => sent,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await link.close();
    },
  };
}

/** The sticks' factory rates: iM871A 57600 baud, AMB8465 9600 baud (a PTY ignores both). */
const baudOf = (receiver: ReceiverKind) => (receiver === 'im871a' ? 57_600 : 9_600);

export async function openReceiver(path: string, receiver: ReceiverKind): Promise<SerialLink> {
  const link = await openSerialLink(path, { baudRate: baudOf(receiver), frame: '8N1' });
  // T1 is what walk-by water and heat meters send (OMS Vol.2 §4); the Amber stick keeps the mode its tool set.
  if (receiver === 'im871a') await link.write(imstSetLinkMode(imstLinkModes.T1));
  return link;
}
