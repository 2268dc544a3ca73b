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

const statusCache = new Map<number, ClockStatus | null>();

/** The clock status byte's flags; one shared object per byte value (a profile repeats a handful). */
export function clockStatusOf(byte: number): ClockStatus | null {
  let status = statusCache.get(byte);
  if (status === undefined) {
    status =
      byte === 0xff
        ? null
        : Object.freeze({
            invalidValue: (byte & 0x01) !== 0,
            doubtfulValue: (byte & 0x02) !== 0,
            differentClockBase: (byte & 0x04) !== 0,
            invalidClockStatus: (byte & 0x08) !== 0,
            daylightSaving: (byte & 0x80) !== 0,
          });
    statusCache.set(byte, status);
  }
  return status;
}

export function parseDateTime(bytes: Uint8Array): CosemDateTime {
  if (bytes.length !== 12) throw new DlmsError('dlms.format', `a date-time has 12 octets, not ${bytes.length}`);
  return parseDateTimeAt(bytes, 0);
}

/** The 12 octets at `at` (the caller checked they are there): no copy, no view, for profile buffers. */
export function parseDateTimeAt(bytes: Uint8Array, at: number): CosemDateTime {
  const year = ((bytes[at] ?? 0xff) << 8) | (bytes[at + 1] ?? 0xff);
  const month = bytes[at + 2] ?? 0xff;
  const day = bytes[at + 3] ?? 0xff;
  const dayOfWeek = bytes[at + 4] ?? 0xff;
  const hour = bytes[at + 5] ?? 0xff;
  const minute = bytes[at + 6] ?? 0xff;
  const second = bytes[at + 7] ?? 0xff;
  const hundredths = bytes[at + 8] ?? 0xff;
  const deviation = ((bytes[at + 9] ?? 0x80) << 8) | (bytes[at + 10] ?? 0);
  return {
    year: year === 0xffff ? null : year,
    // 0xFD/0xFE (DST end/begin month), 0xFD/0xFE (second last/last day) are schedule wildcards, not dates
    month: month >= 1 && month <= 12 ? month : null,
    day: day >= 1 && day <= 31 ? day : null,
    dayOfWeek: dayOfWeek >= 1 && dayOfWeek <= 7 ? dayOfWeek : null,
    hour: hour <= 23 ? hour : null,
    minute: minute <= 59 ? minute : null,
    second: second <= 59 ? second : null,
    hundredths: hundredths <= 99 ? hundredths : null,
    deviation: deviation === 0x8000 ? null : deviation > 0x7fff ? deviation - 0x10000 : deviation,
    status: clockStatusOf(bytes[at + 11] ?? 0xff),
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
  return Uint8Array.of(
    year >> 8,
    year & 0xff,
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    dow,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    Math.floor(local.getUTCMilliseconds() / 10),
    dev >> 8,
    dev & 0xff,
    statusByte,
  );
}
