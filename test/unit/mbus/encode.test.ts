/** Building telegrams as a meter does: the OMS Annex N.2.1 telegram rebuilt byte for byte from its records and key. */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { decodeTelegram, encodeTelegram, hexBytes, toHex } from '../../../shared/mbus';
import { published } from './published';

describe('encodeTelegram', () => {
  it('rebuilds the OMS Vol.2 Annex N.2.1 telegram from its plaintext records and key', () => {
    const built = encodeTelegram({
      manufacturer: 'ELS',
      id: '12345678',
      version: 0x33,
      deviceType: 0x03,
      accessNumber: 0x2a,
      records: hexBytes('0C14 27048502 046D 32371F15 02FD17 0000'), // volume, date-time, error flags
      key: hexBytes(published.omsMode5.key),
      aes: nodeAes,
      configFlags: 0x2000,
    });
    expect(toHex(built)).toBe(published.omsMode5.hex);
  });

  it('round-trips an unencrypted telegram without CRCs, and an encrypted one refuses a wrong key', () => {
    const records = hexBytes('0413 E8030000 426C 7F2C 4413 10270000');
    const plain = encodeTelegram({
      manufacturer: 'KAM',
      id: '87654321',
      version: 0x1b,
      deviceType: 0x16,
      accessNumber: 7,
      records,
      withoutCrc: true,
    });
    const r = decodeTelegram(plain);
    expect(r.ok && r.telegram).toMatchObject({ manufacturer: 'KAM', id: '87654321', deviceType: 'coldWater', encryption: 'none' });
    expect(r.ok && r.telegram.records.map((x) => x.value ?? x.date)).toEqual(['1.000', '2019-12-31', '10.000']);

    const key = hexBytes('00112233445566778899AABBCCDDEEFF');
    const sealed = encodeTelegram({
      manufacturer: 'KAM',
      id: '87654321',
      version: 0x1b,
      deviceType: 0x16,
      accessNumber: 8,
      records,
      key,
      aes: nodeAes,
    });
    expect(decodeTelegram(sealed, { keyFor: (h) => (h.id === '87654321' ? key : undefined), aes: nodeAes }).ok).toBe(true);
    expect(decodeTelegram(sealed, { key: hexBytes('00112233445566778899AABBCCDDEEFE'), aes: nodeAes })).toMatchObject({
      ok: false,
      reason: 'mbus.decrypt',
    });
  });
});
