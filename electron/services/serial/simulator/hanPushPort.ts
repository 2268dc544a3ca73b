/**
 * The simulated meter's HAN/P1 port on a serial line: the pure push meter
 * (shared/dlms/simulator/hanPushMeter) written to the link every `intervalMs`, the first push at
 * once. A HAN port only sends (NVE's HAN interface is one-way), so nothing is read back.
 */
import { HanPushMeter, type HanPushMeterOptions } from '../../../../shared/dlms/simulator/hanPushMeter';
import { openSerialLink } from '../link';
import { attachOrPair } from './socat';

export interface HanPushPortOptions extends Omit<HanPushMeterOptions, 'now'> {
  readonly intervalMs: number;
  readonly baud: number;
  readonly now?: () => number;
}

export interface RunningHanPushPort {
  readonly meter: HanPushMeter;
  readonly appPath: string;
  readonly meterPath: string;
  readonly startedSocat: boolean;
  readonly socatPid: number | null;
  /** Pushes written so far. */
  sent(): number;
  stop(): Promise<void>;
}

/** Attaches to `path` when it exists; otherwise starts socat: the app opens `path`, the meter sits on `path + '.meter'`. */
export async function runHanPushPort(path: string, options: HanPushPortOptions): Promise<RunningHanPushPort> {
  const { meterPath, pair } = await attachOrPair(path);
  const link = await openSerialLink(meterPath, { baudRate: options.baud, frame: '8N1' });
  const meter = new HanPushMeter({ ...options, now: options.now ?? Date.now });
  let sent = 0;
  let stopped = false;
  const push = () => {
    if (stopped) return;
    link
      .write(meter.next())
      .then(() => sent++)
      .catch(() => undefined);
  };
  push();
  const timer = setInterval(push, options.intervalMs);
  return {
    meter,
    appPath: pair ? path : meterPath,
    meterPath,
    startedSocat: pair !== null,
    socatPid: pair?.pid ?? null,
    sent: () => sent,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await link.close();
      await pair?.stop();
    },
  };
}
