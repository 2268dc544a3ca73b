/**
 * A meter's HAN/P1 customer port in push mode: every call to `next()` gives the bytes of one
 * push, its invocation counter one higher than the last. The list is the Aidon one of the
 * Norwegian HAN (NVE "AMS HAN-grensesnitt", Aidon "RJ45 HAN interface" list 2: each object a
 * structure {OBIS, value, {scaler, unit}}), ciphered with general-glo-ciphering as Kamstrup
 * Omnipower (Denmark) and Luxembourg Smarty do: security control 30h with the authentication
 * key (tag of 12 bytes), or 20h encryption only, as Austrian meters send it, when there is none.
 * Framed in an HDLC UI frame (client 0x41, server 0x0883, control 13h as Aidon's published
 * frames in github.com/roarfred/AmsToMqttBridge Samples/Aidon) or in wired M-Bus long frames
 * (./mbusTransport, as TINETZ's example). Pure: the clock and the cipher are given.
 */
import { concat } from '../bytes';
import { encipherApdu, type AesGcm } from '../ciphering';
import { i8, enumValue, octets, structure, u16, u32, array, type DlmsValue } from '../dataTypes';
import { encodeDateTime } from '../dateTime';
import { encodeFrame, LLC_RESPONSE } from '../hdlc';
import { mbusDlmsFrames } from '../mbusTransport';
import { obisToBytes } from '../obis';
import { encodeApdu } from '../xdlms';

export type HanFraming = 'hdlc' | 'mbus';

export interface HanPushMeterOptions {
  readonly gcm: AesGcm;
  readonly encryptionKey: Uint8Array;
  /** Null: encryption only (security control 20h, no tag). */
  readonly authenticationKey: Uint8Array | null;
  readonly systemTitle: Uint8Array;
  readonly serial: string;
  readonly framing: HanFraming;
  readonly now: () => number;
  /** The counter of the first push. */
  readonly firstCounter?: number;
  /** Send without ciphering (most Norwegian HAN meters). */
  readonly plain?: boolean;
  /** Where the energy register stands at the start (training routes set it to the stop's usual value). */
  readonly energyWh?: number;
}

/** COSEM unit codes (Blue Book Table 4): W 27, Wh 30, V 35. */
const UNIT = { W: 27, Wh: 30, V: 35 } as const;
const START_ENERGY_WH = 12_345_670;
/** The simulated household draws 1.2 kW. */
const POWER_W = 1200;

const ln = (obis: string) => octets(obisToBytes(obis) ?? new Uint8Array(6));
const text = (s: string): DlmsValue => ({ type: 'visible-string', text: s });
const entry = (obis: string, value: DlmsValue, scaler: number, unit: number) =>
  structure(ln(obis), value, structure(i8(scaler), enumValue(unit)));

export class HanPushMeter {
  private counter: number;
  private readonly startedAt: number;

  constructor(private readonly options: HanPushMeterOptions) {
    this.counter = options.firstCounter ?? 1;
    this.startedAt = options.now();
  }

  /** The plain data-notification of the meter's list at `at`, energy counting on at the simulated power. */
  notification(at: number, counter: number): Uint8Array {
    const energyWh = (this.options.energyWh ?? START_ENERGY_WH) + Math.floor(((at - this.startedAt) / 3_600_000) * POWER_W);
    const body = array([
      structure(ln('0-0:96.1.0.255'), text(this.options.serial)),
      entry('1-0:1.7.0.255', u32(POWER_W), 0, UNIT.W),
      entry('1-0:32.7.0.255', u16(2318), -1, UNIT.V),
      // Aidon sends energy in units of 10 Wh (scaler 1); the value carries its scaler, never a guess.
      entry('1-0:1.8.0.255', u32(Math.floor(energyWh / 10)), 1, UNIT.Wh),
      entry('1-0:2.8.0.255', u32(0), 1, UNIT.Wh),
    ]);
    return encodeApdu({ kind: 'data-notification', invokeId: counter, dateTime: encodeDateTime(at, 0), body });
  }

  /** The bytes of the next push, framed for the port. */
  next(): Uint8Array {
    const counter = this.counter++;
    const plain = this.notification(this.options.now(), counter);
    const apdu = this.options.plain
      ? plain
      : encipherApdu(plain, {
          gcm: this.options.gcm,
          encryptionKey: this.options.encryptionKey,
          authenticationKey: this.options.authenticationKey ?? new Uint8Array(0),
          systemTitle: this.options.systemTitle,
          invocationCounter: counter,
          securityControl: this.options.authenticationKey ? 0x30 : 0x20,
          general: true,
        });
    if (this.options.framing === 'mbus') return concat(...mbusDlmsFrames(apdu));
    return encodeFrame({
      destination: { upper: 0x20, lower: null, size: 1 },
      source: { upper: 0x04, lower: 0x41, size: 2 },
      control: { kind: 'UI', poll: true },
      info: concat(LLC_RESPONSE, apdu),
    });
  }

  /** The counter the next push will carry. */
  get nextCounter(): number {
    return this.counter;
  }
}
