/**
 * Wired M-Bus on a serial port: the master (shared/mbus/wiredMaster.ts) on a level converter or an
 * optical M-Bus head, 8E1 at 2400 baud unless told otherwise (EN 13757-2), and the simulated bus
 * of wired meters on the simulator's end of a PTY pair (shared/mbus/wiredBus.ts).
 */
import {
  wiredBus,
  wiredMaster,
  WiredRequestReader,
  type MasterClock,
  type WiredMaster,
  type WiredMeterProfile,
} from '../../../shared/mbus';
import { openSerialLink } from '../serial/link';

/** The clock a master runs on outside tests. */
export const realClock: MasterClock = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface WiredPortOptions {
  readonly baud?: number;
  readonly timeoutMs?: number;
  readonly clock?: MasterClock;
}

export async function openWiredMaster(
  path: string,
  options: WiredPortOptions = {},
): Promise<{ master: WiredMaster; close(): Promise<void> }> {
  const baud = options.baud ?? 2400;
  const link = await openSerialLink(path, { baudRate: baud, frame: '8E1' });
  const master = wiredMaster(link, { clock: options.clock ?? realClock, baud, timeoutMs: options.timeoutMs });
  return { master, close: () => link.close() };
}

export interface RunningWiredBus {
  /** Application resets each meter confirmed (subcode or null), by primary address. */
  resets(): ReadonlyMap<number, readonly (number | null)[]>;
  stop(): Promise<void>;
}

/**
 * The simulated bus on a PTY: each request answered as its meters would. `onSilent` is told of a
 * request nobody answers (a test's clock can end the master's wait then, instead of on a timer).
 */
export async function runWiredSimulator(
  path: string,
  meters: readonly WiredMeterProfile[],
  onSilent?: (request: Uint8Array) => void,
): Promise<RunningWiredBus> {
  const link = await openSerialLink(path, { baudRate: 2400, frame: '8E1' });
  const bus = wiredBus(meters);
  const requests = new WiredRequestReader();
  link.onData((bytes) => {
    for (const request of requests.feed(bytes)) {
      const answer = bus.answer(request);
      if (answer) void link.write(answer).catch(() => undefined);
      else onSilent?.(request);
    }
  });
  return { resets: () => bus.resets(), stop: () => link.close() };
}
