/**
 * The meter's side of IEC 62056-21 (§6.4 modes A, B, C, D; E answered as C) over any SerialLink:
 * one end of a socat PTY pair in tests, an in-memory link in training mode. A PTY ignores baud
 * timing, so with `pace` the simulator spaces its output at the line rate (10 bits per character).
 */
import {
  ACK,
  asciiBytes,
  bcc,
  concatBytes,
  crc16Arc,
  ETX,
  findMeterModel,
  INITIAL_BAUD,
  modeBBaud,
  modeCBaud,
  NAK,
  parseIdentification,
  STX,
} from '../../../../shared/iec62056';
import type { SerialLink } from '../link';
import type { MeterProfile } from './profiles';
import { ProgrammingMeter, type PasswordLock } from './programmingMeter';

export interface SimulatorOptions {
  /** Space output at the line rate (needed where timing is under test). */
  readonly pace?: boolean;
  /** Scale the reaction times (tests use < 1 to run faster). */
  readonly reactionScale?: number;
  /** Go back to idle when no option select follows the identification (ms). */
  readonly ackTimeoutMs?: number;
  /** Miss this many option selects (a noisy line): the meter goes back to idle and answers nothing. */
  readonly missOptionSelects?: number;
}

/** After a readout, before returning to 300 baud; a reader must pause longer before signing on again. */
export const SWITCH_BACK_MS = 100;
// ACK V Z Y CR LF (§6.3.3); built from ACK so the pattern holds no literal control character.
const OPTION_SELECT = new RegExp(`${String.fromCharCode(ACK)}([0-9])(.)([0-9])\\r?\\n`);
const JUNK = Uint8Array.of(0x7f, 0x13, 0x5a, 0x00, 0x3f, 0x11, 0x55);

export class MeterSimulator {
  private input = '';
  private state: 'idle' | 'awaitAck' | 'busy' | 'programming' = 'idle';
  private missed = 0;
  /** Wrong passwords counted across programming sessions (a meter that locks keeps the count). */
  readonly passwordLock: PasswordLock = { wrong: 0 };
  /** When the identification started to go out (performance.now()), for `deafBeforeReaction`. */
  private identifiedAt = 0;
  /** The programming-mode conversation in progress (option select Y = '1'). */
  programming: ProgrammingMeter | null = null;
  private programmingTimer: ReturnType<typeof setTimeout> | undefined;
  private readouts = 0;
  private stopped = false;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private pushTimer: ReturnType<typeof setInterval> | undefined;
  private readonly offData: () => void;
  /** Option selects that came before the reaction time and went unheard (`deafBeforeReaction`). */
  earlyAcks = 0;
  /** Every request line the meter understood, for tests. */
  readonly requests: string[] = [];

  constructor(
    readonly profile: MeterProfile,
    private readonly link: SerialLink,
    private readonly options: SimulatorOptions = {},
  ) {
    this.offData = link.onData((bytes) => this.receive(bytes));
    if (profile.kind === 'push') {
      const push = () => void this.send(this.p1Telegram(), INITIAL_BAUD * 8).catch(() => this.stop());
      push();
      this.pushTimer = setInterval(push, profile.pushIntervalMs ?? 1000);
    }
  }

  stop(): void {
    this.stopped = true;
    this.offData();
    clearTimeout(this.ackTimer);
    clearTimeout(this.programmingTimer);
    clearInterval(this.pushTimer);
  }

  /** Waiting for a sign-on: not in a conversation, nor switching back to 300 baud after one. */
  get listening(): boolean {
    return this.state === 'idle' && !this.stopped;
  }

  /** The reaction time the identification announces (200 ms, 20 ms for a lower-case third letter), unscaled. */
  private get listensAfterMs(): number {
    return parseIdentification(`/${this.profile.identification}`)?.reactionTimeMs ?? 200;
  }

  private get reactionMs(): number {
    const id = parseIdentification(`/${this.profile.identification}`);
    return (this.profile.reactionMs ?? id?.reactionTimeMs ?? 200) * (this.options.reactionScale ?? 1);
  }

  private receive(bytes: Uint8Array): void {
    if (this.stopped || this.profile.kind === 'push') return;
    if (this.profile.noisy) void this.link.write(bytes).catch(() => undefined); // half-duplex echo
    if (this.state === 'programming') {
      this.armProgrammingTimeout();
      return this.programming?.receive(bytes); // binary framing: the BCC may be NUL
    }
    for (const b of bytes) if (b !== 0) this.input += String.fromCharCode(b & 0x7f);
    if (this.input.length > 4096) this.input = this.input.slice(-256);
    if (this.state === 'idle') {
      const match = /\/\?([0-9A-Za-z ]{0,32})!\r?\n/.exec(this.input);
      if (!match) return;
      this.input = this.input.slice(match.index + match[0].length);
      const address = match[1] ?? '';
      this.requests.push(match[0]);
      if (this.profile.silent || (address !== '' && address !== this.profile.address)) return;
      void this.identify().catch(() => this.stop());
    } else if (this.state === 'awaitAck') {
      const match = OPTION_SELECT.exec(this.input);
      if (!match) return;
      this.input = '';
      if (this.profile.deafBeforeReaction && performance.now() - this.identifiedAt < this.listensAfterMs) {
        // Not listening yet (§6.3.14 item 12): the early option select is lost, the meter keeps waiting.
        this.earlyAcks++;
        return;
      }
      clearTimeout(this.ackTimer);
      this.requests.push(match[0]);
      if (this.missed < (this.options.missOptionSelects ?? 0)) {
        this.missed++;
        this.state = 'idle';
        return;
      }
      void this.optionSelected(match[2] ?? '0', match[3] ?? '0').catch(() => this.stop());
    }
  }

  private async identify(): Promise<void> {
    this.state = 'busy';
    const id = parseIdentification(`/${this.profile.identification}`);
    await sleep(this.reactionMs);
    const prefix = this.profile.noisy ? JUNK : new Uint8Array(0);
    // Taken before the write: the app cannot have the line sooner, so its own wait is never over-counted.
    this.identifiedAt = performance.now();
    await this.send(concatBytes(prefix, asciiBytes(`/${this.profile.identification}\r\n`)), INITIAL_BAUD);
    if (!id || id.mode === 'A') return this.readout(INITIAL_BAUD);
    if (id.mode === 'B') {
      // §6.4.3: mode B switches right after the identification, no acknowledgement.
      await sleep(this.reactionMs);
      return this.readout(modeBBaud[id.baudChar] ?? INITIAL_BAUD);
    }
    this.state = 'awaitAck';
    this.input = '';
    this.ackTimer = setTimeout(() => (this.state = 'idle'), this.options.ackTimeoutMs ?? 3000);
  }

  private async optionSelected(baudChar: string, y: string): Promise<void> {
    this.state = 'busy';
    const offered = modeCBaud[parseIdentification(`/${this.profile.identification}`)?.baudChar ?? '0'] ?? INITIAL_BAUD;
    const asked = modeCBaud[baudChar];
    await sleep(this.reactionMs);
    if (y === '1' && this.profile.programming && asked !== undefined && asked <= offered) return this.startProgramming(asked);
    if (y === '0' && asked !== undefined && this.profile.keepsBaud !== undefined && asked > this.profile.keepsBaud && asked <= offered) {
      // Announced but not kept: after the switch nothing readable comes (here: nothing at all), and back to idle.
      this.state = 'idle';
      return;
    }
    if (y !== '0' || asked === undefined || asked > offered) {
      // Programming mode without a programming profile, or a rate above the offer: refused (§6.4.2).
      await this.send(Uint8Array.of(NAK), INITIAL_BAUD);
      this.state = 'idle';
      return;
    }
    return this.readout(asked);
  }

  /** §6.3.3 with Y = '1': switch, send the P0 operand, then answer commands until B0 or silence. */
  private async startProgramming(baud: number): Promise<void> {
    const behaviour = this.profile.programming;
    const model = behaviour ? findMeterModel(behaviour.model) : undefined;
    if (!behaviour || !model) throw new Error(`profile ${this.profile.name}: unknown programming model`);
    if (baud !== INITIAL_BAUD) await this.link.setBaudRate(baud);
    const end = () => void this.endProgramming(baud).catch(() => this.stop());
    this.programming = new ProgrammingMeter(
      behaviour,
      model,
      this.profile.lines,
      (bytes) => this.send(bytes, baud),
      end,
      this.reactionMs,
      this.passwordLock,
    );
    this.state = 'programming';
    this.armProgrammingTimeout();
    await this.send(this.programming.operandMessage(), baud);
  }

  /** A meter leaves programming mode after a minute or so without a command (vendor-set). */
  private armProgrammingTimeout(): void {
    clearTimeout(this.programmingTimer);
    this.programmingTimer = setTimeout(
      () => void this.endProgramming(0).catch(() => undefined),
      this.options.ackTimeoutMs ? this.options.ackTimeoutMs * 20 : 60_000,
    );
  }

  private async endProgramming(baud: number): Promise<void> {
    if (this.state !== 'programming') return;
    clearTimeout(this.programmingTimer);
    this.state = 'busy';
    if (baud !== INITIAL_BAUD) {
      await sleep(SWITCH_BACK_MS);
      await this.link.setBaudRate(INITIAL_BAUD);
    }
    this.input = '';
    this.state = 'idle';
  }

  private async readout(baud: number): Promise<void> {
    this.state = 'busy';
    try {
      if (baud !== INITIAL_BAUD) await this.link.setBaudRate(baud);
      const text = `${this.profile.lines.join('\r\n')}\r\n!\r\n`;
      const body = concatBytes(asciiBytes(text), Uint8Array.of(ETX));
      let check = bcc(body);
      if (this.profile.badBccOnce && this.readouts === 0) check ^= 0x01;
      this.readouts++;
      const prefix = this.profile.noisy ? JUNK : new Uint8Array(0);
      await this.send(concatBytes(prefix, Uint8Array.of(STX), body, Uint8Array.of(check)), baud);
      // serialport's update() flushes both queues (tcflush TCIOFLUSH): give the last bytes time
      // to leave before dropping back to 300 baud, as a meter does after its readout.
      if (baud !== INITIAL_BAUD) {
        await sleep(SWITCH_BACK_MS);
        await this.link.setBaudRate(INITIAL_BAUD);
      }
    } finally {
      this.state = 'idle';
    }
  }

  /** DSMR P1 (DSMR 5.0.2 §6.2): `/ident CR LF`, lines, `!` and CRC-16/ARC over all of it, in hex. */
  p1Telegram(): Uint8Array {
    const text = `/${this.profile.identification}\r\n${this.profile.lines.join('\r\n')}\r\n!`;
    const crc = crc16Arc(asciiBytes(text)).toString(16).toUpperCase().padStart(4, '0');
    return asciiBytes(`${text}${crc}\r\n`);
  }

  private async send(bytes: Uint8Array, baud: number): Promise<void> {
    if (this.stopped) return;
    if (!(this.options.pace || this.profile.alwaysPaced)) return this.link.write(bytes);
    // Pace: chunk k leaves when its last byte would have finished at `baud` (10 bits a character).
    const chunk = Math.max(1, Math.floor(baud / 1000));
    const start = performance.now();
    for (let at = 0; at < bytes.length && !this.stopped; at += chunk) {
      const end = Math.min(at + chunk, bytes.length);
      const due = start + (end * 10 * 1000) / baud;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      await this.link.write(bytes.subarray(at, end));
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
