/**
 * COSEM date-time (Blue Book §4.1.6.1): 12 octets year(2) month day day-of-week hour minute
 * second hundredths deviation(2, signed minutes) clock-status; 0xFF/0xFFFF/0x8000 mean "not
 * specified". The deviation is UTC minus local time in minutes (a meter in CET sends -60), so the
 * ISO offset is its negation. Clock status bits (§4.1.6.1): 0 invalid value, 1 doubtful value,
 * 2 different clock base, 3 invalid clock status, 7 daylight saving active.
 */
import { DlmsError } from './errors';

export interface ClockStatus {
  readonly invalidValue: boolean;
  readonly doubtfulValue: boolean;
  readonly differentClockBase: boolean;
  readonly invalidClockStatus: boolean;
  readonly daylightSaving: boolean;
}

export interface CosemDateTime {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  readonly dayOfWeek: number | null;
  readonly hour: number | null;
  readonly minute: number | null;
  readonly second: number | null;
  readonly hundredths: number | null;
  /** Minutes, UTC − local; null when not specified. */
  readonly deviation: number | null;
  readonly status: ClockStatus | null;
}

const unspecified = (v: number, none = 0xff) => (v === none ? null : v);

export function clockStatusOf(byte: number): ClockStatus | null {
  if (byte === 0xff) return null;
  return {
    invalidValue: (byte & 0x01) !== 0,
    doubtfulValue: (byte & 0x02) !== 0,
    differentClockBase: (byte & 0x04) !== 0,
    invalidClockStatus: (byte & 0x08) !== 0,
    daylightSaving: (byte & 0x80) !== 0,
  };
}

export function parseDateTime(bytes: Uint8Array): CosemDateTime {
  if (bytes.length !== 12) throw new DlmsError('dlms.format', `a date-time has 12 octets, not ${bytes.length}`);
  const b = (i: number) => bytes[i] ?? 0xff;
  const deviationRaw = (b(9) << 8) | b(10);
  return {
    year: unspecified((b(0) << 8) | b(1), 0xffff),
    // 0xFD/0xFE (DST end/begin month), 0xFD/0xFE (second last/last day) are schedule wildcards, not dates
    month: b(2) >= 1 && b(2) <= 12 ? b(2) : null,
    day: b(3) >= 1 && b(3) <= 31 ? b(3) : null,
    dayOfWeek: b(4) >= 1 && b(4) <= 7 ? b(4) : null,
    hour: b(5) <= 23 ? b(5) : null,
    minute: b(6) <= 59 ? b(6) : null,
    second: b(7) <= 59 ? b(7) : null,
    hundredths: b(8) <= 99 ? b(8) : null,
    deviation: deviationRaw === 0x8000 ? null : deviationRaw > 0x7fff ? deviationRaw - 0x10000 : deviationRaw,
    status: clockStatusOf(b(11)),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * ISO 8601 text (`2017-10-20T03:43:30+01:00`), the offset only when the deviation is given;
 * null when the date or time is not fully specified.
 */
export function dateTimeText(dt: CosemDateTime): string | null {
  const { year, month, day, hour, minute, second } = dt;
  if (year === null || month === null || day === null || hour === null || minute === null) return null;
  const base = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second ?? 0)}`;
  if (dt.deviation === null) return base;
  const offset = -dt.deviation;
  const sign = offset < 0 ? '-' : '+';
  return `${base}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/** Milliseconds since the epoch (UTC), when date, time and deviation are all specified. */
export function dateTimeEpoch(dt: CosemDateTime): number | null {
  const { year, month, day, hour, minute } = dt;
  if (year === null || month === null || day === null || hour === null || minute === null || dt.deviation === null) return null;
  return Date.UTC(year, month - 1, day, hour, minute, dt.second ?? 0, (dt.hundredths ?? 0) * 10) + dt.deviation * 60_000;
}

/** 12 octets for a UTC instant shown in the local time of `deviation` (UTC − local, minutes). */
export function encodeDateTime(epochMs: number, deviation: number, statusByte = 0x00): Uint8Array {
  const local = new Date(epochMs - deviation * 60_000);
  const year = local.getUTCFullYear();
  const dow = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const dev = deviation < 0 ? deviation + 0x10000 : deviation;
  return Uint8Array.of(year >> 8, year & 0xff, local.getUTCMonth() + 1, local.getUTCDate(), dow, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), Math.floor(local.getUTCMilliseconds() / 10), dev >> 8, dev & 0xff, statusByte);
}
