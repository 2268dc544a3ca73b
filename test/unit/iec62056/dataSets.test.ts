import { describe, expect, it } from 'vitest';
import { parseDataLine, parseDataText } from '../../../shared/iec62056';

describe('data-set parser (§6.5) tolerances', () => {
  it('keeps the value as exact text, zeros included', () => {
    expect(parseDataLine('1.8.0(0012345.600*kWh)').dataSets).toEqual([{ obis: '1.8.0', values: [{ value: '0012345.600', unit: 'kWh' }] }]);
  });

  it('trims padding spaces inside the brackets', () => {
    expect(parseDataLine('1.8.1(   123.4 * kWh )').dataSets[0]?.values).toEqual([{ value: '123.4', unit: 'kWh' }]);
  });

  it('reads several values per set: a demand and its timestamp', () => {
    expect(parseDataLine('1.6.0(0004.512*kW)(2401151230)').dataSets[0]?.values).toEqual([
      { value: '0004.512', unit: 'kW' },
      { value: '2401151230', unit: null },
    ]);
  });

  it('reads several sets per line and historic values *NN', () => {
    const { dataSets } = parseDataLine('1.8.0(1*kWh)1.8.0*12(0.5*kWh)1.8.0&11(0.25*kWh)');
    expect(dataSets.map((s) => s.obis)).toEqual(['1.8.0', '1.8.0*12', '1.8.0&11']);
  });

  it('gives a null unit when it is missing or empty, and keeps empty values', () => {
    expect(parseDataLine('C.1.0(12345678)').dataSets[0]?.values[0]).toEqual({ value: '12345678', unit: null });
    expect(parseDataLine('C.5.0(00*)').dataSets[0]?.values[0]).toEqual({ value: '00', unit: null });
    expect(parseDataLine('0-0:96.13.0()').dataSets[0]?.values[0]).toEqual({ value: '', unit: null });
  });

  it('sees `!` alone or after the last set as the end of data', () => {
    expect(parseDataLine('!').end).toBe(true);
    const last = parseDataLine('F.F(00)!');
    expect(last.end).toBe(true);
    expect(last.dataSets).toHaveLength(1);
  });

  it('splits LF-only lines and stops at the end mark', () => {
    const { dataSets, end } = parseDataText('1.8.0(1*kWh)\n2.8.0(2*kWh)\n!\n3.8.0(3*kvarh)\n');
    expect(end).toBe(true);
    expect(dataSets.map((s) => s.obis)).toEqual(['1.8.0', '2.8.0']);
  });

  it('sets noise aside as junk instead of inventing sets', () => {
    const parsed = parseDataLine('\x7fZ~ 1.8.0(1*kWh) garbage');
    expect(parsed.dataSets.map((s) => s.obis)).toEqual(['1.8.0']);
    expect(parsed.junk).toContain('garbage');
    expect(parseDataLine('(orphan)').dataSets).toEqual([]);
  });

  it('continues a set on the next line when the line starts with a value', () => {
    const { dataSets } = parseDataText('1.6.0(4.5*kW)\r\n(2401151230)\r\n');
    expect(dataSets[0]?.values).toHaveLength(2);
  });

  it('keeps P1 values that hold an OBIS code', () => {
    const { dataSets } = parseDataText('1-0:99.97.0(1)(0-0:96.7.19)(240115000000W)(0000000240*s)');
    expect(dataSets[0]?.values.map((v) => v.value)).toEqual(['1', '0-0:96.7.19', '240115000000W', '0000000240']);
  });
});
