/**
 * Coded errors of an optical read. Every message says what to try next; the bytes that did
 * arrive travel along as a diagnostic log and are never turned into a reading.
 */
import type { DataSet } from '../../../shared/iec62056';

export const opticalErrorCodes = [
  'PORT_NOT_FOUND',
  'PORT_BUSY',
  'PORT_DENIED',
  'PORT_OPEN_FAILED',
  'NO_RESPONSE', // no identification after every sign-on attempt
  'BAD_IDENTIFICATION',
  'DATA_TIMEOUT', // the data stopped in the middle
  'CHECKSUM_FAILED', // BCC/CRC wrong on every attempt
  'PROBE_DISCONNECTED',
  'CANCELLED',
  'PROTOCOL_ERROR',
  'PASSWORD_REJECTED', // programming mode: the meter refused the password (§6.3.7 P1/P2)
  'COMMAND_REFUSED', // programming mode: the meter answered (ERxx) (§6.3.11)
  'NOT_SUPPORTED', // the meter or its model cannot do what was asked
  'SERIAL_MISMATCH', // programming mode: the meter at the probe is not the expected one (or does not say which it is)
  'MODEL_NOT_CONFIGURED', // programming mode: no model is assigned to this meter type (readout only)
] as const;
export type OpticalErrorCode = (typeof opticalErrorCodes)[number];

export interface ReadDiagnostic {
  /** Bytes received in the failed attempt, printable (<STX>, <ETX>, …). */
  readonly log: string;
  readonly bytes: number;
  /** What could be decoded before the failure: for a person to look at, never to save as a reading. */
  readonly partialDataSets: readonly DataSet[];
}

const next: Readonly<Record<OpticalErrorCode, string>> = {
  PORT_NOT_FOUND: 'Check the probe is plugged in and choose its port again.',
  PORT_BUSY: 'Another program is using the port: close it, or unplug and replug the probe.',
  PORT_DENIED: 'You may not open this port: ask support to add you to the dialout group.',
  PORT_OPEN_FAILED: 'Unplug and replug the probe, then check the port.',
  NO_RESPONSE: 'Clean the probe window, seat it on the optical port with the cable pointing down, and retry at 300 baud.',
  BAD_IDENTIFICATION: 'Clean the probe window, shade it from sunlight, and retry at 300 baud.',
  DATA_TIMEOUT: 'Hold the probe still on the optical port and retry; if it keeps stopping, retry with --max-baud 300.',
  CHECKSUM_FAILED: 'Clean the probe window, shade it from sunlight, and retry at 300 baud (--max-baud 300).',
  PROBE_DISCONNECTED: 'Plug the probe back in, check the port, and retry.',
  CANCELLED: 'Start the read again when ready.',
  PROTOCOL_ERROR: 'Retry at 300 baud; if it persists, save the log for support.',
  PASSWORD_REJECTED:
    'Check the password and the meter model (--profile); do not retry blindly: many meters lock the optical port after a few wrong passwords.',
  COMMAND_REFUSED: 'Check the meter model (--profile) matches the meter, and that the password level allows this command.',
  NOT_SUPPORTED: 'Choose the meter model that matches the meter (--profile), or do this at the depot.',
  MODEL_NOT_CONFIGURED:
    'Nothing was sent to the meter: a supervisor assigns a meter model to this meter type first (or name the model, CLI: --profile). The meter can be read meanwhile.',
  SERIAL_MISMATCH:
    'Check that the probe is on the right meter. If it is (the nameplate or the records are wrong), confirm to program this meter (CLI: --confirm-serial); the confirmation is recorded.',
};

export class OpticalReadError extends Error {
  readonly code: OpticalErrorCode;
  readonly diagnostic: ReadDiagnostic | null;
  readonly attempts: number;
  /** SERIAL_MISMATCH: the serial number the meter gave (null: it gave none). */
  readonly observedSerial: string | null;
  /** MODEL_NOT_CONFIGURED: the meter type that has no model (`ISK MT174-0001`). */
  readonly meterType: string | null;
  constructor(
    code: OpticalErrorCode,
    what: string,
    options: { diagnostic?: ReadDiagnostic | null; attempts?: number; observedSerial?: string | null; meterType?: string } = {},
  ) {
    super(`${what} ${next[code]}`);
    this.name = 'OpticalReadError';
    this.code = code;
    this.diagnostic = options.diagnostic ?? null;
    this.attempts = options.attempts ?? 0;
    this.observedSerial = options.observedSerial ?? null;
    this.meterType = options.meterType ?? null;
  }
}
