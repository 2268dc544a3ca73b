/**
 * The receiver simulator's shell and the app's side of a real stick, both on a serial path.
 *
 * - `runReceiverSimulator` writes the training meters' telegrams, framed as the chosen stick hands
 *   them over (shared/mbus/receiverSimulator.ts), to the simulator's end of a PTY pair: paced as
 *   the walk says, walk after walk with the next seed; or all at once (`burst`) for tests.
 * - `openReceiver` opens the stick at its usual rate, 8N1, switches it to the radio mode the meters
 *   send in and waits for the stick to confirm (shared/mbus/receiverMode.ts); a stick that refuses or
 *   does not answer is closed again with a reason.
 *
 * The simulated stick answers a mode request as the real one does and, as a real one, hears the
 * meters only once it listens in their mode (the training meters send T1).
 */
import {
  hearsMode,
  modeAnswer,
  modeFrameReader,
  modeRequest,
  simulateWalk,
  type RadioMeterProfile,
  type RadioMode,
  type ReceiverKind,
} from '../../../shared/mbus';
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
  /** The mode the meters send in (default T1, OMS walk-by water and heat meters). */
  readonly meterMode?: RadioMode;
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
  const receiver = options.receiver;
  const link = await openSerialLink(path, { baudRate: baudOf(receiver), frame: '8N1' });
  const meterMode = options.meterMode ?? 'T1';
  let listening: RadioMode | null = null;
  // Mode requests from the app are answered as the stick answers them; any other request is ignored.
  if (receiver !== 'rtlwmbus') {
    const requests = modeFrameReader(receiver);
    link.onData((bytes) => {
      for (const { asked } of requests(bytes)) {
        if (asked === null) continue;
        listening = asked;
        void link.write(modeAnswer(receiver, true)).catch(() => undefined);
      }
    });
  }
  // rtl-wmbus hears every mode on its frequency and takes no requests.
  const hears = () => receiver === 'rtlwmbus' || hearsMode(receiver, listening, meterMode);
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
      startsAt: Date.now(),
    });

  if (options.burst) {
    const transmissions = walk(options.seed);
    const repeat = async () => {
      for (const t of transmissions) {
        if (stopped) return;
        if (!hears()) break;
        await link.write(t.bytes);
        sent++;
      }
      if (!stopped) timer = setTimeout(() => void repeat().catch(() => undefined), 500);
    };
    // Not awaited: rtl-wmbus's lines go out at once, and a PTY nobody reads yet holds only a few kilobytes.
    void repeat().catch(() => undefined);
  } else {
    const play = (seed: number) => {
      const started = Date.now();
      const transmissions = walk(seed);
      let next = 0;
      const tick = () => {
        if (stopped) return;
        while (next < transmissions.length && (transmissions[next]?.atMs ?? 0) <= Date.now() - started) {
          if (hears()) {
            // Not awaited, so it must not reject unheard: a stop closes the link under queued writes.
            link.write(transmissions[next]!.bytes).catch(() => undefined);
            sent++;
          }
          next++;
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
      // Settles every write still queued (as closed), so none fails after the stop.
      await link.close();
    },
  };
}

/** The sticks' factory rates: iM871A 57600 baud, AMB8465 9600 baud; rtl-wmbus text sent on at 115200 (a PTY ignores all). */
const baudOf = (receiver: ReceiverKind) => ({ im871a: 57_600, amber: 9_600, rtlwmbus: 115_200 })[receiver];

export interface OpenReceiverOptions {
  /** How long the stick may take to confirm the mode (both answer within milliseconds). */
  readonly confirmWithinMs?: number;
  /** The clock the wait runs on; tests pass one they move by hand. */
  readonly setTimer?: (fn: () => void, ms: number) => () => void;
}

/** Why a stick was not ready to listen: it refused the mode, or did not answer in time. */
export class ReceiverModeError extends Error {
  constructor(readonly reason: 'refused' | 'noAnswer') {
    super(reason === 'refused' ? 'the receiver refused the radio mode' : 'the receiver did not confirm the radio mode');
    this.name = 'ReceiverModeError';
  }
}

const realTimer = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

/** Opens the receiver; a stick is switched to `mode` and must confirm it. */
export async function openReceiver(
  path: string,
  receiver: ReceiverKind,
  mode: RadioMode = 'T1',
  options: OpenReceiverOptions = {},
): Promise<SerialLink> {
  // rtl-wmbus is read, never switched: its lines come from a pipe, a PTY or stdin (lineSource.ts).
  if (receiver === 'rtlwmbus') return (await import('./lineSource')).openLineSource(path);
  const link = await openSerialLink(path, { baudRate: baudOf(receiver), frame: '8N1' });
  const replies = modeFrameReader(receiver);
  const answer = new Promise<'confirmed' | 'refused' | 'noAnswer'>((resolve) => {
    const cancel = (options.setTimer ?? realTimer)(() => resolve('noAnswer'), options.confirmWithinMs ?? 3000);
    const stop = link.onData((bytes) => {
      for (const { reply } of replies(bytes)) {
        if (reply === null) continue;
        cancel();
        stop();
        resolve(reply);
        return;
      }
    });
  });
  await link.write(modeRequest(receiver, mode));
  const result = await answer;
  if (result === 'confirmed') return link;
  await link.close().catch(() => undefined);
  throw new ReceiverModeError(result);
}
