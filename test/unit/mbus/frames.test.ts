/** Link-layer framing: the EN 13757-4 CRC, formats A and B, a lying length byte; wired frames and their checksum. */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import {
  crcEn13757,
  decodeTelegram,
  hexBytes,
  linkFrame,
  longFrame,
  manufacturerCode,
  manufacturerFlag,
  wiredFrame,
  withFormatACrc,
} from '../../../shared/mbus';
import { published } from './published';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const reasonOf = (bytes: Uint8Array) => {
  const r = decodeTelegram(bytes, { aes: nodeAes });
  return r.ok ? 'ok' : r.reason;
};

describe('EN 13757-4 CRC and frame formats', () => {
  it('has the catalogued check value (CRC-16/EN-13757, "123456789" → 0xC2B7, reveng CRC catalogue)', () => {
    expect(crcEn13757(ascii('123456789'))).toBe(0xc2b7);
  });

  it('strips format A CRCs (10-byte first block, then 16-byte blocks) and round-trips', () => {
    const raw = hexBytes(published.omsMode5.hex);
    const frame = linkFrame(raw);
    expect(frame.format).toBe('A');
    expect(frame.bytes.length).toBe(0x2e + 1);
    expect(withFormatACrc(frame.bytes)).toEqual(raw);
    expect(linkFrame(frame.bytes)).toMatchObject({ format: 'none' });
  });

  it('refuses a frame with one flipped bit in any block as a bad CRC', () => {
    const raw = hexBytes(published.omsMode5.hex);
    for (const at of [3, 15, 30, raw.length - 3]) {
      const bad = raw.slice();
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      expect(reasonOf(bad)).toBe('mbus.crc');
    }
  });

  it('catches a length byte that lies: too long is truncated, too short is a length error', () => {
    const plain = hexBytes(published.omsFormatBStripped.hex);
    const longer = plain.slice();
    longer[0] = plain.length + 5;
    expect(reasonOf(longer)).toBe('mbus.truncated');
    const shorter = plain.slice();
    shorter[0] = plain.length - 4;
    expect(reasonOf(shorter)).toBe('mbus.length');
  });

  it('reads the manufacturer letters from the flag and back (ELS = 0x1593, KAM = 0x2C2D)', () => {
    expect(manufacturerCode(0x1593)).toBe('ELS');
    expect(manufacturerCode(0x2c2d)).toBe('KAM');
    expect(manufacturerFlag('KAM')).toBe(0x2c2d);
  });
});

describe('wired M-Bus frames (EN 13757-2)', () => {
  it('reads the single character, a short frame and a long frame', () => {
    expect(wiredFrame(Uint8Array.of(0xe5))).toEqual({ kind: 'ack' });
    // SND_NKE to primary address 1: 10 40 01 41 16
    expect(wiredFrame(hexBytes('10 40 01 41 16'))).toEqual({ kind: 'short', control: 0x40, address: 1 });
    expect(wiredFrame(hexBytes(published.libmbusWaterStar.hex))).toMatchObject({ kind: 'long', control: 0x08, address: 0x0b, ci: 0x72 });
    expect(wiredFrame(longFrame(0x53, 0xfd, 0x52, hexBytes('7856341293150307')))).toMatchObject({ kind: 'long', ci: 0x52 });
  });

  it('refuses a bad checksum, differing length bytes and a length byte that lies', () => {
    const good = hexBytes(published.libmbusWaterStar.hex);
    const badSum = good.slice();
    badSum[badSum.length - 2] = (badSum[badSum.length - 2] ?? 0) ^ 0xff;
    expect(reasonOf(badSum)).toBe('mbus.crc');
    const differ = good.slice();
    differ[2] = (differ[2] ?? 0) + 1;
    expect(reasonOf(differ)).toBe('mbus.length');
    const lies = good.slice();
    lies[1] = lies[2] = (good[1] ?? 0) + 2;
    expect(reasonOf(lies)).toBe('mbus.truncated');
    expect(reasonOf(good.subarray(0, good.length - 3))).toBe('mbus.truncated');
    expect(() => wiredFrame(hexBytes('10 40 01 42 16'))).toThrow('mbus.crc');
  });
});
