import { describe, expect, it } from 'vitest';
import { intervalQualities, intervalReadingType } from '../../../shared/cim/codes/intervalData';
import { amrStatusOf } from '../../../shared/dlms';

describe('load-profile intervals as 61968-9 interval data', () => {
  it('gives a channel the interval ReadingType of its register: measuringPeriod from the capture period, bulkQuantity', () => {
    expect(intervalReadingType('1-0:1.8.0.255', 'Wh', 900)).toBe('0.0.2.1.1.1.12.0.0.0.0.0.0.0.0.0.72.0');
    expect(intervalReadingType('1-0:2.8.0.255', 'kWh', 3600)).toBe('0.0.7.1.19.1.12.0.0.0.0.0.0.0.0.3.72.0');
    expect(intervalReadingType('1-0:3.8.0.255', 'varh', 1800)).toBe('0.0.5.1.1.1.12.0.0.0.0.0.0.0.0.0.73.0');
    // no guess: an unknown period, a unit that does not fit, or a non-energy channel
    expect(intervalReadingType('1-0:1.8.0.255', 'Wh', 420)).toBeNull();
    expect(intervalReadingType('1-0:1.8.0.255', 'V', 900)).toBeNull();
    expect(intervalReadingType('1-0:32.7.0.255', 'V', 900)).toBeNull();
  });

  it('turns the AMR profile status bits into ReadingQualities (power fail 2.2.32, clock changed 2.4.9, clock error 2.1.9, suspect 2.5.258)', () => {
    expect(intervalQualities(amrStatusOf(0x84))).toEqual(['2.5.258', '2.2.32']);
    expect(intervalQualities(amrStatusOf(0x20))).toEqual(['2.4.9']);
    expect(intervalQualities(amrStatusOf(0x02))).toEqual(['2.1.9']);
    // daylight saving is no quality; critical error and data not valid are one "suspect"
    expect(intervalQualities(amrStatusOf(0x08))).toEqual([]);
    expect(intervalQualities(amrStatusOf(0x05))).toEqual(['2.5.258']);
    expect(intervalQualities(amrStatusOf(0x00))).toEqual([]);
  });
});
