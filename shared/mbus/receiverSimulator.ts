/**
 * The core of a receiver simulator (issue 23 §6): the training route's radio meters sending
 * their telegrams (mode 5 with their keys, volume in m³ as BCD) at realistic intervals, some lost,
 * each wrapped as the chosen stick would hand it over. Pure and seeded: the same seed gives the
 * same walk, so tests and training runs repeat. The PTY shell that paces these frames comes later.
 */
import { seededRandom } from '../lib/seededRandom';
import { concat, hexBytes } from './bytes';
import { encodeTelegram } from './encode';
import { encodeAmberFrame, encodeImstFrame, AMBER_DATA_IND, IMST_RADIOLINK, IMST_WMBUSMSG_IND } from './receivers';
import { rtlWmbusLine } from './rtlWmbus';
import type { AesCipher } from './security';

export interface RadioMeterProfile {
  readonly manufacturer: string;
  readonly id: string;
  readonly version: number;
  readonly deviceType: number;
  /** The register as the meter counts it, m³ with up to three decimals ("123.456"). */
  readonly volume: string;
  readonly key?: Uint8Array;
}

/** The USB sticks (switched to a radio mode) and rtl-wmbus's text output (an SDR hears every mode; rtlWmbus.ts). */
export type ReceiverKind = 'im871a' | 'amber' | 'rtlwmbus';
export type StickKind = Exclude<ReceiverKind, 'rtlwmbus'>;

export interface WalkOptions {
  readonly receiver: ReceiverKind;
  readonly seed: number;
  /** How long the walk lasts. */
  readonly durationMs: number;
  /** Mean seconds between two telegrams of one meter (OMS: a few seconds to minutes). */
  readonly intervalMs: number;
  /** Share of telegrams lost on the air, 0–1. */
  readonly lossRate: number;
  readonly aes?: AesCipher;
  /** When the walk starts (ms since 1970): rtl-wmbus prints the time it heard each telegram. */
  readonly startsAt?: number;
}

export interface Transmission {
  readonly atMs: number;
  readonly meter: RadioMeterProfile;
  readonly accessNumber: number;
  /** The bytes the stick writes to the serial port. */
  readonly bytes: Uint8Array;
}

/** Volume as DIF 0x0C (8-digit BCD) VIF 0x13 (10⁻³ m³), then error flags 0 (VIF 0xFD 0x17). */
export function volumeRecords(volume: string): Uint8Array {
  const [whole = '0', fraction = ''] = volume.split('.');
  const litres = `${whole}${fraction.padEnd(3, '0').slice(0, 3)}`.padStart(8, '0').slice(-8);
  const bcd = litres.match(/../g)?.reverse().join('') ?? '00000000';
  return concat(hexBytes(`0C13${bcd}`), hexBytes('02FD17 0000'));
}

export function wrapForReceiver(receiver: ReceiverKind, frame: Uint8Array, rssiRaw: number, at = new Date(0)): Uint8Array {
  if (receiver === 'rtlwmbus') return new TextEncoder().encode(rtlWmbusLine(frame, { mode: 'T1', at, rssi: rssiRaw }));
  const body = frame.subarray(1); // both sticks hand over the frame from its C field
  return receiver === 'im871a'
    ? encodeImstFrame({ endpoint: IMST_RADIOLINK, messageId: IMST_WMBUSMSG_IND, payload: body, timestamp: null, rssi: rssiRaw })
    : encodeAmberFrame({ command: AMBER_DATA_IND, payload: concat(body, Uint8Array.of(rssiRaw)) });
}

/** Every telegram heard during a walk, in time order. */
export function simulateWalk(meters: readonly RadioMeterProfile[], options: WalkOptions): Transmission[] {
  const random = seededRandom(options.seed);
  const out: Transmission[] = [];
  for (const meter of meters) {
    let access = Math.floor(random() * 256);
    // Meters are not synchronised: the first telegram falls anywhere in the first interval.
    for (let at = random() * options.intervalMs; at < options.durationMs; at += options.intervalMs * (0.5 + random())) {
      access = (access + 1) & 0xff;
      if (random() < options.lossRate) continue;
      const frame = encodeTelegram({
        ...meter,
        accessNumber: access,
        records: volumeRecords(meter.volume),
        aes: options.aes,
        withoutCrc: true,
      });
      out.push({
        atMs: Math.round(at),
        meter,
        accessNumber: access,
        bytes: wrapForReceiver(
          options.receiver,
          frame,
          0x40 + Math.floor(random() * 0x40),
          new Date((options.startsAt ?? 0) + Math.round(at)),
        ),
      });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}
