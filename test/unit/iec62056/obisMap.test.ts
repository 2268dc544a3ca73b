import { describe, expect, it } from 'vitest';
import { eventCandidateFor, minimalObisReadingTypes, parseObisCode, type ObisCode } from '../../../shared/iec62056';

const table = minimalObisReadingTypes();
const rt = (obis: string, unit: string | null) => table.readingTypeFor(parseObisCode(obis) as ObisCode, unit);

describe('OBIS → ReadingType (NOTES §6)', () => {
  it('parses reduced, full, letter and historic forms', () => {
    expect(parseObisCode('1.8.0')).toEqual({ a: null, b: null, c: 1, d: 8, e: 0, f: null });
    expect(parseObisCode('1-0:1.8.1*255')).toEqual({ a: 1, b: 0, c: 1, d: 8, e: 1, f: null });
    expect(parseObisCode('1.8.0*12')?.f).toBe(12);
    expect(parseObisCode('F.F')).toEqual({ a: null, b: null, c: 97, d: 97, e: null, f: null });
    expect(parseObisCode('C.1.0')?.c).toBe(96);
    expect(parseObisCode('not obis')).toBeNull();
  });

  it('maps energy registers with TOU buckets and reverse flow', () => {
    expect(rt('1.8.0', 'kWh')).toBe('0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0');
    expect(rt('1.8.1', 'kWh')).toBe('0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0');
    expect(rt('1-0:1.8.2', 'kWh')).toBe('0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0');
    expect(rt('2.8.0', 'kWh')).toBe('0.0.0.1.19.1.12.0.0.0.0.0.0.0.0.3.72.0');
    expect(rt('1.8.0', 'Wh')).toBe('0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.0.72.0');
    expect(rt('3.8.0', 'kvarh')).toBe('0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.73.0');
  });

  it('maps maximum demand with a 15-minute period by default', () => {
    expect(rt('1.6.0', 'kW')).toBe('8.8.2.6.1.1.8.0.0.0.0.0.0.0.0.3.38.0');
    expect(minimalObisReadingTypes({ demandPeriod: 5 }).readingTypeFor(parseObisCode('1.6.0') as ObisCode, 'kW')).toBe(
      '8.8.5.6.1.1.8.0.0.0.0.0.0.0.0.3.38.0',
    );
  });

  it('leaves unmapped what it cannot name exactly', () => {
    expect(rt('1.8.0', null)).toBeNull(); // no unit, no multiplier
    expect(rt('1.8.0', 'kW')).toBeNull(); // energy register with a power unit
    expect(rt('1.8.0*12', 'kWh')).toBeNull(); // historic value
    expect(rt('0-1:24.2.1', 'm3')).toBeNull(); // gas channel
    expect(rt('C.1.0', null)).toBeNull();
  });

  it('flags error registers, power-fail counters and status as event candidates', () => {
    expect(eventCandidateFor(parseObisCode('F.F') as ObisCode)).toEqual({ kind: 'errorRegister', endDeviceEventType: '3.0.43.79' });
    expect(eventCandidateFor(parseObisCode('C.7.0') as ObisCode)).toEqual({ kind: 'powerFailCounter', endDeviceEventType: '3.26.38.85' });
    expect(eventCandidateFor(parseObisCode('C.7.2') as ObisCode)?.endDeviceEventType).toBe('3.26.25.85');
    expect(eventCandidateFor(parseObisCode('C.5.0') as ObisCode)).toEqual({ kind: 'status', endDeviceEventType: null });
    expect(eventCandidateFor(parseObisCode('1.8.0') as ObisCode)).toBeNull();
  });
});
