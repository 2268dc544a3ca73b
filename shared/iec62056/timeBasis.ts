/**
 * The time basis of a meter's clock (a per-model fact, ./meterModels `clock.timeBasis`): UTC, local
 * standard time all year, or local time with daylight saving (IEC 62056-62 Clock: time zone
 * deviation and DST status are set per meter). Converts between an instant and the wall-clock fields
 * the meter shows, in an IANA time zone, including the hour daylight saving skips or repeats.
 */
import { clockEpoch, clockFields, type ClockFields, type TimeBasis } from './meterModels';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin: +60 in winter, +120 in summer). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(epochMs).find((p) => p.type === type)?.value ?? 0);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((shown - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The zone's standard (winter) offset in the year of the instant: the smaller of January's and July's. */
export function standardOffsetMinutes(epochMs: number, timeZone: string): number {
  const year = new Date(epochMs).getUTCFullYear();
  return Math.min(zoneOffsetMinutes(Date.UTC(year, 0, 1), timeZone), zoneOffsetMinutes(Date.UTC(year, 6, 1), timeZone));
}

/** The meter's offset from UTC at an instant, for its time basis. */
export function meterOffsetMinutes(epochMs: number, basis: TimeBasis, timeZone: string): number {
  if (basis === 'utc') return 0;
  return basis === 'localStandard' ? standardOffsetMinutes(epochMs, timeZone) : zoneOffsetMinutes(epochMs, timeZone);
}

/** What a meter with this time basis shows at an instant (what clock set writes). */
export function meterClockFields(epochMs: number, basis: TimeBasis, timeZone: string): ClockFields {
  return clockFields(epochMs, meterOffsetMinutes(epochMs, basis, timeZone));
}

/**
 * The instant a meter's fields stand for. With daylight saving the repeated hour of the autumn
 * change has two instants: the one nearer `reference` (when we read the clock) is taken. A time in
 * the hour skipped in spring cannot be shown by a meter that keeps DST; it is read as standard time.
 */
export function meterClockEpoch(fields: ClockFields, basis: TimeBasis, timeZone: string, reference: number): number {
  if (basis === 'utc') return clockEpoch(fields, 0);
  const standard = clockEpoch(fields, standardOffsetMinutes(reference, timeZone));
  if (basis === 'localStandard') return standard;
  const year = fields.year;
  const offsets = new Set([zoneOffsetMinutes(Date.UTC(year, 0, 1), timeZone), zoneOffsetMinutes(Date.UTC(year, 6, 1), timeZone)]);
  const candidates = [...offsets]
    .map((offset) => clockEpoch(fields, offset))
    .filter((epoch) => {
      const shown = meterClockFields(epoch, 'localDst', timeZone);
      return shown.hour === fields.hour && shown.minute === fields.minute && shown.day === fields.day;
    });
  if (candidates.length === 0) return standard;
  return candidates.reduce((best, epoch) => (Math.abs(epoch - reference) < Math.abs(best - reference) ? epoch : best));
}
