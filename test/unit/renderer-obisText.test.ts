/** What an optical read's OBIS rows are called on screen: abstract data sets in words, never "unknown" for a standard one. */
import { describe, expect, it } from 'vitest';
import { obisMeaning, obisMeaningText, obisValueText } from '../../renderer/src/features/optical/obisText';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';

describe('obisMeaning', () => {
  it.each([
    ['C.1.0', 'serial'],
    ['0-1:96.1.0', 'serial'],
    ['F.F', 'errorRegister'],
    ['0.9.1', 'meterTime'],
    ['1-0:0.1.0', 'resetCounter'],
    // DSMR 5.0.2: the device type of the meter on M-Bus channel 1 (a gas meter says 003).
    ['0-1:24.1.0', 'mbusDeviceType'],
    ['1.8.1', null],
  ])('%s is %s', (address, meaning) => {
    expect(obisMeaning(address)).toBe(meaning);
  });

  it('names a DSMR channel device type in both languages', () => {
    expect(obisMeaningText('0-1:24.1.0', null, en)).toBe('Kind of device on this M-Bus channel');
    expect(obisMeaningText('0-1:24.1.0', null, de)).toBe('Geräteart an diesem M-Bus-Kanal');
  });

  it('shows a DSMR equipment identifier as its characters, and never decodes a mode C serial', () => {
    // DSMR 5.0.2 §6.12 example telegram: 0-0:96.1.1(4B384547303034303436333935353037), 0-1:96.1.0 of the gas meter.
    expect(obisMeaningText('0-0:96.1.1', null, de)).toBe('Geräte-Kennung');
    expect(obisValueText('0-0:96.1.1', '4B384547303034303436333935353037', 'de')).toBe('K8EG004046395507');
    expect(obisValueText('0-1:96.1.0', '3232323241424344313233343536373839', 'de')).toBe('2222ABCD123456789');
    expect(obisValueText('0-0:96.1.0', '31323334', 'de')).toBe('31323334');
    expect(obisValueText('0-0:96.1.1', '0102', 'de')).toBe('0102');
  });
});
