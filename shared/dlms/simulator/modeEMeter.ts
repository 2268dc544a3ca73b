/**
 * The meter's side of the mode E opening (IEC 62056-21:2002 §6.4.5, Annex E) in front of the
 * pure HDLC meter (./meterSimulator): it answers `/?!` (or `/?address!`) with an identification
 * carrying `\2`, takes `ACK 2 Z 2 CR LF`, and from then on hands every byte to the HDLC meter.
 * An `ACK 0 Z 0` (a mode C reader) is not answered with a readout: this meter speaks HDLC only.
 * A DISC ends the HDLC session and the meter listens for a sign-on again (Annex E.2).
 * With `direct` the meter sits on a serial/RS-485 line that runs HDLC at a fixed rate (IEC 62056-46,
 * the Green Book's three-layer HDLC profile): no sign-on, it answers the SNRM at once, and a DISC
 * or the inactivity time-out leaves it listening for the next SNRM.
 */
import { modeCBaud } from '../../iec62056/identification';
import { withEvenParity } from '../modeE';
import { DlmsMeterSimulator, type MeterSimulatorOptions } from './meterSimulator';

export interface ModeEMeterOptions extends MeterSimulatorOptions {
  /** The identification after `/` (manufacturer, baud character, `\2`, type): 'LGZ5\\2ZMF100AC'. */
  readonly identification?: string;
  /** A direct HDLC line: no IEC 62056-21 opening, no rate switch. */
  readonly direct?: boolean;
}

export type ModeEMeterOutput = { kind: 'send'; bytes: Uint8Array } | { kind: 'switch'; baud: number };

const ACK = 0x06;
const LF = 0x0a;

export class ModeEMeter {
  readonly hdlc: DlmsMeterSimulator;
  readonly identification: string;
  private state: 'idle' | 'awaitAck' | 'hdlc';
  private readonly direct: boolean;
  private line = '';
  /** Sign-ons answered, for tests. */
  signOns = 0;

  constructor(options: ModeEMeterOptions) {
    this.hdlc = new DlmsMeterSimulator(options);
    this.identification = options.identification ?? 'LGZ5\\2ZMF100AC';
    this.direct = options.direct ?? false;
    this.state = this.direct ? 'hdlc' : 'idle';
  }

  get phase(): 'idle' | 'awaitAck' | 'hdlc' {
    return this.state;
  }

  /**
   * The line was quiet for the inactivity time-out (IEC 62056-46 §6.4.4.9.3 / IEC 62056-21 Annex E:
   * the meter leaves HDLC and waits at 300 baud for a sign-on). The driver owns the time.
   */
  inactive(): ModeEMeterOutput[] {
    const was = this.state;
    this.hdlc.dropLink();
    if (this.direct) return [];
    this.state = 'idle';
    this.line = '';
    return was === 'hdlc' ? [{ kind: 'switch', baud: 300 }] : [];
  }

  receive(bytes: Uint8Array): ModeEMeterOutput[] {
    if (this.state === 'hdlc') {
      const out: ModeEMeterOutput[] = this.hdlc.receive(bytes).map((frame) => ({ kind: 'send', bytes: frame }));
      // After the UA to a DISC the meter is back at 300 baud, waiting for a sign-on (Annex E.2).
      if (out.length && !this.hdlc.linked && !this.direct) {
        this.state = 'idle';
        out.push({ kind: 'switch', baud: 300 });
      }
      return out;
    }
    const out: ModeEMeterOutput[] = [];
    for (const raw of bytes) {
      const b = raw & 0x7f;
      if (b !== LF) {
        if (this.line.length < 128) this.line += String.fromCharCode(b);
        continue;
      }
      const line = this.line.replace(/\r$/, '');
      this.line = '';
      if (/^\/\?[0-9A-Za-z ]{0,32}!$/.test(line)) {
        this.signOns++;
        this.state = 'awaitAck';
        out.push({ kind: 'send', bytes: withEvenParity(new TextEncoder().encode(`/${this.identification}\r\n`)) });
        continue;
      }
      const ack = line.indexOf(String.fromCharCode(ACK));
      const option = ack >= 0 ? line.slice(ack + 1) : '';
      if (this.state === 'awaitAck' && option.length === 3 && option[0] === '2' && option[2] === '2') {
        const baud = modeCBaud[option[1] ?? ''];
        if (baud === undefined || baud > this.maxBaud) {
          this.state = 'idle';
          continue;
        }
        this.state = 'hdlc';
        out.push({ kind: 'switch', baud });
        return out; // the rest of this chunk was sent at the old rate: noise
      }
    }
    return out;
  }

  private get maxBaud(): number {
    return modeCBaud[this.identification.charAt(3)] ?? 300;
  }
}
