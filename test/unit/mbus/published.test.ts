/** Decoding the published telegrams (test/unit/mbus/published.ts names the source of each) against their published values. */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { decodeTelegram, hexBytes, linkFrame, type DecodeResult, type Telegram } from '../../../shared/mbus';
import { published } from './published';

function decoded(sample: { hex: string; key?: string }, lastAccessNumber?: number): DecodeResult {
  return decodeTelegram(hexBytes(sample.hex), { key: sample.key ? hexBytes(sample.key) : undefined, aes: nodeAes, lastAccessNumber });
}

function telegram(sample: { hex: string; key?: string }): Telegram {
  const result = decoded(sample);
  if (!result.ok) throw new Error(`expected a telegram, got ${result.reason}`);
  return result.telegram;
}

const record = (value: string | null, unit: string | null, quantity: string, more: Partial<Record<string, unknown>> = {}) => ({
  value,
  unit,
  quantity,
  storage: 0,
  tariff: 0,
  subunit: 0,
  function: 'instantaneous',
  date: null,
  ...more,
});

// Annex N's gas meter: 28504.27 m³ at 2008-05-31 23:50, no error flags, in all three security setups.
const gasMeterRecords = [
  record('28504.27', 'm3', 'volume'),
  record(null, null, 'timePoint', { date: '2008-05-31T23:50' }),
  record('0', null, 'errorFlags'),
];

describe('OMS Vol.2 Annex N examples', () => {
  it('decrypts mode 5 (frame format A with CRCs) to the published values', () => {
    const t = telegram(published.omsMode5);
    expect(t).toMatchObject({
      medium: 'wmbus',
      manufacturer: 'ELS',
      id: '12345678',
      version: 0x33,
      deviceType: 'gas',
      accessNumber: 0x2a,
      encryption: 'mode5',
      decrypted: true,
      frameFormat: 'A',
    });
    expect(t.records).toEqual(gasMeterRecords);
  });

  it('derives the mode 7 message key with CMAC from the AFL counter and decrypts to the same values', () => {
    const t = telegram(published.omsMode7);
    expect(t).toMatchObject({ manufacturer: 'ELS', id: '12345678', accessNumber: 0x75, encryption: 'mode7', decrypted: true });
    expect(t.records).toEqual(gasMeterRecords);
  });

  it('checks the AFL MAC of mode 7: a changed status byte (not encrypted) is refused, not decoded', () => {
    const frame = linkFrame(hexBytes(published.omsMode7.hex)).bytes.slice(); // without CRCs, so only the MAC can notice
    const tpl = frame.indexOf(0x7a, 13);
    expect(frame[tpl + 2]).toBe(0x00); // status
    const key = hexBytes(published.omsMode7.key);
    expect(decodeTelegram(frame, { key, aes: nodeAes }).ok).toBe(true);
    frame[tpl + 2] = 0x04; // "power low", as someone might forge it
    expect(decodeTelegram(frame, { key, aes: nodeAes })).toMatchObject({ ok: false, reason: 'mbus.decrypt' });
  });

  it('names the meter from the long header when a radio adapter sends for it', () => {
    const t = telegram(published.omsAdapterMode7);
    expect(t).toMatchObject({ manufacturer: 'ELS', id: '12345678', deviceType: 'gas', encryption: 'mode7' });
    expect(t.records).toEqual(gasMeterRecords);
  });

  it('reads the unencrypted rest after the encrypted blocks (mode 5, N = 1)', () => {
    const t = telegram(published.omsPartial);
    expect(t).toMatchObject({ manufacturer: 'QDS', id: '55667788', deviceType: 'heatCostAllocator', status: 0x04 });
    expect(t.records).toEqual([
      record('1234', null, 'hcaUnits'),
      record(null, null, 'timePoint', { storage: 1, date: '2007-04-30' }),
      record('23456', null, 'hcaUnits', { storage: 1 }),
      record('12345678', null, 'customerLocation'),
    ]);
  });

  it('reads frame format B with its CRC and without it', () => {
    for (const sample of [published.omsFormatB, published.omsFormatBStripped]) {
      const t = telegram(sample);
      expect(t).toMatchObject({ manufacturer: 'CEN', id: '12345678', deviceType: 'water', encryption: 'none', decrypted: false });
      expect(t.records).toEqual([record('876.543', 'm3', 'volume')]);
    }
    expect(telegram(published.omsFormatB).frameFormat).toBe('B');
  });

  it('says "cannot decrypt" with a wrong key and names the meter, but gives no values', () => {
    const wrongKey = { ...published.omsMode5, key: '0102030405060708090A0B0C0D0E0F12' };
    expect(decoded(wrongKey)).toEqual({
      ok: false,
      reason: 'mbus.decrypt',
      header: expect.objectContaining({ manufacturer: 'ELS', id: '12345678', encryption: 'mode5' }),
    });
    expect(decoded({ ...published.omsMode7, key: '00000000000000000000000000000000' })).toMatchObject({
      ok: false,
      reason: 'mbus.decrypt',
    });
  });

  it('asks for a key when none is given', () => {
    expect(decoded({ hex: published.omsMode5.hex })).toMatchObject({ ok: false, reason: 'mbus.noKey', header: { id: '12345678' } });
  });

  it('refuses the access number last seen from the meter as a replay', () => {
    expect(decoded(published.omsMode5, 0x2a)).toMatchObject({ ok: false, reason: 'mbus.replay' });
    expect(decoded(published.omsMode5, 0x29).ok).toBe(true);
  });
});

describe('jmbus test telegrams', () => {
  it('reads a negative return temperature and the heat meter status', () => {
    const t = telegram(published.jmbusNegativeTemperature);
    expect(t).toMatchObject({ manufacturer: 'LUG', id: '67991306', version: 7, deviceType: 'heat', accessNumber: 130, status: 0x10 });
    expect(t.records).toEqual([
      record('0', 'kWh', 'energy'),
      record('0.00', 'm3', 'volume'),
      record('14122', 'h', 'onTime'),
      record('24.1', '°C', 'flowTemperature'),
      record('-4.0', '°C', 'returnTemperature'),
    ]);
  });

  it('decrypts a Zenner long-header telegram (mode 5) with storage numbers and tariffs', () => {
    const t = telegram(published.jmbusZennerMode5);
    expect(t).toMatchObject({ manufacturer: 'ZRI', id: '49705932', deviceType: 'water', accessNumber: 53 });
    expect(t.records.map((r) => [r.quantity, r.value ?? r.date, r.storage])).toEqual([
      ['volume', '0.494', 0],
      ['timePoint', '2018-10-23', 0],
      ['volume', '0.274', 1],
      ['volume', '0.325', 2],
      ['errorFlags', '1024', 0],
    ]);
  });

  it('decrypts a Kamstrup telegram encrypted in the extended link layer (AES-CTR, payload CRC)', () => {
    const t = telegram(published.jmbusKamstrupEll);
    expect(t).toMatchObject({
      manufacturer: 'KAM',
      id: '63452869',
      version: 27,
      deviceType: 'coldWater',
      encryption: 'ell',
      decrypted: true,
      accessNumber: 0x50,
    });
    expect(t.records).toEqual([
      record('0000', null, 'manufacturerSpecific', { manufacturerVif: 'FF20' }), // Kamstrup info codes, VIF 0xFF 0x20
      record('474.240', 'm3', 'volume'),
      record('473.247', 'm3', 'volume', { storage: 1 }),
    ]);
    const wrong = decoded({ ...published.jmbusKamstrupEll, key: '4E5508544202058100DFEFA06B0934A6' });
    expect(wrong).toMatchObject({ ok: false, reason: 'mbus.decrypt', header: { manufacturer: 'KAM', id: '63452869', encryption: 'ell' } });
    expect(decoded({ hex: published.jmbusKamstrupEll.hex })).toMatchObject({ ok: false, reason: 'mbus.noKey' });
  });

  it('reads date-time type F, date type G, and an invalid date in an error-state record as no date', () => {
    const t = telegram(published.jmbusDemo1);
    expect(t.records.slice(0, 5).map((r) => [r.function, r.quantity, r.value ?? r.date, r.storage])).toEqual([
      ['instantaneous', 'timePoint', '2014-08-25T06:25', 0],
      ['instantaneous', 'volume', '1.234', 0],
      ['instantaneous', 'timePoint', '2013-12-31', 1],
      ['instantaneous', 'volume', '0.000', 1],
      ['error', 'timePoint', null, 0],
    ]);
  });
});

describe('libmbus test frames', () => {
  it('reads the Engelmann WaterStar long frame as libmbus normalises it', () => {
    const t = telegram(published.libmbusWaterStar);
    expect(t).toMatchObject({
      medium: 'mbus',
      manufacturer: 'EFE',
      id: '04990254',
      version: 0,
      deviceType: 'warmWater',
      accessNumber: 12,
      status: 0x27,
    });
    expect(t.records.map((r) => [r.function, r.quantity, r.value ?? r.date, r.unit, r.storage])).toEqual([
      ['instantaneous', 'fabricationNumber', '4990254', null, 0],
      ['instantaneous', 'timePoint', '2014-03-13T12:10', null, 0],
      ['instantaneous', 'volume', '0.332', 'm3', 0],
      ['instantaneous', 'volume', '0.331', 'm3', 1],
      ['instantaneous', 'volume', '0.332', 'm3', 2],
      ['instantaneous', 'timePoint', '2013-12-31', null, 1],
      ['instantaneous', 'timePoint', '2014-12-31', null, 0],
      ['instantaneous', 'volumeFlow', '0.000', 'm3/h', 0],
      ['maximum', 'volumeFlow', '2.070', 'm3/h', 0],
      ['instantaneous', 'onTime', '1191', 'd', 0], // libmbus: 102902400 s
      ['instantaneous', 'errorFlags', '0', null, 0],
      ['instantaneous', 'volume', '0.000008', 'm3', 0],
    ]);
  });
});
