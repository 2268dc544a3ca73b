import { describe, expect, it } from 'vitest';
import { chooseBaudChar, optionSelect, parseIdentification, signOnRequest, wakeUpSequence } from '../../../shared/iec62056';
import { bytes } from './fixtures';

describe('sign-on, identification and option select (§6.3.1–6.3.3)', () => {
  it('builds the request with and without a device address', () => {
    expect(signOnRequest()).toEqual(bytes('/?!\r\n'));
    expect(signOnRequest('12345678')).toEqual(bytes('/?12345678!\r\n'));
  });

  it('builds the option select ACK 0 Z Y CR LF for readout and programming', () => {
    expect(optionSelect('5')).toEqual(bytes('\x06050\r\n'));
    expect(optionSelect('4', 'programming')).toEqual(bytes('\x06041\r\n'));
  });

  it('reads manufacturer, baud character and ident; mode C at 9600 with 200 ms reaction', () => {
    expect(parseIdentification('/ISK5MT174-0001')).toMatchObject({
      manufacturer: 'ISK',
      baudChar: '5',
      ident: 'MT174-0001',
      modeE: false,
      reactionTimeMs: 200,
      mode: 'C',
      maxBaud: 9600,
    });
  });

  it('gives 20 ms reaction time when the third letter is lower case', () => {
    expect(parseIdentification('/ISk5ME162-0000')?.reactionTimeMs).toBe(20);
  });

  it('detects mode E from \\2 and modes A and B from the baud character', () => {
    expect(parseIdentification('/EMH5\\2LZQJ')).toMatchObject({ modeE: true, mode: 'E', maxBaud: 9600 });
    expect(parseIdentification('/ABCCDEMO')).toMatchObject({ mode: 'B', maxBaud: 2400 });
    expect(parseIdentification('/ABCxDEMO')).toMatchObject({ mode: 'A', maxBaud: 300 });
  });

  it('skips leading noise and refuses what is not an identification', () => {
    expect(parseIdentification('\x7f\x13junk/LGZ4ZMD')?.manufacturer).toBe('LGZ');
    expect(parseIdentification('/?!')).toBeNull();
    expect(parseIdentification('/IS')).toBeNull();
    expect(parseIdentification('hello')).toBeNull();
  });

  it('chooses the highest rate both the meter and the probe allow', () => {
    const id = parseIdentification('/ISK6MT')!;
    expect(chooseBaudChar(id, 19200)).toEqual({ baudChar: '6', baud: 19200 });
    expect(chooseBaudChar(id, 4800)).toEqual({ baudChar: '4', baud: 4800 });
    expect(chooseBaudChar(id, 300)).toEqual({ baudChar: '0', baud: 300 });
  });

  it('makes a wake-up of NULs lasting about 2.2 s at 300 baud', () => {
    const wake = wakeUpSequence();
    expect(wake.length).toBe(66);
    expect(wake.every((b) => b === 0)).toBe(true);
  });
});
