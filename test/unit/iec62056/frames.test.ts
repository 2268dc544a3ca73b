import { describe, expect, it } from 'vitest';
import { bcc, bytesText, crc16Arc, dataBlock, describeBytes, ETX, STX } from '../../../shared/iec62056';
import { bytes } from './fixtures';

describe('IEC 62056-21 frames', () => {
  it('computes the BCC as the XOR after STX up to and including ETX', () => {
    // "1.8.0(1)\r\n!\r\n" + ETX, XORed by hand below.
    const body = bytes('A\x03');
    expect(bcc(body)).toBe(0x41 ^ 0x03);
    const block = dataBlock('!\r\n');
    expect(block[0]).toBe(STX);
    expect(block[block.length - 2]).toBe(ETX);
    expect(block[block.length - 1]).toBe(0x21 ^ 0x0d ^ 0x0a ^ 0x03);
  });

  it('masks the parity bit of 8-bit bytes from a 7E1 line', () => {
    expect(bcc(Uint8Array.of(0xc1, 0x03))).toBe(bcc(Uint8Array.of(0x41, 0x03)));
    expect(bytesText(Uint8Array.of(0xc1, 0x42))).toBe('AB');
  });

  it('computes CRC-16/ARC (check value of "123456789" is 0xBB3D)', () => {
    expect(crc16Arc(bytes('123456789'))).toBe(0xbb3d);
  });

  it('describes raw bytes for the diagnostic log', () => {
    expect(describeBytes(Uint8Array.of(0x02, 0x41, 0x0d, 0x0a, 0x03, 0xff))).toBe('<STX>A<CR><LF>\n<ETX><0xff>');
  });
});
