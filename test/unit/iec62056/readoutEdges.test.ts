/** Readout edges real meters show: long text values, a short P1 CRC, the DSMR 2.2 gas value on its own line. */
import { describe, expect, it } from 'vitest';
import { asciiBytes, crc16Arc, parseCapture } from '../../../shared/iec62056';

/** A P1 telegram whose CRC is written as `crcText(crc)`. */
function telegram(lines: readonly string[], crcText: (crc: number) => string): Uint8Array {
  const text = `/ISk5\\2MT382-1000\r\n\r\n${lines.join('\r\n')}\r\n!`;
  return asciiBytes(`${text}${crcText(crc16Arc(asciiBytes(text)))}\r\n`);
}

describe('readout edges', () => {
  it('keeps a DSMR text message of 1,024 characters (0-0:96.13.0, DSMR 5.0.2 §6.12: sent as 2,048 hex digits)', () => {
    const message = '41'.repeat(1024); // "A" × 1024 as hex octets
    const report = parseCapture(
      telegram(['1-0:1.8.1(000123.456*kWh)', `0-0:96.13.0(${message})`, '1-0:1.8.2(000234.567*kWh)'], (crc) =>
        crc.toString(16).toUpperCase().padStart(4, '0'),
      ),
    );
    expect(report.checksum).toBe('ok');
    expect(report.dataSets.find((d) => d.obis === '0-0:96.13.0')?.values[0]?.value).toBe(message);
    expect(report.dataSets.map((d) => d.obis)).toEqual(['1-0:1.8.1', '0-0:96.13.0', '1-0:1.8.2']);
  });

  it('compares a P1 CRC sent with fewer than 4 hex digits as a number, and flags it (DSMR 5.0.2 §6.2 asks for 4)', () => {
    // Pick the first telegram of the series whose CRC has a leading zero digit.
    let lines: string[] = [];
    let crc = 0xffff;
    for (let i = 0; crc >= 0x1000; i++) {
      lines = [`1-0:1.8.1(${String(i).padStart(6, '0')}.456*kWh)`];
      crc = crc16Arc(asciiBytes(`/ISk5\\2MT382-1000\r\n\r\n${lines.join('\r\n')}\r\n!`));
    }
    const short = parseCapture(telegram(lines, (value) => value.toString(16).toUpperCase()));
    expect(short).toMatchObject({ checksum: 'ok', shortCrc: true });
    const wrong = parseCapture(telegram(lines, (value) => (value ^ 1).toString(16).toUpperCase()));
    expect(wrong.checksum).toBe('bad');
    expect(parseCapture(telegram(lines, (value) => value.toString(16).toUpperCase().padStart(4, '0')))).toMatchObject({
      checksum: 'ok',
      shortCrc: false,
    });
  });

  it('joins the DSMR 2.2 gas unit with the value on the next line', () => {
    // TELEGRAM_V2_2 of ndokter/dsmr_parser, test/example_telegrams.py (a DSMR 2.2 Iskra MT382).
    const capture = asciiBytes(
      [
        '/ISk5\\2MT382-1004',
        '',
        '0-0:96.1.1(00000000000000)',
        '1-0:1.8.1(00001.001*kWh)',
        '1-0:1.8.2(00001.001*kWh)',
        '1-0:2.8.1(00001.001*kWh)',
        '1-0:2.8.2(00001.001*kWh)',
        '0-0:96.14.0(0001)',
        '1-0:1.7.0(0001.01*kW)',
        '1-0:2.7.0(0000.00*kW)',
        '0-0:17.0.0(0999.00*kW)',
        '0-0:96.3.10(1)',
        '0-0:96.13.1()',
        '0-0:96.13.0()',
        '0-1:24.1.0(3)',
        '0-1:96.1.0(000000000000)',
        '0-1:24.3.0(161107190000)(00)(60)(1)(0-1:24.2.1)(m3)',
        '(00001.001)',
        '0-1:24.4.0(1)',
        '!',
        '',
      ].join('\r\n'),
    );
    const gas = parseCapture(capture).dataSets.find((d) => d.obis === '0-1:24.3.0');
    expect(gas?.values.at(-1)).toEqual({ value: '00001.001', unit: 'm3' });
    expect(gas?.values.map((v) => v.value)).toEqual(['161107190000', '00', '60', '1', '0-1:24.2.1', '00001.001']);
  });
});
