/**
 * Install code and EUI-64 checks. Test vector: the install code
 * 83FE D340 7A93 9723 A5C6 39B2 6916 D505 with CRC C3B5, whose link key is
 * 66B6 9009 81E1 EE3C A420 6B6B 861C 02BB — the worked example in Silicon Labs AN1089
 * "Using Installation Codes with Zigbee Devices" (§3), also used as the published check value of
 * the public `install_code.py` tool ("To test the correctness of the result … 83FE D340 … C3B5 →
 * Derived Link Key: 66b6900981e1ee3ca4206b6b861c02bb").
 */
import { describe, expect, it } from 'vitest';
import { checkEui64, checkInstallCode, crc16X25, hexToBytes } from '../../../shared/domain/installCode';
import { linkKeyFromInstallCode } from '../../../electron/services/pan/linkKey';

const CODE = '83FED3407A939723A5C639B26916D505';

describe('Zigbee install codes', () => {
  it('computes the CRC-16/X-25 of the published example (C3B5 on the label, LSB first)', () => {
    expect(crc16X25(hexToBytes(CODE))).toBe(0xb5c3);
    // The CRC catalogue check value of CRC-16/X-25 over "123456789" is 0x906E.
    expect(crc16X25(new TextEncoder().encode('123456789'))).toBe(0x906e);
  });

  it('accepts the published code with its CRC, written with spaces as on a label', () => {
    expect(checkInstallCode('83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5')).toEqual({
      valid: true,
      installCode: `${CODE}C3B5`,
      crc: 'C3B5',
      codeBytes: 16,
    });
  });

  it('derives the published link key with AES-MMO over code + CRC', () => {
    expect(linkKeyFromInstallCode(hexToBytes(`${CODE}C3B5`))).toBe('66B6900981E1EE3CA4206B6B861C02BB');
  });

  it('refuses a mistyped digit with the reason and the CRC the code would need', () => {
    const result = checkInstallCode('83FED3407A939723A5C639B26916D506C3B5');
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.reason).toMatch(/mistyped/);
      expect(result.crc).not.toBe('C3B5');
    }
  });

  it('accepts 6, 8 and 12 byte codes whose CRC it computed, refuses other lengths', () => {
    for (const n of [6, 8, 12]) {
      const code = CODE.slice(0, n * 2);
      const crc = crc16X25(hexToBytes(code));
      const label = code + [crc & 0xff, crc >>> 8].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(checkInstallCode(label)).toMatchObject({ valid: true, codeBytes: n });
    }
    expect(checkInstallCode(`${CODE}C3`)).toMatchObject({ valid: false, reason: expect.stringMatching(/16, 20, 28 or 36/) });
    expect(checkInstallCode('83FE-XX')).toMatchObject({ valid: false, reason: expect.stringMatching(/hex digits/) });
  });
});

describe('EUI-64', () => {
  it('accepts 16 hex digits with separators and normalises them', () => {
    expect(checkEui64('00:0d:6f:00:0a:bc:de:f0')).toEqual({ valid: true, eui64: '000D6F000ABCDEF0' });
  });
  it.each([
    ['000D6F000ABCDEF', /16 hex digits/],
    ['000D6F000ABCDEFG', /only hex digits/],
    ['0000000000000000', /reserved/],
    ['FFFFFFFFFFFFFFFF', /reserved/],
  ])('refuses %s', (text, reason) => {
    expect(checkEui64(text)).toMatchObject({ valid: false, reason: expect.stringMatching(reason) });
  });
});
