/**
 * The wired M-Bus screen's Node side (issue 23 §3): one port at a time. A primary scan or a
 * secondary search runs in the background and is asked for its state (progress, meters found);
 * Cancel stops it between two addresses and closes the port. A read keeps the meter's telegrams,
 * so Save stores exactly what was shown, through the wired save (wiredReading.ts).
 */
import { AppError } from '../../../shared/contract/appError';
import type { WiredMeter, WiredReadResult, WiredState } from '../../../shared/contract/methods/wiredMbus';
import { deviceTypeOf, manufacturerCode, secondaryMask, type WiredMaster } from '../../../shared/mbus';
import { secondaryAddressOf } from '../../../shared/mbus/wiredRequests';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { validationSettings } from '../readings/validationSettings';
import { saveWiredReading, wiredAnswerOf, wiredStopsOf } from './wiredReading';
import { radioRouteIndex } from '../../../shared/mbus/routeIndex';

export interface OpenedMaster {
  readonly master: WiredMaster;
  close(): Promise<void>;
}
export type OpenWiredMaster = (port: string, baud: number) => Promise<OpenedMaster>;

/**
 * The serial port module loads when the screen first talks to the bus, not with the app.
 * $FIELDMETER_MBUS_REPLY_MS overrides the standard's reply time (330 bit times + 50 ms) for a slow
 * level converter or optical head, as `mbus read --timeout-ms` does on the command line.
 */
const openLazily: OpenWiredMaster = async (port, baud) => {
  const replyMs = Number(process.env.FIELDMETER_MBUS_REPLY_MS);
  const timeoutMs = Number.isInteger(replyMs) && replyMs >= 10 && replyMs <= 60_000 ? replyMs : undefined;
  return (await import('./wiredOnPort')).openWiredMaster(port, { baud, timeoutMs });
};

/** The meter a 16-character secondary address names (id, manufacturer, version, medium; EN 13757-3 §6.2). */
export function meterOfSecondary(secondary: string, primary: number | null): WiredMeter {
  const mediumCode = parseInt(secondary.slice(14, 16), 16);
  return {
    primary,
    secondary,
    manufacturer: manufacturerCode(parseInt(secondary.slice(8, 12), 16)),
    id: secondary.slice(0, 8),
    version: parseInt(secondary.slice(12, 14), 16),
    medium: deviceTypeOf(mediumCode),
    mediumCode,
  };
}

const reasonOf = (error: AppError): string => {
  const details: unknown = error.details;
  return details && typeof details === 'object' && 'reason' in details ? String(details.reason) : 'wired.portLost';
};

export function wiredService(store: Store, photoDir: string, open: OpenWiredMaster = openLazily) {
  let state: WiredState = { busy: null, progress: null, found: [], problem: null, cancelled: false };
  let line: OpenedMaster | null = null;
  let cancelled = false;
  /** The telegrams of each meter's last read, by secondary address: what Save stores. */
  const lastRead = new Map<string, Uint8Array[]>();

  const refuseWhileBusy = () => {
    if (state.busy) throw new AppError('VALIDATION', 'The bus is being scanned. Cancel it first.', { reason: 'wired.busy' });
  };
  const openLine = async (port: string, baud: number) =>
    open(port, baud).catch((error: Error) => {
      throw new AppError('VALIDATION', `Cannot open ${port}: ${error.message}`, { reason: 'wired.portUnavailable' });
    });
  const found = (meter: WiredMeter) => {
    if (!state.found.some((m) => m.secondary === meter.secondary)) state = { ...state, found: [...state.found, meter] };
  };

  /**
   * Runs a scan or search in the background; its end (or a lost port) is told through the state.
   * Cancel ends the run at once: the port is closed and whatever the run still does is not shown.
   */
  let run = 0;
  const runInBackground = (
    busy: 'scan' | 'search',
    opened: OpenedMaster,
    work: (master: WiredMaster, live: () => boolean) => Promise<void>,
  ) => {
    const mine = ++run;
    const live = () => run === mine && !cancelled;
    line = opened;
    cancelled = false;
    state = { busy, progress: null, found: [], problem: null, cancelled: false };
    void work(opened.master, live)
      .catch((error: unknown) => {
        if (live()) state = { ...state, problem: error instanceof AppError ? reasonOf(error) : 'wired.portLost' };
      })
      .finally(async () => {
        await opened.close().catch(() => undefined);
        if (line === opened) line = null;
        if (run === mine && state.busy) state = { ...state, busy: null, progress: null };
      });
    return state;
  };

  return {
    state: (): WiredState => state,

    async scan(input: { port: string; baud: number; from: number; to: number }): Promise<WiredState> {
      refuseWhileBusy();
      const opened = await openLine(input.port, input.baud);
      return runInBackground('scan', opened, async (master, live) => {
        for (let address = input.from; address <= input.to && live(); address++) {
          state = { ...state, progress: { at: address, to: input.to } };
          if ((await master.ping(address)) === 'absent' || !live()) continue;
          // The meter's first telegram names it: its secondary address (id, manufacturer, version, medium).
          const frames = await master.read(address);
          const secondary = frames[0] ? secondaryAddressOf(frames[0]) : null;
          if (secondary && live()) {
            lastRead.set(secondary, frames);
            found(meterOfSecondary(secondary, address));
          }
        }
      });
    },

    async search(input: { port: string; baud: number; mask: string }): Promise<WiredState> {
      refuseWhileBusy();
      const mask = secondaryMask(input.mask);
      if (!mask) throw new AppError('BAD_REQUEST', 'Not a secondary address mask.', { reason: 'malformed', method: 'wired.search' });
      const opened = await openLine(input.port, input.baud);
      return runInBackground('search', opened, async (master, live) => {
        await master.search(mask, (secondary) => live() && found(meterOfSecondary(secondary, null)));
      });
    },

    async cancel(): Promise<WiredState> {
      if (!state.busy) return state;
      cancelled = true;
      state = { ...state, busy: null, progress: null, cancelled: true };
      const closing = line;
      line = null;
      await closing?.close().catch(() => undefined);
      return state;
    },

    async read(input: { port: string; baud: number; secondary: string; primary: number | null }): Promise<WiredReadResult> {
      refuseWhileBusy();
      const opened = await openLine(input.port, input.baud);
      let frames: Uint8Array[];
      try {
        frames = input.primary !== null ? await opened.master.read(input.primary) : await opened.master.readSecondary(input.secondary);
      } finally {
        await opened.close().catch(() => undefined);
      }
      const answer = wiredAnswerOf(frames);
      const secondary = secondaryAddressOf(frames[0]!) ?? input.secondary;
      lastRead.set(secondary, frames);
      const stop = radioRouteIndex(wiredStopsOf(store, null)).match(answer.manufacturer, answer.id);
      return {
        meter: meterOfSecondary(secondary, input.primary),
        records: answer.records.map((r) => ({ ...r })),
        stop: stop ? { usagePointId: stop.usagePointId, meterSerial: stop.meterSerial, address: stop.address } : null,
      };
    },

    save(actor: Actor, secondary: string) {
      const frames = lastRead.get(secondary);
      if (!frames) throw new AppError('VALIDATION', 'Read the meter first.', { reason: 'wired.notRead' });
      const saved = saveWiredReading(store, actor, null, frames, { settings: validationSettings(store), photoDir });
      return { usagePointId: saved.usagePointId, meterSerial: saved.meterSerial, readingSetId: saved.readingSetId };
    },
  };
}
