/** Code catalogues: ReadingType encode/describe, OBIS → ReadingType, EndDevice event/control codes, ReadingQuality. */
import { describe, expect, it } from 'vitest';
import {
  describeEndDeviceCode,
  describeReadingQuality,
  endDeviceControlType,
  endDeviceEventType,
  endDeviceEventTypeFor,
  endDeviceTypeOfReadingTypes,
  encodeReadingType,
  nameOfEndDeviceCode,
  normaliseObis,
  obisToReadingType,
  panJoinOutcome,
  parseReadingType,
  readingQuality,
  readingTypeText,
  withEndDeviceType,
} from '../../../shared/cim';

describe('ReadingType', () => {
  it('encodes fields into the 18-part code and parses back', () => {
    const code = encodeReadingType({
      accumulation: 1,
      flowDirection: 1,
      commodity: 1,
      measurementKind: 12,
      multiplier: 3,
      unit: 72,
      tou: 2,
    });
    expect(code).toBe('0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0');
    expect(encodeReadingType(parseReadingType(code)!)).toBe(code);
  });

  it('describes codes in words (NOTES.md §6 examples)', () => {
    expect(readingTypeText('0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0')).toBe('energy delivered, register, kWh');
    expect(readingTypeText('0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0')).toBe('energy delivered, register, kWh, TOU 1');
    expect(readingTypeText('0.0.2.4.1.1.12.0.0.0.0.0.0.0.0.3.72.0')).toBe('15-minute energy delivered, interval, kWh');
    expect(readingTypeText('8.8.2.6.1.1.8.0.0.0.0.0.0.0.0.3.38.0')).toBe(
      'billing period maximum 15-minute demand delivered, indicating, kW',
    );
    expect(readingTypeText('0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0')).toBe('volume delivered, register, m³');
    expect(readingTypeText('kWh')).toBeNull();
  });
});

describe('OBIS → ReadingType (IEC 62056-21 optical port)', () => {
  const samples = [
    ['1.8.0', 'kWh', '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0'],
    ['1-0:1.8.1*255', 'kWh', '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0'],
    ['1.8.2', 'kWh', '0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0'],
    ['1.8.0', 'Wh', '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.0.72.0'],
    ['2.8.0', 'kWh', '0.0.0.1.19.1.12.0.0.0.0.0.0.0.0.3.72.0'],
    ['3.8.0', 'kvarh', '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.73.0'],
    ['1.6.0', 'kW', '8.8.2.6.1.1.8.0.0.0.0.0.0.0.0.3.38.0'],
    // Voltages to neutral: PhaseCode AN 129 / BN 65 / CN 33 (CBO Phase), not A/B/C; currents stay A/B/C.
    ['32.7.0', 'V', '0.0.0.12.0.1.54.0.0.0.0.0.0.0.129.0.29.0'],
    ['52.7.0', 'V', '0.0.0.12.0.1.54.0.0.0.0.0.0.0.65.0.29.0'],
    ['72.7.0', 'V', '0.0.0.12.0.1.54.0.0.0.0.0.0.0.33.0.29.0'],
    ['31.7.0', 'A', '0.0.0.12.0.1.4.0.0.0.0.0.0.0.128.0.5.0'],
  ] as const;
  it.each(samples)('%s in %s → %s', (obis, unit, readingType) => {
    expect(obisToReadingType(obis, unit)?.readingType).toBe(readingType);
  });

  it('every mapped ReadingType is a valid, describable code, and codes are unique', () => {
    const codes = samples.map(([obis, unit]) => obisToReadingType(obis, unit)!.readingType);
    for (const c of codes) expect(readingTypeText(c), c).not.toBeNull();
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('needs a unit that fits the register', () => {
    expect(obisToReadingType('1.8.0', null)).toBeNull();
    expect(obisToReadingType('1.8.0', 'kW')).toBeNull();
    expect(obisToReadingType('1.8.0*12', 'kWh')).toBeNull(); // a historic value is not today's reading
  });

  it('normalises the usual spellings and refuses other media or garbage', () => {
    expect(normaliseObis('1-0:1.8.0.255')).toBe('1.8.0');
    expect(normaliseObis(' 1.8.0*01 ')).toBe('1.8.0');
    expect(normaliseObis('7-0:3.0.0')).toBeNull();
    expect(obisToReadingType('F.F', null)).toBeNull();
    expect(obisToReadingType('99.99.99', 'kWh')).toBeNull();
  });
});

describe('EndDeviceEventType / EndDeviceControlType', () => {
  it('uses the codes NOTES.md §7 names', () => {
    expect(endDeviceControlType('demandReset')).toBe('3.8.0.214');
    expect(endDeviceControlType('connect')).toBe('3.31.0.18');
    expect(endDeviceControlType('disconnect')).toBe('3.31.0.23');
    expect(endDeviceControlType('panPairingWindowOpen', 7)).toBe('7.10.73.298');
    expect(endDeviceEventType.demandResetOccurred).toBe('3.8.0.215');
    expect(endDeviceEventType.powerDown).toBe('3.26.38.85');
  });

  it("takes the device type of the meter's commodity (61968-9 EndDeviceType: 3 electric, 4 gas, 24 water)", () => {
    expect(endDeviceTypeOfReadingTypes(['0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0'])).toBe(3);
    expect(endDeviceTypeOfReadingTypes(['0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0'])).toBe(4);
    expect(endDeviceTypeOfReadingTypes(['0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0'])).toBe(24);
    expect(endDeviceTypeOfReadingTypes([])).toBe(0);
    expect(endDeviceEventTypeFor('tamperDetected', 4)).toBe('4.12.43.257');
    expect(withEndDeviceType('0.12.43.257', 24)).toBe('24.12.43.257');
    expect(withEndDeviceType('3.12.43.257', 24)).toBe('3.12.43.257'); // a utility's own type is kept
  });

  it('sends the published codes (CX EndDeviceEventTypeFactory / EndDeviceEventOrAction), not composed ones', () => {
    expect(endDeviceEventTypeFor('fatalError', 3)).toBe('3.0.43.79');
    expect(endDeviceEventTypeFor('manualDisconnected', 3)).toBe('3.15.26.68');
    expect(endDeviceEventTypeFor('manualConnected', 3)).toBe('3.15.26.42');
    expect(describeEndDeviceCode(endDeviceEventTypeFor('disconnectFailed', 3))?.text).toBe(
      'ElectricMeter.RCDSwitch.ControlPoint.DisconnectFailed',
    );
    expect(describeEndDeviceCode(endDeviceEventTypeFor('connectFailed', 3))?.text).toBe(
      'ElectricMeter.RCDSwitch.ControlPoint.ConnectFailed',
    );
    expect(nameOfEndDeviceCode('0.0.43.79')).toBe('fatalError');
  });

  it('describes and names codes, whatever the device type', () => {
    expect(describeEndDeviceCode('3.31.0.23')?.text).toBe('ElectricMeter.RCDSwitch.NA.Disconnect');
    expect(describeEndDeviceCode('0.12.141.212')?.text).toBe('NA.Security.Enclosure.Removed');
    expect(nameOfEndDeviceCode('0.26.38.49')).toBe('powerUp');
    expect(nameOfEndDeviceCode('3.10.73.299')).toBe('panPairingWindowClose');
    expect(describeEndDeviceCode('3.31')).toBeNull();
  });
});

describe('ReadingQuality', () => {
  it('keeps the existing codes and describes the new ones', () => {
    expect(readingQuality.manuallyEntered).toBe('2.4.131');
    expect(describeReadingQuality(readingQuality.estimated)).toEqual({
      system: 'data collection (MDC)',
      category: 'estimated',
      index: 'estimated',
    });
    expect(describeReadingQuality(readingQuality.knownMissingRead)?.index).toBe('known missing read');
    expect(describeReadingQuality('3.7.0')).toEqual({ system: 'MDM', category: 'edited', index: 'edited' });
    expect(describeReadingQuality('x')).toBeNull();
  });
});

describe('PAN join events (Pairing domain 10)', () => {
  it('Connected is joined, Failed is failed, for any device type; other events are not join news', () => {
    expect(panJoinOutcome('15.10.0.42')).toBe('joined');
    expect(panJoinOutcome('12.10.73.42')).toBe('joined');
    expect(panJoinOutcome('19.10.0.85')).toBe('failed');
    expect(panJoinOutcome('3.26.38.85')).toBeNull(); // power down: Failed, but not a pairing
    expect(panJoinOutcome('15.10.73.298')).toBeNull(); // the pairing window control, not an outcome
    expect(panJoinOutcome('10.42')).toBeNull();
  });
});
