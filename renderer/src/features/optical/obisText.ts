/**
 * What an OBIS row of an optical read means, in words. Registers mapped to a ReadingType are
 * named from it; a few abstract data sets every IEC 62056-21 meter sends are named here (IEC
 * 62056-61 §5.5: C = 96 general service entries, F = 97 error registers; 0.9.1 time and 0.9.2
 * date, §5.6); anything else is an unknown register, shown in words with its OBIS small beside.
 */
import { parseObisCode } from '../../../../shared/iec62056/obisCode';
import type { Catalog } from '../../i18n/en';
import { readingTypeName } from '../../lib/registerName';

export type ObisMeaning =
  'serial' | 'equipmentId' | 'errorRegister' | 'meterTime' | 'meterDate' | 'powerFailures' | 'status' | 'resetCounter' | 'mbusDeviceType';

/** The abstract data set an address names, by value groups C.D.E (any A, B and billing period). */
export function obisMeaning(address: string): ObisMeaning | null {
  const code = parseObisCode(address);
  if (!code) return null;
  const cde = `${code.c}.${code.d}.${code.e ?? 0}`;
  const known: Readonly<Record<string, ObisMeaning>> = {
    '96.1.0': 'serial',
    // DSMR 5.0.2 §6.12: 0-0:96.1.1, the equipment identifier, written as the hex of its characters.
    '96.1.1': 'equipmentId',
    '97.97.0': 'errorRegister',
    '0.9.1': 'meterTime',
    '0.9.2': 'meterDate',
    '96.7.0': 'powerFailures',
    '96.5.0': 'status',
    '0.1.0': 'resetCounter',
    // DSMR 5.0.2 §6.12: 0-n:24.1.0, the device type of the meter on M-Bus channel n (EN 13757-3 codes: 003 gas).
    '24.1.0': 'mbusDeviceType',
  };
  return known[cde] ?? null;
}

export function obisMeaningText(address: string, readingType: string | null, catalog: Catalog): string {
  if (readingType) return readingTypeName(readingType, catalog.registerName);
  const meaning = obisMeaning(address);
  return meaning ? catalog.optical.obisMeaning[meaning] : catalog.registerName.unknown;
}

/**
 * DSMR writes an equipment identifier (0-0:96.1.1, and 0-n:96.1.0 of the meter on M-Bus channel n)
 * as the hex of its characters (DSMR 5.0.2 §6.12, format Sn): shown as the characters when every
 * pair is a printable one, else as sent. A mode C meter's own serial (channel 0) is never decoded.
 */
function hexText(value: string): string | null {
  const hex = value.trim();
  if (hex.length < 2 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  const codes = (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
  return codes.every((c) => c >= 0x20 && c < 0x7f) ? String.fromCharCode(...codes).trim() : null;
}

/**
 * A clock value as the meter sent it (0.9.2 `YYMMDD`, 0.9.1 `hhmmss`, IEC 62056-21 formats) in
 * the locale; the meter's own local time, so it is not shifted to this device's zone.
 */
export function obisValueText(address: string, value: string, locale: string): string {
  const meaning = obisMeaning(address);
  if (meaning === 'equipmentId' || (meaning === 'serial' && (parseObisCode(address)?.b ?? 0) > 0)) return hexText(value) ?? value;
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m || (meaning !== 'meterDate' && meaning !== 'meterTime')) return value;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (meaning === 'meterTime') {
    if (a > 23 || b > 59 || c > 59) return value;
    return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, a, b, c)));
  }
  const day = new Date(Date.UTC(2000 + a, b - 1, c));
  if (day.getUTCMonth() !== b - 1 || day.getUTCDate() !== c) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}
