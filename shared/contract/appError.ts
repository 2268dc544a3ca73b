/**
 * The error codes and the error class handlers throw on purpose, with no dependency: the CLI
 * throws them from commands that never load the contract's schemas (issue 21: a `--help` or a
 * `pan check` starts without zod). result.ts re-exports both and adds the zod schema of the shape.
 */
import type { ErrorDetails } from './errorDetails';

export const errorCodes = [
  'BAD_REQUEST', // the input did not match the contract
  'UNKNOWN_METHOD',
  'UNAUTHORIZED', // wrong token, foreign origin, foreign frame
  'NOT_FOUND',
  'SIGN_IN_REQUIRED', // nobody is signed in on this device; details.right names what was asked for
  'SIGN_IN_FAILED', // wrong name or secret, or the profile is locked (details.reason, details.lockedUntil)
  'FORBIDDEN', // the signed-in profile lacks the method's right (details.right, details.role)
  'VALIDATION', // the input was well-formed but breaks a business rule
  'NEEDS_CONFIRMATION', // a reading is out of range: type it again or give a reason
  'TOO_LARGE', // a file over its size limit
  'OPTICAL_READ_FAILED', // the probe read failed; the message says what to try next
  'OPTICAL_PROGRAM_FAILED', // time sync or demand reset failed; details say whether a write reached the meter
  'IMPORT_REJECTED', // a file had bad rows and nothing was imported
  'DB_LOCKED',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'DISK_FULL',
  'READ_ONLY', // the data folder or file cannot be written
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * What crosses the boundary for an AppError: the code, its typed details and, where the Node side
 * logged the error, the log entry's id. The developer message stays in the Node log (issue 16 §3).
 */
export interface AppErrorShape {
  code: ErrorCode;
  details?: unknown;
  logId?: string;
}

/** The details argument: required where the code's schema (errorDetails.ts) requires them. */
export type DetailsArgument<C extends ErrorCode> =
  undefined extends ErrorDetails<C> ? [details?: ErrorDetails<C>] : [details: ErrorDetails<C>];

/**
 * An error with a code that handlers throw on purpose. The message is for logs and developers; the
 * user reads words said from the code and the details (renderer errorText, CLI sayError).
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C>;
  constructor(code: C, message: string, ...[details]: DetailsArgument<C>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details as ErrorDetails<C>;
  }
  toShape(): AppErrorShape {
    return this.details === undefined ? { code: this.code } : { code: this.code, details: this.details };
  }
}
