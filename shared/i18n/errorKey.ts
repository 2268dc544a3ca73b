/**
 * Which catalog words say an error, from its code and details only (issue 16 §3): the renderer
 * looks the key up with i18next, the CLI with sayError. A reason of errorDetails.ts has its own
 * words under `reason.*`; a code whose words say it all, under `code.*`. The values fill the
 * words' {{placeholders}} from the details.
 */
import { stateRefusals } from '../domain/orderRefusal';
import { inboundRefusalKey } from './inboundRefusalKey';
import { fill, wordsAt } from './catalogText';
export interface ErrorWordKey {
  readonly key: string;
  /** Said when the catalog has no words at `key` (a probe failure code this build does not name). */
  readonly fallback?: string;
  /** A second sentence, said after the first (e.g. that nothing was written to the meter). */
  readonly then?: string;
  readonly values: Readonly<Record<string, string | number>>;
  /** Placeholders filled with catalog words rather than raw values (a state or an action in plain words), by key. */
  readonly words?: Readonly<Record<string, string>>;
}

export interface CodedError {
  readonly code: string;
  readonly details?: unknown;
}

type Details = Readonly<Record<string, unknown>>;

/** The step an order's state refuses, in plain words: which action was asked, which order, in which state. */
function stateRefusalKey(details: Details, values: Record<string, string | number>): ErrorWordKey {
  const refusal = typeof details.refusal === 'string' ? details.refusal : undefined;
  return {
    key: 'reason.statusRefuses',
    values,
    words: {
      order: `order.${String(details.order)}`,
      state: `state.${String(details.status)}`,
      action: `action.${String(details.action)}`,
    },
    ...(refusal && refusal in refusalAdvice ? { then: `refusalAdvice.${refusal}` } : {}),
  };
}

/** The state refusals whose machine words carry advice beyond the state (what to do next). */
const refusalAdvice = { switchCancelled: true, orderCancelled: true, orderUnableToComplete: true } as const;

/** The string and number fields of an error's details (what words can fill in, and a sync stop can carry). */
export const scalarValues = (details: Details): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(details).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
  );

const isDetails = (value: unknown): value is Details => typeof value === 'object' && value !== null;

/**
 * A stopped sync run (INTERNAL syncStopped, shared/contract/syncStop.ts): its reason's words, the
 * credentials' problem after a refused sign-in, and a run that threw said as its error is.
 */
function syncStopKey(stop: Details, roleOfRight: (right: string) => string): ErrorWordKey | null {
  const details = isDetails(stop.details) ? stop.details : {};
  if (stop.reason === 'failed' && isDetails(details.error) && typeof details.error.code === 'string')
    return errorWordKey(details.error as unknown as CodedError, roleOfRight);
  const values = { ...scalarValues(details), ...(typeof stop.code === 'string' ? { code: stop.code } : {}) };
  const credentials = stop.reason === 'credentials' && typeof details.credentials === 'string' ? details.credentials : null;
  // What the connection did on the last try (refused, timed out, TLS …), said after the stop's words.
  const network = typeof details.network === 'string' ? details.network : null;
  const then = credentials ? `credentials.${credentials}` : network ? `syncStop.network.${network}` : undefined;
  return { key: `syncStop.${String(stop.reason)}`, values, ...(then ? { then } : {}) };
}

/** A meter installed elsewhere, named with as much of its place as this device knows (stop, address, usage point). */
function installedElsewhereKey(details: Details, values: Record<string, string | number>): ErrorWordKey {
  const place =
    typeof details.stop === 'number' && typeof details.address === 'string'
      ? 'atStop'
      : typeof details.address === 'string'
        ? 'atPlace'
        : typeof details.installedAt === 'string'
          ? 'atUsagePoint'
          : null;
  const key = place ? `installedElsewhere.${place}` : 'reason.meterInstalledElsewhere';
  return { key, fallback: 'reason.meterInstalledElsewhere', values, then: 'installedElsewhere.advice' };
}

/**
 * A message from the enterprise refused as a whole (shared/contract/inboundRefusal.ts): its
 * refusal's words, then that nothing was applied; one refused for another coded error, said as it is.
 */
function refusedMessageKey(refusal: Details, roleOfRight: (right: string) => string): ErrorWordKey | null {
  const found = inboundRefusalKey({ code: String(refusal.code), details: refusal.details });
  if (found) return { key: found.key, values: found.values, then: 'reason.message' };
  const details = isDetails(refusal.details) ? refusal.details : {};
  return isDetails(details.error) && typeof details.error.code === 'string'
    ? errorWordKey(details.error as unknown as CodedError, roleOfRight)
    : { key: 'reason.message', values: {} };
}

/** `roleOfRight` names the least role holding a right, in the reader's words (FORBIDDEN). */
export function errorWordKey(error: CodedError, roleOfRight: (right: string) => string): ErrorWordKey | null {
  const details: Details = typeof error.details === 'object' && error.details !== null ? (error.details as Details) : {};
  const values = scalarValues(details);
  if (typeof details.right === 'string') values.neededRole = roleOfRight(details.right);
  if (details.reason === 'telegram' && typeof details.telegram === 'string') return { key: `reason.${details.telegram}`, values };
  // A DLMS capture is said by its DLMS reason (reason.dlms.*), what went wrong in the bytes.
  if (details.reason === 'dlmsCapture' && typeof details.dlms === 'string')
    return { key: `reason.${details.dlms}`, fallback: 'reason.dlmsCapture', values };
  if (details.reason === 'syncStopped' && isDetails(details.stop)) return syncStopKey(details.stop, roleOfRight);
  if (details.reason === 'meterInstalledElsewhere') return installedElsewhereKey(details, values);
  if (details.reason === 'message' && isDetails(details.refusal)) return refusedMessageKey(details.refusal, roleOfRight);
  // The order, its kind and the kind of job the step records, each kind in the reader's words.
  if (details.reason === 'orderKindMismatch' && typeof details.kind === 'string' && typeof details.asked === 'string')
    return {
      key: 'kindMismatch',
      fallback: 'reason.orderKindMismatch',
      values,
      words: { kind: `workOrderKind.${details.kind}`, asked: `workOrderKind.${details.asked}` },
    };
  // Which problem the sync credentials have (missing, not readable here, refused …), each in its own words.
  if (details.reason === 'credentialsProblem' && typeof details.credentials === 'string')
    return { key: `credentials.${details.credentials}`, fallback: 'reason.credentialsProblem', values };
  // A step the order's state refuses says the action and the state; a refusal about what was entered, its own words.
  if (details.reason === 'statusRefuses') {
    if (typeof details.refusal === 'string' && !stateRefusals.has(details.refusal))
      return { key: `refusal.${details.refusal}`, fallback: 'reason.statusRefuses', values };
    return stateRefusalKey(details, values);
  }
  // A probe failure is said by its own code (what happened and what to try), then whether the meter was left untouched.
  if ((details.reason === 'probe' || details.reason === 'programFailed') && typeof details.code === 'string') {
    const code = details.code === 'SERIAL_MISMATCH' && !details.observedSerial ? 'SERIAL_MISMATCH_NONE' : details.code;
    return {
      key: `probe.${code}`,
      fallback: `reason.${details.reason}`,
      ...(details.wroteToMeter === false ? { then: 'probe.nothingWritten' } : {}),
      values,
    };
  }
  if (typeof details.reason === 'string') return { key: `reason.${details.reason}`, values };
  if (error.code === 'FORBIDDEN' && typeof details.right === 'string') return { key: 'reason.needsRight', values };
  return null;
}

export { wordsAt } from './catalogText';

/** The error in the catalog's words (the CLI; the renderer goes through i18next): the reason's words, else the code's. */
export function sayError(
  words: { readonly code: Readonly<Record<string, string>> },
  error: CodedError,
  roleOfRight: (right: string) => string = (r) => r,
): string {
  const found = errorWordKey(error, roleOfRight);
  const text =
    (found && (wordsAt(words, found.key) ?? (found.fallback ? wordsAt(words, found.fallback) : undefined))) ??
    words.code[error.code] ??
    words.code.INTERNAL ??
    error.code;
  const then = found?.then ? wordsAt(words, found.then) : undefined;
  const said = Object.fromEntries(Object.entries(found?.words ?? {}).map(([name, key]) => [name, wordsAt(words, key) ?? key]));
  const values = { ...found?.values, ...said };
  return then ? `${fill(text, values)} ${fill(then, values)}` : fill(text, values);
}
