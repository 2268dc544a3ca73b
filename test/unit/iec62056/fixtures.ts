/** Byte fixtures for the IEC 62056-21 tests, built from text so a reader can see what they hold. */
import { asciiBytes, bcc, concatBytes, crc16Arc, ETX, STX } from '../../../shared/iec62056';

export const bytes = (text: string): Uint8Array => asciiBytes(text);

/** `STX text ETX BCC`; `badBcc` flips one bit of the check character. */
export function block(text: string, options: { badBcc?: boolean; end?: number } = {}): Uint8Array {
  const body = concatBytes(asciiBytes(text), Uint8Array.of(options.end ?? ETX));
  return concatBytes(Uint8Array.of(STX), body, Uint8Array.of(bcc(body) ^ (options.badBcc ? 1 : 0)));
}

export const modeCData =
  '0.0.0(12345678)\r\n1.8.0(0012345.678*kWh)\r\n1.8.1(0008000.123*kWh)\r\n1.8.2(0004345.555*kWh)\r\n2.8.0(0000123.400*kWh)\r\n1.6.0(0004.512*kW)(2401151230)\r\nC.7.0(0003)\r\nF.F(00000000)\r\n!\r\n';

/** P1 telegram with its CRC-16/ARC; `crc` overrides the checksum text. */
export function p1(lines: readonly string[], crc?: string): Uint8Array {
  const text = `/ISk5\\2MT382-1000\r\n\r\n${lines.join('\r\n')}\r\n!`;
  const good = crc16Arc(asciiBytes(text)).toString(16).toUpperCase().padStart(4, '0');
  return asciiBytes(`${text}${crc ?? good}\r\n`);
}
