/**
 * A wired M-Bus master (EN 13757-2 link layer, EN 13757-3 addressing) over an injected line and
 * clock: ping (SND_NKE), read a meter (REQ_UD2 with FCB toggling over a multi-telegram answer),
 * scan primary addresses, search secondary addresses with wildcards. No timer of its own: the
 * clock decides when a silent meter has had its time, so tests move time by hand.
 *
 * Timing (EN 13757-2): a meter starts its answer within 330 bit times + 50 ms of the request's
 * end (188 ms at 2400 baud); a request without a valid answer is repeated, at most twice (three
 * tries in all).
 */
import { readRecords } from './records';
import { transportHeader } from './layers';
import { MbusError } from './reasons';
import { wiredFrame } from './wiredFrame';
import {
  applicationReset,
  dataSend,
  maskMatches,
  reqUd2,
  secondaryAddressOf,
  selectRequest,
  SELECTED,
  sndNke,
  WiredReplyReader,
  type WiredReply,
} from './wiredRequests';

export interface MasterLine {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): () => void;
}

export interface MasterClock {
  /** Calls `fn` after `ms` unless the returned function is called first. */
  after(ms: number, fn: () => void): () => void;
}

export interface MasterOptions {
  readonly clock: MasterClock;
  /** Line speed (EN 13757-2: 300–9600 baud; 2400 is the usual). */
  readonly baud?: number;
  /** Repeats of a request without a valid answer (EN 13757-2: up to 2). */
  readonly retries?: number;
  /** Overrides the standard's reply time (a slow level converter, an optical head). */
  readonly timeoutMs?: number;
}

export type PingResult = 'present' | 'absent' | 'collision';

/** The longest time a meter may take to start its answer at this speed (330 bit times + 50 ms). */
export const replyTimeoutMs = (baud: number): number => Math.ceil((330 * 1000) / baud) + 50;

/** A multi-telegram answer ends after this many telegrams even if the meter says more follow. */
const MAX_TELEGRAMS = 16;

/** Whether a RSP_UD says more records follow in the next telegram (DIF 0x1F, EN 13757-3 §6.3). */
function moreFollows(frame: Uint8Array): boolean {
  try {
    const f = wiredFrame(frame);
    if (f.kind !== 'long') return false;
    return readRecords(f.bytes, transportHeader(f.bytes, f.dataAt).payloadAt).moreFollows;
  } catch (error) {
    if (error instanceof MbusError) return false;
    throw error;
  }
}

export interface ReadOptions {
  /** Before reading: an application reset (CI 0x50) with this subcode, or without one (null). */
  readonly applicationReset?: number | null;
}

export interface WiredMaster {
  ping(address: number): Promise<PingResult>;
  /** Every telegram of one meter's answer, or [] when it does not answer. */
  read(address: number, options?: ReadOptions): Promise<Uint8Array[]>;
  /** Application reset (CI 0x50, EN 13757-3): the meter starts its answer over, as the subcode asks. */
  applicationReset(address: number, subcode?: number | null): Promise<PingResult>;
  /** Data send (CI 0x51): records to the meter, e.g. to select what it answers next. */
  sendData(address: number, records: Uint8Array): Promise<PingResult>;
  /** Primary addresses 0–250 (or a part) that answer SND_NKE, in order. */
  scan(from: number, to: number, onProgress?: (address: number, result: PingResult) => void): Promise<number[]>;
  /** Selects the meter(s) matching the mask: one answers, none, or several collide. */
  select(mask: string): Promise<PingResult>;
  /** Secondary addresses matching the mask, found by narrowing the wildcard digits where meters collide. */
  search(mask: string, onFound?: (address: string) => void): Promise<string[]>;
  /** Reads the meter with this full secondary address (selected, then read at address 253). */
  readSecondary(address: string, options?: ReadOptions): Promise<Uint8Array[]>;
}

export function wiredMaster(line: MasterLine, options: MasterOptions): WiredMaster {
  const timeout = options.timeoutMs ?? replyTimeoutMs(options.baud ?? 2400);
  const retries = options.retries ?? 2;
  const reader = new WiredReplyReader();
  let waiting: ((reply: WiredReply) => void) | null = null;
  line.onData((bytes) => {
    for (const reply of reader.feed(bytes)) {
      const w = waiting;
      waiting = null;
      w?.(reply);
    }
  });

  /** One request and its first answer, or null when the clock ran out. */
  const ask = async (request: Uint8Array): Promise<WiredReply | null> => {
    reader.clear();
    const reply = new Promise<WiredReply | null>((resolve) => {
      const cancel = options.clock.after(timeout, () => {
        waiting = null;
        resolve(null);
      });
      waiting = (r) => {
        cancel();
        resolve(r);
      };
    });
    await line.write(request);
    return reply;
  };

  /** Asks up to 1 + retries times until `wanted` arrives; null or the last garbled answer otherwise. */
  const exchange = async (request: Uint8Array, wanted: WiredReply['kind']): Promise<WiredReply | null> => {
    let last: WiredReply | null = null;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const reply = await ask(request);
      if (reply?.kind === wanted) return reply;
      last = reply ?? last;
    }
    return last;
  };

  const pingResult = (reply: WiredReply | null): PingResult => (reply === null ? 'absent' : reply.kind === 'ack' ? 'present' : 'collision');

  const readAt = async (address: number, reset: boolean, options: ReadOptions = {}): Promise<Uint8Array[]> => {
    if (reset && (await exchange(sndNke(address), 'ack'))?.kind !== 'ack') return [];
    // A meter that does not confirm the application reset is not read: its answer would not be the one asked for.
    if (options.applicationReset !== undefined && (await master.applicationReset(address, options.applicationReset)) !== 'present')
      return [];
    const frames: Uint8Array[] = [];
    // After SND_NKE the first REQ_UD2 carries FCB set; each next telegram toggles it (EN 13757-2).
    let fcb = true;
    while (frames.length < MAX_TELEGRAMS) {
      const reply = await exchange(reqUd2(address, fcb), 'long');
      if (reply?.kind !== 'long') break;
      frames.push(reply.frame);
      if (!moreFollows(reply.frame)) break;
      fcb = !fcb;
    }
    return frames;
  };

  const master: WiredMaster = {
    ping: async (address) => pingResult(await exchange(sndNke(address), 'ack')),
    read: (address, options) => readAt(address, true, options),
    applicationReset: async (address, subcode = null) => pingResult(await exchange(applicationReset(address, subcode), 'ack')),
    sendData: async (address, records) => pingResult(await exchange(dataSend(address, records), 'ack')),
    async scan(from, to, onProgress) {
      const found: number[] = [];
      for (let address = from; address <= to; address++) {
        const result = await master.ping(address);
        onProgress?.(address, result);
        if (result !== 'absent') found.push(address);
      }
      return found;
    },
    select: async (mask) => pingResult(await exchange(selectRequest(mask), 'ack')),
    async search(mask, onFound) {
      const found: string[] = [];
      const narrow = async (current: string): Promise<void> => {
        const result = await master.select(current);
        if (result === 'absent') return;
        const wildcard = current.slice(0, 8).indexOf('F');
        if (result === 'present') {
          // One meter: its answer at address 253 names it in full.
          const frames = await readAt(SELECTED, false);
          const address = frames[0] ? secondaryAddressOf(frames[0]) : null;
          if (address && maskMatches(current, address) && !found.includes(address)) {
            found.push(address);
            onFound?.(address);
          }
          return;
        }
        // Several meters answered at once: fix the next wildcard digit, 0 to 9, and ask again.
        if (wildcard < 0) return;
        for (let digit = 0; digit <= 9; digit++) await narrow(`${current.slice(0, wildcard)}${digit}${current.slice(wildcard + 1)}`);
      };
      await narrow(mask);
      return found;
    },
    async readSecondary(address, options) {
      if ((await master.select(address)) !== 'present') return [];
      return readAt(SELECTED, false, options);
    },
  };
  return master;
}
