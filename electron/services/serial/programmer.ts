/**
 * Programming mode over the optical port (IEC 62056-21:2002 mode C with Y = '1', §6.3.3 and
 * §6.3.7–6.3.12): sign on, option select for programming, the meter's P0 operand, the password
 * (P1/P2), then R1/W1/E2 commands and B0 to end. The messages are built and read by
 * shared/iec62056/programming; this file owns the clock: timeouts, repeats, cancel, the baud switch.
 */
import {
  breakCommand,
  chooseBaudChar,
  derivePassword,
  executeCommand,
  INITIAL_BAUD,
  optionSelect,
  parseDataLine,
  parseIdentification,
  passwordCommand,
  ProgrammingAnswerReader,
  readCommand,
  signOnRequest,
  writeCommand,
  type DataValue,
  type Identification,
  type MeterModel,
  type ProgrammingAnswer,
} from '../../../shared/iec62056';
import { openProbe } from './openProbe';
import { OpticalReadError } from './errors';
import type { SerialLink } from './link';

export interface ProgramTimeouts {
  /** Sign-on sent → identification complete. */
  readonly identificationMs: number;
  /** Command sent → complete answer (reaction ≤ 1.5 s, §6.3.14, plus the answer itself). */
  readonly answerMs: number;
  /** Before signing on again after a failed sign-on (the meter falls back to idle). */
  readonly retryPauseMs: number;
  /** After the option select has drained, before switching the port's rate. */
  readonly switchDelayMs: number;
}

export const defaultProgramTimeouts: ProgramTimeouts = { identificationMs: 2500, answerMs: 3000, retryPauseMs: 1600, switchDelayMs: 5 };

export interface ProgramConnectOptions {
  readonly path: string;
  readonly address?: string;
  readonly password: string;
  /** The model; when absent, chosen from the identification's manufacturer. */
  readonly model: (identification: Identification) => MeterModel;
  readonly maxBaud?: number;
  readonly signal?: AbortSignal;
  readonly timeouts?: Partial<ProgramTimeouts>;
  /** Sign-on attempts (default 3); a refused password is never retried. */
  readonly attempts?: number;
  readonly openLink?: (path: string, baud: number) => Promise<SerialLink>;
  /** Told of every command just before it is sent (progress; whether a write went out). */
  readonly onCommand?: (what: string) => void;
  /** How the reaction time is waited; tests record the waits instead of the wall clock. */
  readonly wait?: (ms: number) => Promise<void>;
  /** The reference clock, epoch ms (tests may fake it). */
  readonly now?: () => number;
}

/** A command as it goes out: its bytes and how it is logged. */
export interface Outgoing {
  readonly bytes: Uint8Array;
  readonly what: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const REPEATS = 3; // a command is sent at most this often when the meter asks for it again (NAK)

/** One programming-mode conversation; `close()` sends B0 and releases the port. */
export class ProgrammingConnection {
  private readonly reader = new ProgrammingAnswerReader();
  private answers: ProgrammingAnswer[] = [];
  private waiter: (() => void) | null = null;
  private unexpectedClose: string | null = null;
  private readonly offData: () => void;
  private readonly offClose: () => void;
  private closed = false;
  /** Commands sent, for the report and for tests. */
  readonly log: string[] = [];
  private sentAt = 0;

  constructor(
    private readonly link: SerialLink,
    readonly identification: Identification,
    readonly model: MeterModel,
    readonly baud: number,
    private readonly timeouts: ProgramTimeouts,
    private readonly signal: AbortSignal | undefined,
    private readonly onCommand: ((what: string) => void) | undefined = undefined,
    private readonly wait: (ms: number) => Promise<void> = sleep,
    private readonly now: () => number = Date.now,
  ) {
    this.offData = link.onData((chunk) => {
      this.answers.push(...this.reader.feed(chunk));
      this.waiter?.();
    });
    this.offClose = link.onClose((unexpected, reason) => {
      if (unexpected) this.unexpectedClose = reason;
      this.waiter?.();
    });
  }

  /** When the last command went out (after the reaction time), by the reference clock. */
  get lastSentAt(): number {
    return this.sentAt;
  }

  /** The next answer that is not the echo of our own command (half-duplex probes echo). */
  async next(sent: string): Promise<ProgrammingAnswer> {
    const deadline = Date.now() + this.timeouts.answerMs;
    for (;;) {
      if (this.signal?.aborted) throw new OpticalReadError('CANCELLED', 'Programming was cancelled.');
      if (this.unexpectedClose)
        throw new OpticalReadError('PROBE_DISCONNECTED', `The probe went away during programming (${this.unexpectedClose}).`);
      const answer = this.answers.shift();
      if (answer && !(answer.kind === 'command' && answer.id === sent)) return answer;
      if (answer) continue;
      const left = deadline - Date.now();
      if (left <= 0) throw new OpticalReadError('DATA_TIMEOUT', `The meter did not answer ${sent} within ${this.timeouts.answerMs} ms.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        const onAbort = () => resolve();
        this.signal?.addEventListener('abort', onAbort, { once: true });
        this.waiter = () => {
          clearTimeout(timer);
          this.signal?.removeEventListener('abort', onAbort);
          resolve();
        };
      });
      this.waiter = null;
    }
  }

  /**
   * Sends a command; NAK or a garbled answer makes us repeat it (§6.3.6), up to REPEATS times. A
   * command given as a function is made after the reaction time, just before it goes out (and made
   * again for a repeat): a clock value must be the time it is sent, not the time it was meant for.
   */
  async command(id: string, outgoing: Outgoing | (() => Promise<Outgoing>), repeats = REPEATS): Promise<ProgrammingAnswer> {
    for (let attempt = 1; ; attempt++) {
      // The meter listens again only after its reaction time tr (§6.3.14 item 12, §6.4 timing).
      await this.wait(this.identification.reactionTimeMs);
      const { bytes, what } = typeof outgoing === 'function' ? await outgoing() : outgoing;
      // Cancelled during the wait: the command is not sent (a cancelled clock set changes nothing on the meter).
      if (this.signal?.aborted) throw new OpticalReadError('CANCELLED', 'Programming was cancelled.');
      this.log.push(what);
      this.onCommand?.(what);
      this.sentAt = this.now();
      await this.send(bytes);
      const answer = await this.next(id);
      const garbled = (answer.kind === 'data' || answer.kind === 'error') && !answer.bccOk;
      if ((answer.kind === 'nak' || garbled) && attempt < repeats) continue;
      if (answer.kind === 'nak' || garbled)
        throw new OpticalReadError('CHECKSUM_FAILED', `${what}: the meter answered NAK or garbled data (${attempt} attempts).`);
      if (answer.kind === 'command' && answer.id === 'B0')
        throw new OpticalReadError('PROTOCOL_ERROR', `${what}: the meter ended programming mode (B0).`);
      if (answer.kind === 'error') throw new OpticalReadError('COMMAND_REFUSED', `${what}: the meter refused it (${answer.code}).`);
      return answer;
    }
  }

  /**
   * Writes a command whole, or one character at a time with the model's inter-character pause for
   * meters whose input overruns at full speed (the pause stays under §6.3.14 item 12's 1500 ms).
   */
  private async send(bytes: Uint8Array): Promise<void> {
    const pause = this.model.pauses.interCharacterMs;
    if (!pause) return this.link.write(bytes);
    for (let i = 0; i < bytes.length; i++) {
      if (i > 0) await this.wait(pause);
      await this.link.write(bytes.subarray(i, i + 1));
    }
  }

  /** R1: the values of one register (a data answer `addr(v*u)(v)` or `(v)`). */
  async read(address: string): Promise<DataValue[]> {
    const answer = await this.command('R1', { bytes: readCommand(address), what: `R1 ${address}` });
    if (answer.kind !== 'data') throw new OpticalReadError('PROTOCOL_ERROR', `R1 ${address}: expected a data message, got ${answer.kind}.`);
    const set = { obis: address, values: [] as DataValue[] };
    const parsed = parseDataLine(answer.text.replace(/[\r\n]+/g, ''), set);
    return parsed.dataSets[0]?.values ?? set.values;
  }

  /**
   * W1 or E2: the meter must acknowledge. A value given as a function is asked for after the
   * reaction time, when the command is about to go out.
   */
  async write(kind: 'W1' | 'E2', address: string, value: string | (() => Promise<string>)): Promise<void> {
    const outgoing = async (): Promise<Outgoing> => {
      const text = typeof value === 'function' ? await value() : value;
      const bytes = kind === 'W1' ? writeCommand(address, text) : executeCommand(address, text);
      return { bytes, what: `${kind} ${address}(${text})` };
    };
    const answer = await this.command(kind, outgoing);
    if (answer.kind !== 'ack') throw new OpticalReadError('PROTOCOL_ERROR', `${kind} ${address}: expected ACK, got ${answer.kind}.`);
  }

  /**
   * Gives up this conversation but keeps the port open, to sign on again: B0 in case the meter did
   * enter programming mode (§6.3.12), then stop listening.
   */
  async abandon(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.offData();
    this.offClose();
    if (this.unexpectedClose) return;
    this.log.push('B0');
    await this.wait(this.identification.reactionTimeMs);
    await this.send(breakCommand()).catch(() => undefined);
    await sleep(this.timeouts.switchDelayMs + 20); // let B0 leave before the rate changes or the port closes
  }

  /** B0 (§6.3.12), then release the port. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.abandon();
    await this.link.close();
  }
}

/** Waits for the identification line `/XXXZ…` CR LF (§6.3.2) after a sign-on. */
function awaitIdentification(link: SerialLink, ms: number, signal?: AbortSignal): Promise<Identification | null> {
  return new Promise((resolve) => {
    let text = '';
    const done = (id: Identification | null) => {
      clearTimeout(timer);
      off();
      signal?.removeEventListener('abort', onAbort);
      resolve(id);
    };
    const onAbort = () => done(null);
    const timer = setTimeout(() => done(null), ms);
    const off = link.onData((chunk) => {
      for (const b of chunk) {
        const c = b & 0x7f;
        if (c !== 0x0a) {
          if (c !== 0x0d && c !== 0) text += String.fromCharCode(c);
          continue;
        }
        const id = text.includes('/?') ? null : parseIdentification(text);
        text = '';
        if (id) return done(id);
      }
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Signs on, selects programming mode and logs in with the model's password kind. The returned
 * connection is in programming mode; the caller must `close()` it (B0).
 */
export async function connectProgramming(options: ProgramConnectOptions): Promise<ProgrammingConnection> {
  const timeouts = { ...defaultProgramTimeouts, ...options.timeouts };
  if (options.signal?.aborted) throw new OpticalReadError('CANCELLED', 'Programming was cancelled.');
  const link = await openProbe(options.path, options.openLink);
  let connection: ProgrammingConnection | null = null;
  try {
    const attempts = options.attempts ?? 3;
    // An attempt runs from the sign-on to the meter's P0 operand. A meter that identified but sent no
    // operand (the option select lost, or its answer cut off by our switch of rate) is signed on to
    // again after the pause, as after no identification at all (§6.3.1: back to the start).
    for (let attempt = 1; ; attempt++) {
      const retry = async (error: OpticalReadError): Promise<void> => {
        if (attempt >= attempts) throw error;
        await sleep(timeouts.retryPauseMs);
      };
      await link.write(signOnRequest(options.address ?? ''));
      const identification = await awaitIdentification(link, timeouts.identificationMs, options.signal);
      if (options.signal?.aborted) throw new OpticalReadError('CANCELLED', 'Programming was cancelled.');
      if (!identification) {
        await retry(new OpticalReadError('NO_RESPONSE', `The meter did not answer the sign-on (${attempt} attempts).`));
        continue;
      }
      if (identification.mode !== 'C' && identification.mode !== 'E') {
        throw new OpticalReadError(
          'NOT_SUPPORTED',
          `The meter identified in mode ${identification.mode}: programming mode needs mode C (§6.4.5).`,
        );
      }
      const model = options.model(identification);
      const { baudChar, baud } = chooseBaudChar(identification, options.maxBaud ?? 19200);
      // §6.3.3: ACK 0 Z 1 CR LF at 300 baud, then both sides switch and the meter sends P0.
      const wait = options.wait ?? sleep;
      connection = new ProgrammingConnection(
        link,
        identification,
        model,
        baud,
        timeouts,
        options.signal,
        options.onCommand,
        wait,
        options.now,
      );
      // Not before the meter's reaction time after its identification (§6.3.14 item 12): it would not hear it.
      await wait(identification.reactionTimeMs);
      await link.write(optionSelect(baudChar, 'programming'));
      // Some meters need a pause after the option select before they listen at the new rate (per model).
      if (model.pauses.afterOptionSelectMs) await wait(model.pauses.afterOptionSelectMs);
      await sleep(timeouts.switchDelayMs);
      if (baud !== INITIAL_BAUD) await link.setBaudRate(baud);
      let operand: ProgrammingAnswer;
      try {
        operand = await connection.next('');
        while (operand.kind === 'ack') operand = await connection.next(''); // the echo of our option select starts with ACK
      } catch (error) {
        if (!(error instanceof OpticalReadError && error.code === 'DATA_TIMEOUT')) throw error;
        await connection.abandon();
        connection = null;
        if (baud !== INITIAL_BAUD) await link.setBaudRate(INITIAL_BAUD);
        await retry(
          new OpticalReadError(
            'DATA_TIMEOUT',
            `The meter identified but did not start programming mode (no P0 operand, ${attempt} attempts).`,
          ),
        );
        continue;
      }
      if (operand.kind !== 'command' || operand.id !== 'P0') {
        await connection.close();
        throw new OpticalReadError(
          'NOT_SUPPORTED',
          `The meter did not offer programming mode (answered ${operand.kind === 'command' ? operand.id : operand.kind.toUpperCase()} to the option select).`,
        );
      }
      const seed = /\(([^)]*)\)/.exec(operand.data)?.[1] ?? '';
      const text = model.password === 'P2' ? derivePassword(options.password, seed) : options.password;
      return await login(connection, model.password, text);
    }
  } catch (error) {
    // Once the option select went out the meter may be in programming mode: end it with B0.
    await (connection ? connection.close() : link.close()).catch(() => undefined);
    throw error;
  }
}

async function login(connection: ProgrammingConnection, kind: 'P1' | 'P2', text: string): Promise<ProgrammingConnection> {
  let answer: ProgrammingAnswer;
  try {
    // Sent once, never repeated on our own: a NAK to a password is as likely a refusal as a garbled
    // line, and meters count wrong passwords and lock the port after a few (three on many models).
    answer = await connection.command(kind, { bytes: passwordCommand(kind, text), what: `${kind} (password)` }, 1);
  } catch (error) {
    await connection.close();
    if (
      error instanceof OpticalReadError &&
      (error.code === 'COMMAND_REFUSED' ||
        error.code === 'CHECKSUM_FAILED' ||
        (error.code === 'PROTOCOL_ERROR' && /B0/.test(error.message)))
    ) {
      throw new OpticalReadError(
        'PASSWORD_REJECTED',
        `The meter refused the ${kind} password (${error.message.replace(/^.*?: /, '').replace(/\.$/, '')}).`,
      );
    }
    throw error;
  }
  if (answer.kind !== 'ack') {
    await connection.close();
    throw new OpticalReadError('PASSWORD_REJECTED', `The meter did not accept the ${kind} password (answered ${answer.kind}).`);
  }
  return connection;
}
