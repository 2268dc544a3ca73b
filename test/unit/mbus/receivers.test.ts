/**
 * Receiver framings: iM871A WMBUS-HCI and AMB8465 command mode. Check values: CRC-16/X-25 of
 * "123456789" is 0x906E (reveng CRC catalogue); the AMB8465 checksums FF 0A 02 00 80 → 77 and
 * FF 11 00 → EE are the ones wmbusmeters asserts (src/wmbus_amb8465.cc, CMD_GET_REQ and
 * CMD_FACTORYRESET_REQ).
 */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import {
  AmberStream,
  amberRssiDbm,
  amberSetMode,
  amberTelegram,
  crc16X25,
  decodeTelegram,
  encodeAmberFrame,
  hexBytes,
  ImstStream,
  imstLinkModes,
  imstSetLinkMode,
  imstTelegram,
  linkFrame,
  radioRouteIndex,
  simulateWalk,
  toHex,
  wrapForReceiver,
  xorChecksum,
} from '../../../shared/mbus';
import { published } from './published';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const chunks = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

describe('iM871A (WMBUS-HCI)', () => {
  it('uses CRC-16/X-25 for its FCS', () => {
    expect(crc16X25(ascii('123456789'))).toBe(0x906e);
  });

  it('frames a received telegram and reads it back from any chunking, after line noise', () => {
    const telegram = linkFrame(hexBytes(published.omsMode5.hex)).bytes;
    const wire = wrapForReceiver('im871a', telegram, 0x5a);
    expect(wire[0]).toBe(0xa5);
    expect(wire[1]).toBe(0xc2); // FCS and RSSI attached, endpoint RADIOLINK
    const stream = new ImstStream();
    const frames = [Uint8Array.of(0x00, 0x13), ...chunks(wire, 7)].flatMap((c) => stream.feed(c).frames);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.rssi).toBe(0x5a);
    const heard = frames[0] ? imstTelegram(frames[0]) : null;
    expect(heard && toHex(heard)).toBe(toHex(telegram));
    expect(heard && decodeTelegram(heard, { key: hexBytes(published.omsMode5.key), aes: nodeAes }).ok).toBe(true);
  });

  it('drops a frame whose FCS fails and keeps the next one', () => {
    const telegram = linkFrame(hexBytes(published.omsFormatB.hex)).bytes;
    const good = wrapForReceiver('im871a', telegram, 0x40);
    const bad = good.slice();
    bad[6] = (bad[6] ?? 0) ^ 0x01;
    const result = new ImstStream().feed(Uint8Array.from([...bad, ...good]));
    expect(result.damaged).toBe(1);
    expect(result.frames).toHaveLength(1);
  });

  it('builds the set-link-mode request for T1', () => {
    const request = imstSetLinkMode(imstLinkModes.T1);
    expect(toHex(request.subarray(0, 10))).toBe('A5810306000300030800');
    expect(new ImstStream().feed(request).frames[0]).toMatchObject({ endpoint: 1, messageId: 3 });
  });
});

describe('AMB8465 (command mode)', () => {
  it('computes the XOR checksum as wmbusmeters asserts it', () => {
    expect(xorChecksum(hexBytes('FF0A020080'))).toBe(0x77);
    expect(toHex(encodeAmberFrame({ command: 0x11, payload: new Uint8Array(0) }))).toBe('FF1100EE');
    expect(toHex(amberSetMode(0x08))).toBe('FF040108F2');
  });

  it('reads a received telegram with its RSSI, and drops a frame with a bad checksum', () => {
    const telegram = linkFrame(hexBytes(published.omsMode5.hex)).bytes;
    const wire = wrapForReceiver('amber', telegram, 0xf0);
    const bad = wire.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    const stream = new AmberStream();
    const first = stream.feed(bad);
    const second = [...chunks(wire, 5)].flatMap((c) => stream.feed(c).frames);
    expect(first.damaged).toBe(1);
    expect(second).toHaveLength(1);
    const heard = second[0] ? amberTelegram(second[0], true) : null;
    expect(heard?.rssiDbm).toBe(amberRssiDbm(0xf0));
    expect(amberRssiDbm(0xf0)).toBe(-82);
    expect(heard && toHex(heard.telegram)).toBe(toHex(telegram));
  });
});

describe('receiver simulator core', () => {
  const meters = Array.from({ length: 20 }, (_, i) => ({
    manufacturer: 'KAM',
    id: String(30_000_000 + i),
    version: 0x1b,
    deviceType: 0x16,
    volume: `${100 + i}.${String(i * 7).padStart(3, '0')}`,
    key: hexBytes(`${'00'.repeat(15)}${(i + 1).toString(16).padStart(2, '0')}`),
  }));
  const keys = radioRouteIndex(meters);

  it('sends every route meter, encrypted with its key, some telegrams lost, the same walk for the same seed', () => {
    const options = { receiver: 'amber' as const, seed: 7, durationMs: 120_000, intervalMs: 16_000, lossRate: 0.2, aes: nodeAes };
    const walk = simulateWalk(meters, options);
    expect(walk.map((t) => t.atMs)).toEqual(simulateWalk(meters, options).map((t) => t.atMs));
    expect(walk.every((t, i) => i === 0 || (walk[i - 1]?.atMs ?? 0) <= t.atMs)).toBe(true);
    const expected = meters.length * (120_000 / 16_000);
    expect(walk.length).toBeGreaterThan(expected * 0.5);
    expect(walk.length).toBeLessThan(expected);

    const stream = new AmberStream();
    const heard = new Map<string, string | null>();
    for (const t of walk) {
      for (const frame of stream.feed(t.bytes).frames) {
        const telegram = amberTelegram(frame, true)?.telegram;
        const r = telegram ? decodeTelegram(telegram, { aes: nodeAes, keyFor: (h) => keys.match(h.manufacturer, h.id)?.key }) : null;
        if (r?.ok) heard.set(r.telegram.id ?? '', r.telegram.records[0]?.value ?? null);
      }
    }
    expect(heard.size).toBe(meters.length);
    expect(heard.get('30000003')).toBe('103.021');
  });
});
