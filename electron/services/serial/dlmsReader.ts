/**
 * Reads a DLMS/COSEM meter through its optical port: IEC 62056-21 mode E sign-on, then HDLC
 * (IEC 62056-46). The protocol lives in shared/dlms/modeESession; this file owns the clock and the
 * port, as ./reader does for mode C: a timer per step as the session asks, the reaction time
 * before the ACK (§6.3.14 item 12), the rate switch, sign-on attempts, cancel, unplug, progress.
 * The port is opened 8N1 once and the handshake sent with its parity bit set (shared/dlms/modeE).
 */
import {
  bytesToHex,
  DlmsModeESession,
  estimatedMsLeft,
  expectedReadBytes,
  meterDataOf,
  meterReadPlan,
  type CosemResponse,
  type DlmsMeterData,
  type DlmsSessionErrorCode,
  type DlmsSessionEvent,
  type DlmsSessionPhase,
  type LinkParameters,
  type MeterReadRequest,
  type ReadPlan,
} from '../../../shared/dlms';
import type { HlsClient } from '../../../shared/dlms/hlsAssociation';
import type { Identification } from '../../../shared/iec62056/identification';
import { randomBytes } from 'node:crypto';
import { nodeAesGcm } from '../dlms/aesGcm';
import { OpticalReadError, type OpticalErrorCode, type ReadDiagnostic } from './errors';
import { LinkOpenError, openSerialLink, type SerialLink } from './link';

/** Secrets for a meter (its LLS password; its HLS keys from the meter-key store): never logged, never in a transcript. */
export interface MeterSecrets {
  readonly password?: Uint8Array | null;
  /** Global unicast encryption key and authentication key (AES-128): with both, HLS mechanism 5 is used. */
  readonly encryptionKey?: Uint8Array | null;
  readonly authenticationKey?: Uint8Array | null;
}

/**
 * Our system title (Green Book §4.3.4: three manufacturer letters and five bytes): "FLD" and zeros,
 * the same on every device; the meter tells clients apart by their SAP, not their title.
 */
const CLIENT_SYSTEM_TITLE = Uint8Array.of(0x46, 0x4c, 0x44, 0, 0, 0, 0, 0);

/** The HLS client for these keys: a new random challenge per association, a counter that only grows (seconds since 1970). */
export function hlsClientOf(secrets: MeterSecrets | undefined): HlsClient | null {
  const { encryptionKey, authenticationKey } = secrets ?? {};
  if (!encryptionKey || !authenticationKey) return null;
  return {
    keys: { gcm: nodeAesGcm, encryptionKey, authenticationKey },
    systemTitle: CLIENT_SYSTEM_TITLE,
    challenge: new Uint8Array(randomBytes(16)),
    invocationCounter: Math.floor(Date.now() / 1000) >>> 0,
  };
}
/** `meter` is null on a direct HDLC line, where the keys are asked for before the SNRM. */
export type KeysFor = (meter: Identification | null) => MeterSecrets | Promise<MeterSecrets>;

export interface DlmsReadOptions {
  readonly path: string;
  readonly request?: MeterReadRequest;
  /** Another plan than the read (a clock set): made fresh for every sign-on attempt. */
  readonly plan?: () => ReadPlan;
  /** Where the meter's secrets come from (the CLI: its environment; later the meter-key store). */
  readonly keysFor?: KeysFor;
  readonly client?: number;
  readonly serverLower?: number;
  readonly maxBaud?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DlmsReadProgress) => void;
  /** The bytes this read is expected to bring (default: from the request, shared/dlms/readEstimate). */
  readonly expectedBytes?: number;
  readonly timeouts?: { identificationMs?: number; responseMs?: number; retryPauseMs?: number };
  readonly attempts?: number;
  readonly openLink?: (path: string, baud: number) => Promise<SerialLink>;
  readonly wait?: (ms: number) => Promise<void>;
  /** The host clock the drift is measured against (tests fix it). */
  readonly now?: () => number;
}

/** The mode C reader's progress (./reader ReadProgress) with the DLMS session's phase. */
export interface DlmsReadProgress {
  readonly phase: DlmsSessionPhase;
  readonly attempt: number;
  readonly bytes: number;
  readonly baud: number;
  /** From the line time of what is still expected (never from the speed so far); null before the rate switch. */
  readonly estimatedMsLeft: number | null;
}

export interface DlmsReadout {
  readonly identification: Identification;
  readonly baud: number;
  readonly link: LinkParameters;
  readonly released: boolean;
  readonly data: DlmsMeterData;
  readonly responses: readonly CosemResponse[];
  readonly attempts: number;
  readonly bytes: number;
  readonly durationMs: number;
}

/**
 * The medium: the optical probe (IEC 62056-21 mode E sign-on at 300 baud) or a direct HDLC line at
 * a fixed rate 8N1 on a serial/RS-485 adapter (IEC 62056-46), opened with the SNRM.
 */
export type DlmsMedium = { readonly kind: 'optical' } | { readonly kind: 'hdlc'; readonly baud: number };
export interface DlmsLineReadOptions extends DlmsReadOptions {
  readonly medium: DlmsMedium;
}
/** A read on either medium: on a direct HDLC line the meter sends no identification (null). */
export type DlmsLineReadout = Omit<DlmsReadout, 'identification'> & { readonly identification: Identification | null };

/** A DLMS read failed: the optical code the app already translates, and the DLMS reason. */
export class DlmsReadError extends OpticalReadError {
  constructor(
    code: OpticalErrorCode,
    readonly dlmsCode: DlmsSessionErrorCode | 'CANCELLED' | 'PROBE_DISCONNECTED',
    what: string,
    options: { diagnostic?: ReadDiagnostic; attempts?: number; associationDiagnostic?: number | null } = {},
  ) {
    super(code, what, options);
    this.name = 'DlmsReadError';
    this.associationDiagnostic = options.associationDiagnostic ?? null;
  }
  /** A refused association's ACSE diagnostic (Green Book Table 74: 12 mechanism name required, 13 authentication failure). */
  readonly associationDiagnostic: number | null;
}

const codes: Readonly<Record<DlmsSessionErrorCode, OpticalErrorCode>> = {
  NO_IDENTIFICATION: 'NO_RESPONSE',
  BAD_IDENTIFICATION: 'BAD_IDENTIFICATION',
  NOT_MODE_E: 'NOT_SUPPORTED',
  NO_LINK: 'DATA_TIMEOUT',
  LINK_REFUSED: 'PROTOCOL_ERROR',
  PASSWORD_REJECTED: 'PASSWORD_REJECTED',
  ASSOCIATION_REFUSED: 'COMMAND_REFUSED',
  NO_RESPONSE: 'DATA_TIMEOUT',
  PROTOCOL_ERROR: 'PROTOCOL_ERROR',
  TOO_LONG: 'PROTOCOL_ERROR',
};
/** Only a sign-on that went unanswered is tried again: past the identification the meter holds the link until its inactivity time-out. */
const RETRY_SIGN_ON: ReadonlySet<DlmsSessionErrorCode> = new Set(['NO_IDENTIFICATION', 'BAD_IDENTIFICATION']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** After the ACK has drained, before the rate changes (some meters need it: Gurux waits 200–500 ms). */
const SWITCH_DELAY_MS = 200;

async function openDlmsProbe(options: DlmsLineReadOptions): Promise<SerialLink> {
  try {
    const baud = options.medium.kind === 'hdlc' ? options.medium.baud : 300;
    return await (options.openLink ?? ((p, rate) => openSerialLink(p, { baudRate: rate, frame: '8N1' })))(options.path, baud);
  } catch (error) {
    const reason = error instanceof LinkOpenError ? error.reason : 'other';
    const code = ({ notFound: 'PORT_NOT_FOUND', busy: 'PORT_BUSY', denied: 'PORT_DENIED', other: 'PORT_OPEN_FAILED' } as const)[reason];
    throw new OpticalReadError(code, `Cannot open ${options.path}: ${(error as Error).message}.`);
  }
}

/** Through the optical probe: mode E sign-on, then HDLC. */
export async function readDlmsMeter(options: DlmsReadOptions): Promise<DlmsReadout> {
  const readout = await readDlmsLine({ ...options, medium: { kind: 'optical' } });
  const { identification } = readout;
  // The mode E session completes only after an identification (shared/dlms/modeESession).
  if (!identification) throw new DlmsReadError('PROTOCOL_ERROR', 'PROTOCOL_ERROR', 'The meter sent no identification.');
  return { ...readout, identification };
}

/** On the given medium. */
export async function readDlmsLine(options: DlmsLineReadOptions): Promise<DlmsLineReadout> {
  const started = Date.now();
  const attempts = options.attempts ?? 3;
  if (options.signal?.aborted) throw new DlmsReadError('CANCELLED', 'CANCELLED', 'The read was cancelled.');
  const link = await openDlmsProbe(options);
  try {
    for (let attempt = 1; ; attempt++) {
      const outcome = await runAttempt(link, options, attempt);
      if (outcome.ok) {
        const { event } = outcome;
        return {
          identification: event.identification,
          baud: event.baud,
          link: event.link,
          released: event.released,
          data: meterDataOf(event.responses),
          responses: event.responses,
          attempts: attempt,
          bytes: outcome.bytes,
          durationMs: Date.now() - started,
        };
      }
      if (!outcome.retry || attempt >= attempts)
        throw new DlmsReadError(outcome.code, outcome.dlmsCode, outcome.what, {
          diagnostic: outcome.diagnostic,
          attempts: attempt,
          associationDiagnostic: outcome.associationDiagnostic ?? null,
        });
      if (options.medium.kind === 'optical') await link.setBaudRate(300).catch(() => undefined);
      await (options.wait ?? sleep)(options.timeouts?.retryPauseMs ?? 1600);
    }
  } finally {
    await link.close();
  }
}

type Outcome =
  | { ok: true; event: Extract<DlmsSessionEvent, { type: 'complete' }>; bytes: number }
  | {
      ok: false;
      code: OpticalErrorCode;
      dlmsCode: DlmsReadError['dlmsCode'];
      what: string;
      retry: boolean;
      diagnostic: ReadDiagnostic;
      associationDiagnostic?: number | null;
    };

async function runAttempt(link: SerialLink, options: DlmsLineReadOptions, attempt: number): Promise<Outcome> {
  let identified: Identification | null = null;
  let password: Uint8Array | null = null;
  let hls: HlsClient | null = null;
  const plan = options.plan ? options.plan() : meterReadPlan(options.request);
  const direct = options.medium.kind === 'hdlc' ? { baud: options.medium.baud } : null;
  if (direct) {
    const secrets = await options.keysFor?.(null);
    password = secrets?.password ?? null;
    hls = hlsClientOf(secrets);
  }
  const session = new DlmsModeESession({
    plan,
    get password() {
      return password;
    },
    get hls() {
      return hls;
    },
    client: options.client,
    server: { upper: 1, lower: options.serverLower ?? 17, size: 2 },
    maxBaud: options.maxBaud,
    direct,
    timeouts: options.timeouts,
    now: options.now ?? Date.now,
  });
  const wait = options.wait ?? sleep;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let baud = direct?.baud ?? 300;
  const expectedBytes = options.expectedBytes ?? expectedReadBytes(options.request ?? {});
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let work: Promise<void> = Promise.resolve();
    // The raw transcript, kept for diagnosis; never turned into a reading.
    const diagnostic = (): ReadDiagnostic => ({ log: bytesToHex(concatChunks(chunks)), bytes, partialDataSets: [] });
    const fail = (
      code: OpticalErrorCode,
      dlmsCode: DlmsReadError['dlmsCode'],
      what: string,
      retry = false,
      associationDiagnostic?: number,
    ) => settle({ ok: false, code, dlmsCode, what, retry, diagnostic: diagnostic(), associationDiagnostic: associationDiagnostic ?? null });
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      offData();
      offClose();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const cancelled = () => fail('CANCELLED', 'CANCELLED', 'The read was cancelled.');
    // Where the link is up, a DISC after whatever frame is being written (never inside it), then
    // stop; a probe that no longer takes the DISC does not hold the cancel up.
    const onAbort = () => {
      const disc = session.cancel();
      if (!disc) return cancelled();
      clearTimeout(timer);
      work = work
        .then(() => link.write(disc))
        .catch(() => undefined)
        .then(cancelled);
    };
    const run = (events: readonly DlmsSessionEvent[]) => {
      work = work
        .then(() => handle(events))
        .catch((error: unknown) =>
          fail('PROBE_DISCONNECTED', 'PROBE_DISCONNECTED', `Writing to the probe failed: ${(error as Error).message}.`),
        );
    };
    const handle = async (events: readonly DlmsSessionEvent[]) => {
      for (const event of events) {
        if (settled) return;
        switch (event.type) {
          case 'send':
            clearTimeout(timer);
            await link.write(event.bytes);
            if (event.awaitMs !== null) timer = setTimeout(() => run(session.timeout()), event.awaitMs);
            break;
          case 'identification':
            identified = event.identification;
            {
              const secrets = await options.keysFor?.(event.identification);
              password = secrets?.password ?? null;
              hls = hlsClientOf(secrets);
            }
            break;
          case 'switchLine':
            // §6.3.14 item 12: the meter listens only after its reaction time; Annex E: ACK at 300, then 8N1 at the new rate.
            clearTimeout(timer);
            await wait(event.reactionTimeMs);
            await link.write(event.send);
            await sleep(SWITCH_DELAY_MS);
            if (event.baud !== baud) await link.setBaudRate(event.baud);
            baud = event.baud;
            break;
          case 'progress':
            options.onProgress?.({
              phase: event.phase,
              attempt,
              bytes: event.bytes,
              baud,
              estimatedMsLeft:
                event.phase === 'identification'
                  ? null
                  : estimatedMsLeft({ expectedBytes, bytes: event.bytes, baud, maxInfo: session.link.maxInfoTransmit }),
            });
            break;
          case 'complete':
            return settle({ ok: true, event, bytes });
          case 'error':
            return fail(
              codes[event.code],
              event.code,
              `${identified ? `${identified.manufacturer} ${identified.ident}: ` : ''}${event.message}.`,
              RETRY_SIGN_ON.has(event.code),
              event.detail?.diagnostic,
            );
        }
      }
    };
    const offData = link.onData((chunk) => {
      if (settled) return;
      chunks.push(chunk.slice());
      bytes += chunk.length;
      run(session.feed(chunk));
    });
    const offClose = link.onClose((unexpected, reason) => {
      if (unexpected)
        fail(
          'PROBE_DISCONNECTED',
          'PROBE_DISCONNECTED',
          `The probe went away during the read (${reason}) after ${bytes} bytes; nothing was saved.`,
        );
    });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    run(session.start());
  });
}

function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
