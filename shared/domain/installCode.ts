/**
 * EUI-64 addresses and Zigbee Smart Energy install codes, checked before a PAN device is
 * commissioned (issue 8). Pure: no I/O, no crypto — the link key is derived on the Node side
 * (electron/services/pan/linkKey.ts) because AES is not available here without a dependency.
 *
 * Install code format (Zigbee Smart Energy Profile 1.x, §5.4.8.1.1; Silicon Labs AN1089 §2):
 * 6, 8, 12 or 16 bytes of code followed by a CRC-16 over those bytes, the CRC sent least
 * significant byte first. The CRC is CRC-16/X-25 (CCITT polynomial 0x1021, reflected 0x8408,
 * initial 0xFFFF, final XOR 0xFFFF).
 */

export const installCodeLengths = [6, 8, 12, 16] as const;

/**
 * What is wrong with a label's value, as a code the screen says in the reader's language
 * (workOrders.pan.problem.<field>.<code>); `reason` beside it is the English for logs and the CLI.
 */
export type LabelProblem =
  | { field: 'eui64'; code: 'notHex' | 'reserved' }
  | { field: 'eui64'; code: 'length'; digits: number }
  | { field: 'installCode'; code: 'notHex' }
  | { field: 'installCode'; code: 'length'; digits: number }
  | { field: 'installCode'; code: 'checkDigits'; printed: string; expected: string };

export type Eui64Check = { valid: true; eui64: string } | { valid: false; reason: string; problem: LabelProblem };

/** Strips what people and label printers put between digit groups: spaces, dashes, colons. */
export function normalizeHex(text: string): string {
  return text.replace(/[\s:-]/g, '').toUpperCase();
}

export function checkEui64(text: string): Eui64Check {
  const eui64 = normalizeHex(text);
  if (!/^[0-9A-F]*$/.test(eui64))
    return { valid: false, reason: 'The EUI-64 may contain only hex digits 0-9 and A-F.', problem: { field: 'eui64', code: 'notHex' } };
  if (eui64.length !== 16) {
    return {
      valid: false,
      reason: `The EUI-64 must have 16 hex digits; this one has ${eui64.length}. Check the label again.`,
      problem: { field: 'eui64', code: 'length', digits: eui64.length },
    };
  }
  // IEEE EUI-64: all zeros and all ones are reserved and never name a real device.
  if (eui64 === '0000000000000000' || eui64 === 'FFFFFFFFFFFFFFFF') {
    return {
      valid: false,
      reason: 'An EUI-64 of all zeros or all ones is reserved and names no device. Check the label again.',
      problem: { field: 'eui64', code: 'reserved' },
    };
  }
  return { valid: true, eui64 };
}

/** CRC-16/X-25 as the Zigbee install code uses it (see the file comment). */
export function crc16X25(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return (crc ^ 0xffff) & 0xffff;
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

export type InstallCodeCheck =
  | {
      valid: true;
      /** The code and its CRC, as printed on the label, normalised to upper-case hex. */
      installCode: string;
      /** The CRC as it appears on the label (least significant byte first), 4 hex digits. */
      crc: string;
      codeBytes: number;
    }
  | { valid: false; reason: string; problem: LabelProblem; crc: string | null };

export function checkInstallCode(text: string): InstallCodeCheck {
  const hex = normalizeHex(text);
  if (!/^[0-9A-F]*$/.test(hex))
    return {
      valid: false,
      reason: 'The install code may contain only hex digits 0-9 and A-F.',
      problem: { field: 'installCode', code: 'notHex' },
      crc: null,
    };
  const codeBytes = hex.length / 2 - 2;
  if (hex.length % 2 !== 0 || !installCodeLengths.some((n) => n === codeBytes)) {
    return {
      valid: false,
      reason: `An install code has 6, 8, 12 or 16 bytes plus a 2-byte CRC (16, 20, 28 or 36 hex digits); this one has ${hex.length} digits. A digit is missing or extra.`,
      problem: { field: 'installCode', code: 'length', digits: hex.length },
      crc: null,
    };
  }
  const bytes = hexToBytes(hex);
  const computed = crc16X25(bytes.subarray(0, codeBytes));
  // The label carries the CRC least significant byte first.
  const expected = bytesToHex(new Uint8Array([computed & 0xff, computed >>> 8]));
  const printed = hex.slice(codeBytes * 2);
  if (printed !== expected) {
    return {
      valid: false,
      reason: `The install code's check digits do not match (label ends ${printed}, the code gives ${expected}): a digit was mistyped. Read the label again.`,
      problem: { field: 'installCode', code: 'checkDigits', printed, expected },
      crc: expected,
    };
  }
  return { valid: true, installCode: hex, crc: expected, codeBytes };
}
