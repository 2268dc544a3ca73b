/** What an optical read's OBIS rows are called on screen: abstract data sets in words, never "unknown" for a standard one. */
import { describe, expect, it } from 'vitest';
import { obisMeaning, obisMeaningText } from '../../renderer/src/features/optical/obisText';
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
});
