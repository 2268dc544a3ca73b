/**
 * OBIS codes as COSEM carries them: a 6-octet logical_name (IEC 62056-6-1 §4), printed in the
 * full form `A-B:C.D.E.F` the issue and the CLI use (`1-0:1.8.0.255`).
 */
import { DlmsError } from './errors';

export function obisFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 6) throw new DlmsError('dlms.format', `a logical name has 6 octets, not ${bytes.length}`);
  return `${bytes[0]}-${bytes[1]}:${bytes[2]}.${bytes[3]}.${bytes[4]}.${bytes[5]}`;
}

/** `1-0:1.8.0.255`, `1.0.1.8.0.255` or `1-0:1.8.0*255` to 6 octets; null when not a full OBIS code. */
export function obisToBytes(text: string): Uint8Array | null {
  const m = /^(\d{1,3})[-.](\d{1,3})[:.](\d{1,3})\.(\d{1,3})\.(\d{1,3})[.*&](\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const groups = m.slice(1).map(Number);
  return groups.every((g) => g <= 255) ? Uint8Array.from(groups) : null;
}

/** True when the bytes look like a logical name (used to pair OBIS/value in pushes without capture objects). */
export const isLogicalName = (bytes: Uint8Array | null): bytes is Uint8Array => bytes !== null && bytes.length === 6;
