/**
 * Compact frames (EN 13757-3 Annex G, CI 0x79/0x7B): read with the format of a full frame heard
 * earlier from the same meter, never guessed.
 *
 * Published example: the Kamstrup Multical 21 test telegrams of wmbusmeters
 * (src/driver_multical21.cc, meters "Vadden" 44556677 and "MyTapWater" 76348799): a full frame
 * (CI 0x78) and the compact frame (CI 0x79) the same meter sends next, with the application data
 * as published after the decrypted ELL. Here they are sent behind an unencrypted ELL (CI 0x8C) so
 * the link layer stays the meter's own. Published values: 20.015 m³, max flow 0.317 m³/h, flow
 * temperature 2 °C, external 3 °C; and 6.408 m³ now and at the start of the month.
 */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import {
  crcEn13757,
  decodeTelegram,
  encodeTelegram,
  formatBook,
  formatSignature,
  hexBytes,
  recordHeaders,
  type DecodeResult,
} from '../../../shared/mbus';

/** L C M A (KAM 44556677, version 0x1B, cold water 0x16), ELL 0x8C with CC 0x20 and the access number. */
function frame(access: string, apl: string): Uint8Array {
  const body = hexBytes(`44 2D2C 77665544 1B 16 8C 20 ${access} ${apl}`);
  return Uint8Array.of(body.length, ...body);
}

const vaddenFull = frame('46', '78 02FF20 0000 04132F4E0000 92013B3D01 A1015B02 8101E7FF0F03');
const vaddenCompact = frame('79', '79 12C4 0DFF 0000 2F4E0000 3D01 02 03');

const values = (result: DecodeResult) =>
  result.ok ? result.telegram.records.map((r) => [r.quantity, r.value, r.function]) : result.reason;

describe('compact frames', () => {
  it('has the published format signature and full-frame CRC', () => {
    const records = hexBytes('02FF20000004132F4E000092013B3D01A1015B028101E7FF0F03');
    expect(formatSignature(recordHeaders(records))).toBe(0xc412);
    expect(crcEn13757(records)).toBe(0xff0d);
    const tap = hexBytes('02FF207100041308190000441308190000615B7F616713');
    expect(formatSignature(recordHeaders(tap))).toBe(0xa8ed); // "79 EDA8 6AB6" in the published compact frame
    expect(crcEn13757(tap)).toBe(0xb66a);
  });

  it('reads a compact frame with the format of the full frame heard before, to the published values', () => {
    const formats = formatBook();
    const full = decodeTelegram(vaddenFull, { formats });
    const compact = decodeTelegram(vaddenCompact, { formats });
    expect(compact.ok).toBe(true);
    expect(values(compact)).toEqual(values(full));
    expect(values(compact)).toEqual(
      expect.arrayContaining([
        ['volume', '20.015', 'instantaneous'],
        ['volumeFlow', '0.317', 'maximum'],
      ]),
    );
  });

  it('gives a coded reason, not values, for a signature never seen from this meter', () => {
    const result = decodeTelegram(vaddenCompact, { formats: formatBook() });
    expect(result).toMatchObject({ ok: false, reason: 'mbus.unknownFormat', header: { manufacturer: 'KAM', id: '44556677' } });
  });

  it("does not lend one meter's format to another", () => {
    const formats = formatBook();
    decodeTelegram(vaddenFull, { formats });
    const other = hexBytes(`44 2D2C 99873476 1B 16 8C 20 79 79 12C4 0DFF 0000 2F4E0000 3D01 02 03`);
    expect(decodeTelegram(Uint8Array.of(other.length, ...other), { formats })).toMatchObject({ ok: false, reason: 'mbus.unknownFormat' });
  });

  it('refuses a compact frame whose values do not give the full-frame CRC sent', () => {
    const formats = formatBook();
    decodeTelegram(vaddenFull, { formats });
    const changed = frame('79', '79 12C4 0DFF 0000 2F4E0001 3D01 02 03');
    expect(decodeTelegram(changed, { formats })).toMatchObject({ ok: false, reason: 'mbus.crc' });
  });

  it('reads an encrypted compact frame (mode 5, short header 0x7B) after its full frame', () => {
    const key = hexBytes('000102030405060708090A0B0C0D0E0F');
    const records = hexBytes('0C1378563412 02FD170000');
    const meter = { manufacturer: 'ZRI', id: '12345678', version: 1, deviceType: 0x07, key, aes: nodeAes };
    const headers = recordHeaders(records);
    const signature = formatSignature(headers);
    const crc = crcEn13757(records);
    const compactRecords = Uint8Array.of(signature & 0xff, signature >> 8, crc & 0xff, crc >> 8, ...hexBytes('78563412 0000'));
    const formats = formatBook();
    const keyed = { key, aes: nodeAes, formats };
    expect(decodeTelegram(encodeTelegram({ ...meter, accessNumber: 2, ci: 0x7b, records: compactRecords }), keyed)).toMatchObject({
      ok: false,
      reason: 'mbus.unknownFormat',
    });
    expect(decodeTelegram(encodeTelegram({ ...meter, accessNumber: 3, records }), keyed).ok).toBe(true);
    const compact = decodeTelegram(encodeTelegram({ ...meter, accessNumber: 4, ci: 0x7b, records: compactRecords }), keyed);
    expect(values(compact)).toEqual([
      ['volume', '12345.678', 'instantaneous'],
      ['errorFlags', '0', 'instantaneous'],
    ]);
  });
});
