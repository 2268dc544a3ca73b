import { describe, expect, it } from 'vitest';
import { describeReadingType, isReadingTypeCode, parseReadingType } from '../../../shared/cim/readingType';

describe('ReadingType codes', () => {
  it('accepts the 18-field kWh-delivered register code and reads its fields', () => {
    const code = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
    expect(isReadingTypeCode(code)).toBe(true);
    const rt = parseReadingType(code);
    expect(rt?.accumulation).toBe(1);
    expect(rt?.measurementKind).toBe(12);
    expect(rt?.multiplier).toBe(3);
    expect(rt?.unit).toBe(72);
  });

  it('accepts a negative power-of-ten multiplier', () => {
    expect(isReadingTypeCode('0.0.0.12.0.1.54.0.0.0.0.0.0.0.0.-3.29.0')).toBe(true);
    expect(describeReadingType('0.0.0.12.0.1.54.0.0.0.0.0.0.0.0.-3.29.0')?.unit).toBe('mV');
  });

  it.each([
    ['17 fields', '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72'],
    ['19 fields', '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0.0'],
    ['a letter', '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.kWh.0'],
    ['empty field', '0.0.0.1.1.1.12..0.0.0.0.0.0.0.3.72.0'],
    ['empty', ''],
  ])('rejects %s', (_name, code) => {
    expect(isReadingTypeCode(code)).toBe(false);
    expect(parseReadingType(code)).toBeNull();
  });

  it('describes commodity, unit, direction and TOU bucket', () => {
    expect(describeReadingType('0.0.0.1.19.1.12.0.0.0.0.2.0.0.0.3.72.0')).toEqual({
      commodity: 'electricity',
      kind: 'energy',
      unit: 'kWh',
      direction: 'received',
      tou: 2,
      component: 'active',
    });
    expect(describeReadingType('0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0')?.commodity).toBe('gas');
    expect(describeReadingType('0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0')).toMatchObject({ commodity: 'water', unit: 'm³' });
  });
});
