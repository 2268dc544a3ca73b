/** EN 13757-3 data records on hand-built telegrams: each case names the clause whose coding it exercises. */
import { describe, expect, it } from 'vitest';
import { concat, decodeTelegram, hexBytes, manufacturerFlag, type DataRecord } from '../../../shared/mbus';

/** An unencrypted wM-Bus telegram without CRCs: KAM 12345678, water, short header (CI 0x7A, config 0). */
function telegramWith(recordsHex: string): Uint8Array {
  const flag = manufacturerFlag('KAM');
  const body = concat(
    Uint8Array.of(0x44, flag & 0xff, flag >> 8, 0x78, 0x56, 0x34, 0x12, 0x01, 0x07, 0x7a, 0x01, 0x00, 0x00, 0x00),
    hexBytes(recordsHex),
  );
  return concat(Uint8Array.of(body.length), body);
}

function records(recordsHex: string): readonly DataRecord[] {
  const r = decodeTelegram(telegramWith(recordsHex));
  if (!r.ok) throw new Error(r.reason);
  return r.telegram.records;
}
const reason = (recordsHex: string) => {
  const r = decodeTelegram(telegramWith(recordsHex));
  return r.ok ? 'ok' : r.reason;
};

describe('data field codings (Table 4, Annex A)', () => {
  it('reads BCD with the exponent of the VIF, and a top nibble F as negative', () => {
    expect(records('0C13 78563412')[0]).toMatchObject({ value: '12345.678', unit: 'm3', quantity: 'volume' });
    expect(records('0A5A 34F1')[0]).toMatchObject({ value: '-13.4', unit: '°C', quantity: 'flowTemperature' });
  });

  it('gives no value for a BCD field with a digit above 9 (EN 13757-3 Annex A, invalid BCD)', () => {
    expect(records('0A13 A100')[0]?.value).toBeNull();
  });

  it('reads signed integers of 1 to 8 bytes exactly, no binary floats', () => {
    expect(records('0113 FF')[0]?.value).toBe('-0.001');
    expect(records('0713 8877665544332211')[0]?.value).toBe('1234605616436508.552'); // 0x1122334455667788 × 10⁻³
    expect(records('0603 010000000000')[0]).toMatchObject({ value: '0.001', unit: 'kWh' }); // 1 Wh
  });

  it('reads a 32-bit real as the shortest decimal that is the float (type H)', () => {
    // 21.5 °C as float32 LE 0x41AC0000, VIF 0x67 external temperature 10⁰
    expect(records('0567 0000AC41')[0]).toMatchObject({ value: '21.5', unit: '°C', quantity: 'externalTemperature' });
    expect(records('0513 CDCC8C3F')[0]?.value).toBe('0.0011'); // 1.1 × 10⁻³ m³
  });

  it('reads the dates: type G, type F and type I (Annex A), and an invalid one as no date', () => {
    // G: 31.12.2019 = 7F 2C; F: 2008-05-31 23:50 = 32 37 1F 15; I: 2021-03-04 05:06:07 = 07 06 05 A4 23 00; the last F has the summer-time bit
    const out = records('026C 7F2C 046D 32371F15 066D 070605A42300 046D 32B71F15');
    expect(out.map((r) => r.date)).toEqual(['2019-12-31', '2008-05-31T23:50', '2021-03-04T05:06:07', '2008-05-31T23:50']);
    expect(records('046D B2371F15')[0]?.date).toBeNull(); // IV bit: time invalid
  });

  it('reads LVAR text (sent last character first) and LVAR BCD', () => {
    expect(records('0DFD0C 03 434241')[0]).toMatchObject({ value: 'ABC', quantity: 'modelVersion' });
    expect(records('0D13 C2 3412')[0]?.value).toBe('1.234');
  });
});

describe('DIF and DIFE (§6.3)', () => {
  it('reads storage number, tariff, subunit and function from DIF and DIFEs', () => {
    // DIF 0xC4: storage LSB 1, extension; DIFE 0x92: storage bits 0010, tariff 01, extension; DIFE 0x40: subunit 1 (2nd DIFE → bit 1)
    expect(records('C4924013 01000000')[0]).toMatchObject({ storage: 1 + (2 << 1), tariff: 1, subunit: 2, function: 'instantaneous' });
    expect(records('1413 01000000')[0]?.function).toBe('maximum');
    expect(records('2413 01000000')[0]?.function).toBe('minimum');
    expect(records('3413 01000000')[0]?.function).toBe('error');
  });

  it('skips idle filler 0x2F and keeps manufacturer data after DIF 0x0F raw', () => {
    const r = decodeTelegram(telegramWith('2F2F 0413 01000000 2F 0F 0102AB'));
    expect(r.ok && r.telegram.records).toHaveLength(1);
    expect(r.ok && r.telegram.manufacturerData).toBe('0102AB');
  });

  it('refuses a DIFE chain longer than ten as a chain that never ends', () => {
    expect(reason(`84${'80'.repeat(10)}00 13 01000000`)).toBe('mbus.vifChain');
  });
});

describe('VIF and VIFE (§6.4, Tables 10, 12, 14, 15)', () => {
  it('reads the primary table: energy in kWh and GJ, power, flow, temperatures, pressure, HCA units', () => {
    const out = records('0406 0A000000 040E 01000000 022B 6400 023B 2C01 025B 3700 025F 2200 0261 1500 016A 0A 026E 0500');
    expect(out.map((r) => [r.quantity, r.value, r.unit])).toEqual([
      ['energy', '10', 'kWh'],
      ['energy', '0.001', 'GJ'],
      ['power', '100', 'W'],
      ['volumeFlow', '0.300', 'm3/h'],
      ['flowTemperature', '55', '°C'],
      ['returnTemperature', '34', '°C'],
      ['temperatureDifference', '0.21', 'K'],
      ['pressure', '1.0', 'bar'],
      ['hcaUnits', '5', null],
    ]);
  });

  it('reads the 0xFB and 0xFD extension tables', () => {
    const out = records('04FB00 0A000000 02FD17 0400 02FD74 6E01 04FD48 E8030000');
    expect(out.map((r) => [r.quantity, r.value, r.unit])).toEqual([
      ['energy', '1.0', 'MWh'],
      ['errorFlags', '4', null],
      ['remainingBatteryLife', '366', 'd'],
      ['voltage', '100.0', 'V'],
    ]);
  });

  it('applies a multiplicative VIFE (Table 15: 0x75 is ×10⁻¹)', () => {
    expect(records('0493 75 0A000000')[0]?.value).toBe('0.0010');
  });

  it('keeps a manufacturer-specific VIF raw', () => {
    expect(records('047F 01020304')[0]).toMatchObject({ quantity: 'manufacturerSpecific', value: '01020304', unit: null });
  });

  it('refuses a VIF chain that never ends (eleven VIFEs, or an extension bit on the last byte)', () => {
    expect(reason(`0493${'80'.repeat(10)}00 01000000`)).toBe('mbus.vifChain');
    expect(reason('0493 80')).toBe('mbus.vifChain');
    expect(reason(`0493${'80'.repeat(9)}00 01000000`)).toBe('ok');
  });

  it('refuses a record cut short as truncated', () => {
    expect(reason('0413 0100')).toBe('mbus.truncated');
    expect(reason('0D13 C5 3412')).toBe('mbus.truncated');
    expect(reason('84')).toBe('mbus.truncated');
  });
});
