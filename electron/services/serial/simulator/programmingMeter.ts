/**
 * The meter's side of programming mode (IEC 62056-21:2002 §6.3.7–6.3.12) for the simulator: P0
 * operand, password check (P1 clear or P2 derived, per model), R1 reads, W1 writes of the clock,
 * E2/W1 demand reset, B0. The clock drifts from the host's; the demand register really resets.
 */
import {
  meterClockEpoch,
  meterClockFields,
  commandMessage,
  dataBlock,
  derivePassword,
  formatDate,
  formatTime,
  NAK,
  ACK,
  parseDataText,
  parseDate,
  parseTime,
  ProgrammingAnswerReader,
  type DataValue,
  type MeterModel,
} from '../../../../shared/iec62056';

export interface ProgrammingBehaviour {
  /** A model name from shared/iec62056/meterModels: registers, password kind, demand reset. */
  readonly model: string;
  readonly password: string;
  /** P0 operand (the seed a P2 password is derived from). */
  readonly operand: string;
  /** How the meter answers a wrong password: an error message, a break (B0), or NAK. */
  readonly wrongPassword: 'error' | 'break' | 'nak';
  /** Acknowledges the demand-reset command but resets nothing (a meter that must fail the verification). */
  readonly ignoresDemandReset?: boolean;
  /** Locks its programming port after this many wrong passwords (counted across sessions): even the right one is refused then. */
  readonly locksAfterWrongPasswords?: number;
  /** Meter clock minus host clock at start, in seconds. */
  readonly clockOffsetS: number;
  /** Clock rate error, parts per million (a quartz without temperature compensation: ±20–100). */
  readonly driftPpm?: number;
}

const pad = (text: string, to: string) => text.padStart(to.length, '0');

/** Wrong passwords the meter has counted; kept by the meter across programming sessions. */
export interface PasswordLock {
  wrong: number;
}

export class ProgrammingMeter {
  private readonly reader = new ProgrammingAnswerReader();
  private loggedIn = false;
  private offsetMs: number;
  private since = Date.now();
  private readonly registers = new Map<string, DataValue[]>();
  /** The meter shows its model's time basis in the host's zone. */
  private readonly zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private readonly send: (bytes: Uint8Array) => Promise<void>;
  /** Commands received, for tests: `P1`, `R1 0.9.1`, `W1 0.9.1(123456)`, `B0`. */
  readonly commands: string[] = [];

  constructor(
    private readonly behaviour: ProgrammingBehaviour,
    private readonly model: MeterModel,
    lines: readonly string[],
    send: (bytes: Uint8Array) => Promise<void>,
    private readonly end: () => void,
    /** Reaction time before each answer (§6.3.14: 20 or 200 ms). */
    reactionMs = 0,
    private readonly lock: PasswordLock = { wrong: 0 },
  ) {
    this.send = async (bytes) => {
      if (reactionMs > 0) await new Promise((resolve) => setTimeout(resolve, reactionMs));
      return send(bytes);
    };
    this.offsetMs = behaviour.clockOffsetS * 1000;
    for (const set of parseDataText(lines.join('\r\n')).dataSets)
      this.registers.set(
        set.obis,
        set.values.map((v) => ({ ...v })),
      );
  }

  /** The P0 operand message that opens programming mode (§6.3.7). */
  operandMessage(): Uint8Array {
    return commandMessage('P0', `(${this.behaviour.operand})`);
  }

  /** The meter clock now, epoch ms (host clock + offset + drift since the last set). */
  meterNow(): number {
    const host = Date.now();
    return host + this.offsetMs + ((host - this.since) * (this.behaviour.driftPpm ?? 0)) / 1e6;
  }

  receive(bytes: Uint8Array): void {
    for (const message of this.reader.feed(bytes)) {
      if (message.kind !== 'command') continue;
      void this.handle(message.id, message.data, message.bccOk).catch(() => this.end());
    }
  }

  private reply(text: string): Promise<void> {
    return this.send(dataBlock(text));
  }

  private async handle(id: string, data: string, bccOk: boolean): Promise<void> {
    this.commands.push(id === 'P1' || id === 'P2' ? id : `${id} ${data}`.trim());
    if (!bccOk) return this.send(Uint8Array.of(NAK)); // repeat request (§6.3.6)
    if (id === 'B0') return this.end();
    if (id === 'P1' || id === 'P2') return this.login(id, data);
    if (!this.loggedIn) return this.reply('(ER02)'); // no command before the password
    const m = /^([^(]+)\(([^)]*)\)$/.exec(data);
    if (!m) return this.reply('(ER01)');
    const [, address = '', value = ''] = m;
    if (id === 'R1') return this.read(address);
    const reset = this.model.demandReset;
    if (reset && reset.command === id && reset.address === address && reset.data === value) return this.resetDemand();
    if (id === 'W1') return this.write(address, value);
    return this.reply('(ER05)');
  }

  private async login(id: string, data: string): Promise<void> {
    const expected =
      this.model.password === 'P2' ? derivePassword(this.behaviour.password, this.behaviour.operand) : this.behaviour.password;
    const limit = this.behaviour.locksAfterWrongPasswords;
    const locked = limit !== undefined && this.lock.wrong >= limit;
    if (!locked && id === this.model.password && data === `(${expected})`) {
      this.loggedIn = true;
      return this.send(Uint8Array.of(ACK));
    }
    if (!locked) this.lock.wrong++;
    if (this.behaviour.wrongPassword === 'nak') return this.send(Uint8Array.of(NAK));
    if (this.behaviour.wrongPassword === 'error') return this.reply('(ER10)');
    await this.send(commandMessage('B0'));
    this.end();
  }

  private read(address: string): Promise<void> {
    const { date, time } = this.model.clock;
    const now = meterClockFields(this.meterNow(), this.model.clock.timeBasis, this.zone);
    if (address === date.address) return this.reply(`${address}(${formatDate(now, date.format)})`);
    if (address === time.address) return this.reply(`${address}(${formatTime(now, time.format)})`);
    const values = this.registers.get(address);
    if (!values) return this.reply('(ER03)'); // no such register
    return this.reply(`${address}${values.map((v) => `(${v.value}${v.unit ? `*${v.unit}` : ''})`).join('')}`);
  }

  private write(address: string, value: string): Promise<void> {
    const { date, time } = this.model.clock;
    const current = meterClockFields(this.meterNow(), this.model.clock.timeBasis, this.zone);
    let target: number | null = null;
    if (address === date.address) {
      const d = parseDate(value, date.format);
      if (d)
        target = meterClockEpoch({ ...current, ...d }, this.model.clock.timeBasis, this.zone, this.meterNow()) + (this.meterNow() % 1000);
    } else if (address === time.address) {
      const t = parseTime(value, time.format);
      if (t) target = meterClockEpoch({ ...current, ...t }, this.model.clock.timeBasis, this.zone, this.meterNow()); // the written second starts now
    } else return this.reply('(ER04)'); // read-only or unknown register
    if (target === null) return this.reply('(ER06)'); // value in the wrong format
    this.since = Date.now();
    this.offsetMs = target - this.since;
    return this.send(Uint8Array.of(ACK));
  }

  /** Maximum demand to zero (same width), its timestamp to now, the reset counter up by one. */
  private resetDemand(): Promise<void> {
    const reset = this.model.demandReset;
    if (!reset) return this.reply('(ER05)');
    if (this.behaviour.ignoresDemandReset) return this.send(Uint8Array.of(ACK));
    const demand = this.registers.get(reset.demandRegister);
    const now = meterClockFields(this.meterNow(), this.model.clock.timeBasis, this.zone);
    if (demand?.[0]) demand[0] = { value: demand[0].value.replace(/\d/g, '0'), unit: demand[0].unit };
    if (demand?.[1]) demand[1] = { value: `${formatDate(now, 'YYMMDD')}${formatTime(now, 'hhmmss').slice(0, 4)}`, unit: null };
    const counter = reset.resetCounter ? this.registers.get(reset.resetCounter) : undefined;
    if (counter?.[0]) counter[0] = { value: pad(String(Number(counter[0].value) + 1), counter[0].value), unit: counter[0].unit };
    return this.send(Uint8Array.of(ACK));
  }
}
