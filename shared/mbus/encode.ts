/**
 * Building wM-Bus telegrams as a meter sends them: link layer, short transport header and the
 * records, in mode 5 encrypted with the meter's key (OMS Vol.2 §9.4: 2F2F first, filled with
 * 2F to whole AES blocks), with format A CRCs. For the receiver simulator, tests and benches.
 */
import { concat } from './bytes';
import { manufacturerFlag } from './identity';
import { mode5Iv, type AesCipher } from './security';
import { withFormatACrc } from './wirelessFrame';

export interface MeterTelegram {
  readonly manufacturer: string;
  /** 8 digits. */
  readonly id: string;
  readonly version: number;
  /** Device type byte (EN 13757-3 Table 12), e.g. 0x07 water. */
  readonly deviceType: number;
  readonly accessNumber: number;
  readonly status?: number;
  /** The data records, encoded (DIF, VIF, data…). */
  readonly records: Uint8Array;
  /** With a key the records are sent in mode 5. */
  readonly key?: Uint8Array;
  readonly aes?: AesCipher;
  /** C field; 0x44 SND_NR by default. */
  readonly control?: number;
  /** Configuration bits besides mode and block count (OMS Vol.2 Table 18: bidirectional, accessibility, synchronous…). */
  readonly configFlags?: number;
  /** Transport CI: 0x7A short header with full records (default), 0x7B short header with a compact frame. */
  readonly ci?: 0x7a | 0x7b;
  /** Leave the CRCs out (as most USB receivers hand telegrams over). */
  readonly withoutCrc?: boolean;
}

/** M ‖ A of the link layer: manufacturer flag, BCD id least significant byte first, version, device type. */
export function linkAddress(manufacturer: string, id: string, version: number, deviceType: number): Uint8Array {
  const flag = manufacturerFlag(manufacturer);
  const digits = id.padStart(8, '0');
  const idBytes = [6, 4, 2, 0].map((i) => parseInt(digits.slice(i, i + 2), 16));
  return Uint8Array.of(flag & 0xff, flag >> 8, ...idBytes, version, deviceType);
}

export function encodeTelegram(t: MeterTelegram): Uint8Array {
  const address = linkAddress(t.manufacturer, t.id, t.version, t.deviceType);
  let payload = t.records;
  let config = 0;
  if (t.key) {
    if (!t.aes) throw new Error('encrypting needs an AES implementation');
    const blocks = Math.ceil((t.records.length + 2) / 16);
    const plain = new Uint8Array(blocks * 16).fill(0x2f);
    plain.set(t.records, 2);
    payload = t.aes.encryptCbc(t.key, mode5Iv(address, t.accessNumber), plain);
    config = 0x0500 | (blocks << 4);
  }
  config |= (t.configFlags ?? 0) & ~0x1ff0; // mode and block count are ours to set
  const body = concat(
    Uint8Array.of(t.control ?? 0x44),
    address,
    Uint8Array.of(t.ci ?? 0x7a, t.accessNumber & 0xff, t.status ?? 0, config & 0xff, config >> 8),
    payload,
  );
  const frame = concat(Uint8Array.of(body.length), body);
  return t.withoutCrc ? frame : withFormatACrc(frame);
}
