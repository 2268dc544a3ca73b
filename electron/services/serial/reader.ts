/**
 * Reads a meter through its optical port (IEC 62056-21:2002 §6.4, modes A/B/C, E answered with
 * the ASCII readout). The protocol lives in shared/iec62056; this file owns the clock: timeouts
 * per step, three sign-on attempts, the baud switch after the option select, cancel, progress.
 */
import {
  concatBytes,
  describeBytes,
  INITIAL_BAUD,
  mapDataSets,
  modeCBaud,
  OpticalSession,
  type Identification,
  type MappedDataSet,
  type MeterPauses,
  type ObisReadingTypes,
  type ProtocolMode,
  type SessionEvent,
} from '../../../shared/iec62056';
import { openProbe } from './openProbe';
import { OpticalReadError, type OpticalErrorCode, type ReadDiagnostic } from './errors';
import type { SerialLink } from './link';

export interface ReadTimeouts {
  /** Sign-on sent → identification line complete (reaction ≤ 1.5 s, §6.3.14, plus ~0.7 s at 300 baud). */
  readonly identificationMs: number;
  /** Option select sent → first data byte. */
  readonly dataStartMs: number;
  /** Longest silence inside the data message (§6.3.? inter-character time ≤ 1.5 s). */
  readonly interByteMs: number;
  /** Before signing on again: a meter drops back to idle after 1.5 s of silence. */
  readonly retryPauseMs: number;
  /** After the option select has drained, before switching the port's rate. */
  readonly switchDelayMs: number;
}

export const defaultTimeouts: ReadTimeouts = {
  identificationMs: 2500,
  dataStartMs: 3000,
  interByteMs: 1600,
  retryPauseMs: 1600,
  switchDelayMs: 5,
};

export interface ReadProgress {
  readonly phase: 'signOn' | 'identification' | 'data' | 'retry';
  readonly attempt: number;
  readonly bytes: number;
  readonly baud: number;
  /** From the expected readout size at the current rate; null before the data starts. */
  readonly estimatedMsLeft: number | null;
  /** Why the previous attempt failed, on 'retry'. */
  readonly retryReason?: OpticalErrorCode;
}

export interface ReadOptions {
  readonly path: string;
  readonly address?: string;
  readonly maxBaud?: number;
  readonly wakeUp?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
  readonly timeouts?: Partial<ReadTimeouts>;
  /** Sign-on attempts (default 3). */
  readonly attempts?: number;
  /** Size of this meter's last readout, for the time-left estimate (default 2 kB). */
  readonly expectedBytes?: number;
  /** The medium; defaults to `serialport` at 300 baud 7E1. */
  readonly openLink?: (path: string, baud: number) => Promise<SerialLink>;
  readonly readingTypes?: ObisReadingTypes;
  /** How the reader waits (the reaction time, pauses); tests record the waits instead of the wall clock. */
  readonly wait?: (ms: number) => Promise<void>;
  /**
   * The pauses of the model assigned to the meter type that identified (docs/METER_MODELS.md), or
   * null for none. Asked once the identification is in, before the option select.
   */
  readonly pausesFor?: (identification: Identification) => MeterPauses | null;
  /**
   * A meter whose identification offers mode E (`\2`, §6.3.14 item 15) is left to the DLMS reader:
   * the read stops at the identification, before the option select, and throws ModeEOffered.
   * Without it, mode E is answered with V='0' and the meter is asked for its ASCII readout (§6.4.5).
   */
  readonly stopAtModeE?: boolean;
}

/** The meter offered mode E and the read stopped before the option select (ReadOptions.stopAtModeE). */
export class ModeEOffered extends Error {
  constructor(readonly identification: Identification) {
    super(`The meter ${identification.manufacturer} ${identification.ident} offers mode E (DLMS/COSEM).`);
    this.name = 'ModeEOffered';
  }
}

export interface MeterReadout {
  readonly identification: Identification;
  readonly mode: ProtocolMode;
  readonly baud: number;
  readonly checksum: 'ok' | 'absent';
  readonly dataSets: MappedDataSet[];
  readonly attempts: number;
  readonly bytes: number;
  readonly durationMs: number;
}

type Outcome =
  | { ok: true; event: Extract<SessionEvent, { type: 'complete' }>; baud: number; bytes: number }
  | { ok: 'modeE'; identification: Identification }
  | { ok: false; code: OpticalErrorCode; what: string; retry: boolean; diagnostic: ReadDiagnostic; baud: number };

/** The next lower mode C rate (§6.3.14 item 14), or null at 300 baud. */
function lowerRate(baud: number): number | null {
  const lower = Object.values(modeCBaud).filter((b) => b < baud);
  return lower.length ? Math.max(...lower) : null;
}

/** Failures after the switch to a higher rate: the meter may not keep the rate it announced. */
const AT_RATE: ReadonlySet<OpticalErrorCode> = new Set(['DATA_TIMEOUT', 'CHECKSUM_FAILED', 'PROTOCOL_ERROR']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function readMeter(options: ReadOptions): Promise<MeterReadout> {
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const attempts = options.attempts ?? 3;
  const started = Date.now();
  if (options.signal?.aborted) throw new OpticalReadError('CANCELLED', 'The read was cancelled.');
  const link = await openProbe(options.path, options.openLink);
  try {
    let maxBaud = options.maxBaud;
    for (let attempt = 1; ; attempt++) {
      const outcome = await runAttempt(link, { ...options, ...(maxBaud ? { maxBaud } : {}) }, timeouts, attempt);
      if (outcome.ok === 'modeE') throw new ModeEOffered(outcome.identification);
      if (outcome.ok) {
        const { event } = outcome;
        if (!event.identification) throw new OpticalReadError('PROTOCOL_ERROR', 'The meter sent data without identifying itself.');
        return {
          identification: event.identification,
          mode: event.identification.mode,
          baud: outcome.baud,
          checksum: event.checksum === 'ok' ? 'ok' : 'absent',
          dataSets: mapDataSets(event.dataSets, options.readingTypes),
          attempts: attempt,
          bytes: outcome.bytes,
          durationMs: Date.now() - started,
        };
      }
      if (!outcome.retry || attempt >= attempts) {
        const what = attempt > 1 && outcome.retry ? `${outcome.what.replace(/\.$/, '')} (${attempt} attempts).` : outcome.what;
        throw new OpticalReadError(outcome.code, what, { diagnostic: outcome.diagnostic, attempts: attempt });
      }
      // Some meters announce a rate they do not keep (known on some Landis+Gyr ZMD): after a failure
      // at a switched rate, the next attempt proposes the next lower one instead of failing again.
      if (AT_RATE.has(outcome.code) && outcome.baud > INITIAL_BAUD) maxBaud = lowerRate(outcome.baud) ?? INITIAL_BAUD;
      options.onProgress?.({
        phase: 'retry',
        attempt: attempt + 1,
        bytes: 0,
        baud: INITIAL_BAUD,
        estimatedMsLeft: null,
        retryReason: outcome.code,
      });
      await link.setBaudRate(INITIAL_BAUD).catch(() => undefined);
      await sleep(timeouts.retryPauseMs);
      if (options.signal?.aborted) throw new OpticalReadError('CANCELLED', 'The read was cancelled.', { attempts: attempt });
    }
  } finally {
    await link.close();
  }
}

const sessionErrors: Readonly<Record<string, readonly [OpticalErrorCode, boolean]>> = {
  BAD_IDENTIFICATION: ['BAD_IDENTIFICATION', true],
  NO_IDENTIFICATION: ['NO_RESPONSE', true],
  INCOMPLETE: ['DATA_TIMEOUT', true],
  BLOCK_REJECTED: ['CHECKSUM_FAILED', true],
  TOO_LONG: ['PROTOCOL_ERROR', false],
  INTERNAL: ['PROTOCOL_ERROR', false],
};

function runAttempt(link: SerialLink, options: ReadOptions, timeouts: ReadTimeouts, attempt: number): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const session = new OpticalSession({ kind: 'readout', address: options.address, maxBaud: options.maxBaud, wakeUp: options.wakeUp });
    const wait = options.wait ?? sleep;
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    let baud = INITIAL_BAUD;
    let pauses: MeterPauses | null = null;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let work: Promise<void> = Promise.resolve();
    const diagnostic = (): ReadDiagnostic => ({
      log: describeBytes(concatBytes(...chunks)),
      bytes,
      partialDataSets: session.partialDataSets,
    });
    const fail = (code: OpticalErrorCode, what: string, retry: boolean) =>
      settle({ ok: false, code, what, retry, diagnostic: diagnostic(), baud });
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      offData();
      offClose();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    const onTimeout = () => {
      if (session.phase === 'identification') {
        return bytes === 0
          ? fail('NO_RESPONSE', 'The meter did not answer the sign-on.', true)
          : fail('BAD_IDENTIFICATION', `The meter's answer (${bytes} bytes) was not an identification.`, true);
      }
      fail('DATA_TIMEOUT', `The data stopped after ${bytes} bytes.`, true);
    };
    const onAbort = () => fail('CANCELLED', 'The read was cancelled.', false);
    const progress = (phase: ReadProgress['phase']) => {
      const expected = Math.max(options.expectedBytes ?? 2048, Math.ceil(bytes * 1.1));
      const estimatedMsLeft = phase === 'data' ? Math.round(((expected - bytes) * 10 * 1000) / baud) : null;
      options.onProgress?.({ phase, attempt, bytes, baud, estimatedMsLeft });
    };
    const handle = async (events: readonly SessionEvent[]) => {
      for (const event of events) {
        if (settled) return;
        switch (event.type) {
          case 'send':
            await link.write(event.bytes);
            if (event.pauseAfterMs) await wait(event.pauseAfterMs);
            if (event.purpose === 'signOn') {
              arm(timeouts.identificationMs);
              progress('identification');
            }
            break;
          case 'baudSwitch':
            // §6.4.2 mode C: the option select goes out at 300 baud; both sides then switch. A meter
            // listens only after its reaction time tr (≥ 200 ms, 20 ms with a lower-case third
            // letter: §6.3.14 item 12, §6.4 timing): an earlier ACK goes unheard.
            arm(event.reactionTimeMs + (pauses?.afterOptionSelectMs ?? 0) + timeouts.dataStartMs);
            if (event.send) {
              await wait(event.reactionTimeMs);
              if (settled) return;
              await link.write(event.send);
              // A model may ask for a pause after the option select before the rate changes (per model).
              if (pauses?.afterOptionSelectMs) await wait(pauses.afterOptionSelectMs);
              if (settled) return;
            }
            await sleep(timeouts.switchDelayMs);
            if (event.baud !== baud) await link.setBaudRate(event.baud);
            baud = event.baud;
            arm(timeouts.dataStartMs);
            break;
          case 'progress':
            if (session.phase === 'data') progress('data');
            break;
          case 'complete':
            if (event.checksum === 'bad') return fail('CHECKSUM_FAILED', 'The readout failed its block check (BCC).', true);
            return settle({ ok: true, event, baud, bytes });
          case 'error': {
            const [code, retry] = sessionErrors[event.code] ?? ['PROTOCOL_ERROR', false];
            return fail(code, event.message, retry);
          }
          case 'identification':
            if (options.stopAtModeE && event.identification.modeE) return settle({ ok: 'modeE', identification: event.identification });
            pauses = options.pausesFor?.(event.identification) ?? null;
            break;
          case 'dataLine':
            break;
        }
      }
    };
    const run = (events: readonly SessionEvent[]) => {
      work = work
        .then(() => handle(events))
        .catch((error: unknown) => fail('PROBE_DISCONNECTED', `Writing to the probe failed: ${(error as Error).message}.`, false));
    };
    const offData = link.onData((chunk) => {
      if (settled) return;
      chunks.push(chunk.slice());
      bytes += chunk.length;
      if (session.phase === 'data') arm(timeouts.interByteMs);
      run(session.feed(chunk));
    });
    const offClose = link.onClose((unexpected, reason) => {
      if (unexpected)
        fail(
          'PROBE_DISCONNECTED',
          `The probe went away during the read (${reason}) after ${bytes} bytes; the partial data was not saved.`,
          false,
        );
    });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    progress('signOn');
    run(session.start());
  });
}
