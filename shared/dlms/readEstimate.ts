/**
 * The time a DLMS read still needs, from the line alone (issue 22 "Speed": bytes on the wire × 10
 * bits / baud, plus the meter's turnaround for every frame it answers). Never from how fast the
 * bytes came so far: that is the machine's speed, not the meter's, and would make the estimate
 * (and any test of it) depend on the load of the computer.
 *
 * What a read brings is known before it starts only roughly: the object list, two answers per
 * register, the clock and the disconnect control, and for a load profile one row per capture
 * period of the chosen days. The row size is that of the IDIS/DSMR load profile 1 (clock, AMR
 * status, four double-long-unsigned channels: 38 octets in A-XDR, Blue Book §4.1.5); a read that
 * brings more than expected keeps a tenth ahead of what has come, as the mode C reader does.
 */
import type { MeterReadRequest } from './meterReadPlan';

/** Octets of one load profile row: structure(2) + date-time octet string(2 + 12) + unsigned(2) + 4 × double-long-unsigned(5). */
export const PROFILE_ROW_BYTES = 38;
/** Sign-on answer, UA, AARE, object list, serial, clock, disconnect control, event log rows, RLRE and UA to the DISC. */
const READ_BASE_BYTES = 1500;
/** The scaler_unit and value answers of one register, each in its own frame. */
const REGISTER_BYTES = 60;
/** The period the profile is assumed to have before its capture_period is read (15 min, IDIS/DSMR load profile 1). */
const ASSUMED_CAPTURE_PERIOD_MS = 900_000;
/** Flags, frame format, addresses, control, HCS and FCS of an HDLC frame (IEC 62056-46 §6.4.4.1): at most 13 octets. */
const FRAME_OVERHEAD = 13;
/** The meter's answer time assumed per frame for the estimate (IEC 62056-46 leaves it to the meter; 20–100 ms is usual). */
export const ASSUMED_TURNAROUND_MS = 50;

/** The bytes a read is expected to bring from the meter (received side only, HDLC framing included). */
export function expectedReadBytes(request: MeterReadRequest, options: { registers?: number; maxInfo?: number } = {}): number {
  const payload =
    READ_BASE_BYTES +
    (options.registers ?? 4) * REGISTER_BYTES +
    (request.profile
      ? Math.max(0, Math.ceil((request.profile.to - request.profile.from) / ASSUMED_CAPTURE_PERIOD_MS)) * PROFILE_ROW_BYTES
      : 0);
  const maxInfo = options.maxInfo ?? 128;
  return Math.ceil(payload * (1 + FRAME_OVERHEAD / maxInfo));
}

export interface LineEstimate {
  /** Bytes expected from the meter in the whole read. */
  readonly expectedBytes: number;
  /** Bytes received so far. */
  readonly bytes: number;
  readonly baud: number;
  /** The meter's largest information field (the UA's max_info_field_length_transmit): one turnaround per frame. */
  readonly maxInfo: number;
  readonly turnaroundMs?: number;
}

/** Milliseconds left: the bytes still to come at 10 bits each, plus one turnaround for each frame that carries them. */
export function estimatedMsLeft(e: LineEstimate): number {
  const expected = Math.max(e.expectedBytes, Math.ceil(e.bytes * 1.1));
  const left = Math.max(0, expected - e.bytes);
  const frames = Math.ceil(left / (Math.max(16, e.maxInfo) + FRAME_OVERHEAD));
  return Math.round((left * 10 * 1000) / e.baud + frames * (e.turnaroundMs ?? ASSUMED_TURNAROUND_MS));
}
