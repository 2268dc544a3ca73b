/**
 * Power failures a meter counts and logs, as the enterprise is told of them (issue 20 §1):
 *
 * - **Counters.** IEC 62056-61 C.7.0 (all phases) and C.7.1–3 (L1–L3), and DSMR 5.0.2 §6.12
 *   0-0:96.7.21 "number of power failures in any phase" and 0-0:96.7.9 "number of long power
 *   failures in any phase". A counter that rose since the last report goes out as a *count
 *   reading* (MeterReadings): the meter's own count, not an event dated at the visit — we cannot
 *   tell when those outages were.
 * - **Event log.** DSMR 5.0.2 §6.12 1-0:99.97.0 "power failure event log (long power failures)":
 *   `(n)(0-0:96.7.19)` then per failure the time it *ended* (`YYMMDDhhmmssX`, X = S summer / W
 *   winter time) and its duration `(…*s)`. Each logged failure goes out as a power-down event at its
 *   start and a power-up event at its end — the meter's own times, never the visit's.
 *
 * ReadingType (18 fields, NOTES.md §6): bulkQuantity (1) electricity (1), MeasurementKind
 * powerOutage 136 or ieee1366SustainedInterruption 128 (CBO `MeasurementKind`), unit count 111
 * (61968-9 UnitSymbol), per-phase counters with PhaseCode A/B/C 128/64/32.
 */
import { endDeviceEventTypeFor } from './endDeviceCodes';

interface CounterKind {
  /** MeasurementKind: 136 powerOutage; 128 ieee1366SustainedInterruption for DSMR's "long" failures. */
  readonly measurementKind: number;
  /** PhaseCode (0 = all phases). */
  readonly phase: number;
  readonly meaning: string;
}

const COUNT_UNIT = 111; // UnitSymbol "count"
const MEASUREMENT_KIND_POWER_OUTAGE = 136;
const MEASUREMENT_KIND_SUSTAINED_INTERRUPTION = 128;

/** The counters by their reduced OBIS `C.D.E` (C = 96 is written `C` in IEC 62056-21 readouts). */
const counters: Readonly<Record<string, CounterKind>> = {
  '96.7.0': { measurementKind: MEASUREMENT_KIND_POWER_OUTAGE, phase: 0, meaning: 'power failures, all phases' },
  '96.7.1': { measurementKind: MEASUREMENT_KIND_POWER_OUTAGE, phase: 128, meaning: 'power failures, L1' },
  '96.7.2': { measurementKind: MEASUREMENT_KIND_POWER_OUTAGE, phase: 64, meaning: 'power failures, L2' },
  '96.7.3': { measurementKind: MEASUREMENT_KIND_POWER_OUTAGE, phase: 32, meaning: 'power failures, L3' },
  '96.7.21': { measurementKind: MEASUREMENT_KIND_POWER_OUTAGE, phase: 0, meaning: 'power failures in any phase (DSMR)' },
  // DSMR's "long" failure lasts longer than the meter's threshold (3 minutes by default): the
  // nearest published kind is the sustained interruption of IEEE 1366 (which says 5 minutes).
  '96.7.9': { measurementKind: MEASUREMENT_KIND_SUSTAINED_INTERRUPTION, phase: 0, meaning: 'long power failures in any phase (DSMR)' },
};

/** `C.7.0`, `96.7.21`, `0-0:96.7.21`, `0-0:96.7.21.255`, `0-0:96.7.21*255` → `96.7.21`; null when it is no counter. */
export function powerFailCounterKey(obis: string): string | null {
  const m = /^(?:0-0:)?(C|96)\.7\.(\d{1,2})(?:[.*]255)?$/.exec(obis.trim());
  if (!m) return null;
  const key = `96.7.${Number(m[2])}`;
  return key in counters ? key : null;
}

/** The count ReadingType of a power-failure counter (by its key), e.g. `0.0.0.1.0.1.136.0.0.0.0.0.0.0.0.0.111.0`. */
export function powerFailCountReadingType(key: string): string | null {
  const kind = counters[key];
  if (!kind) return null;
  return [0, 0, 0, 1, 0, 1, kind.measurementKind, 0, 0, 0, 0, 0, 0, 0, kind.phase, 0, COUNT_UNIT, 0].join('.');
}

export interface CountReading {
  readonly readingType: string;
  readonly value: string;
  readonly counter: string;
  readonly comment: string;
}

/**
 * Count readings for the counters that rose since the last report (keys as `powerFailCounterKey`
 * gives them, values as the meter sent them). A first read, an equal counter or one that went down
 * (reset in the meter) sends nothing: a rise is what the enterprise needs, and only a rise is new.
 */
export function powerFailCountReadings(
  previous: Readonly<Record<string, string>> | null,
  current: Readonly<Record<string, string>>,
): CountReading[] {
  if (!previous) return [];
  const out: CountReading[] = [];
  for (const [obis, text] of Object.entries(current)) {
    const key = powerFailCounterKey(obis);
    const was = previous[obis];
    const readingType = key ? powerFailCountReadingType(key) : null;
    if (!key || !readingType || was === undefined) continue;
    const rise = Number(text) - Number(was);
    if (!(rise > 0)) continue;
    out.push({
      readingType,
      value: String(Number(text)),
      counter: obis,
      comment: `${counters[key]!.meaning}: ${obis} rose by ${rise} (from ${Number(was)} to ${Number(text)}) since the last report`,
    });
  }
  return out;
}

/** One failure of the meter's log, as instants (ISO 8601, UTC). */
export interface LoggedPowerFailure {
  readonly start: string;
  readonly end: string;
  readonly durationS: number;
}

/**
 * A DSMR timestamp `YYMMDDhhmmssX` → ISO instant. DSMR meters keep Dutch local time: X = W is
 * winter (UTC+1), S summer (UTC+2) — the TST format of DSMR 5.0.2 P1. `standardOffsetMinutes` lets a meter
 * in another zone be read. Null when it is no valid timestamp.
 */
export function dsmrTimestamp(text: string, standardOffsetMinutes = 60): string | null {
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([SW])$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const offset = standardOffsetMinutes + (m[7] === 'S' ? 60 : 0);
  return new Date(Date.UTC(2000 + year, month - 1, day, hour, minute, second) - offset * 60_000).toISOString();
}

/**
 * The failures of a 1-0:99.97.0 log, values as parsed from the line: `(n)(0-0:96.7.19)` then
 * `(end)(duration*s)` pairs. Entries that do not read are left out; the count the meter gives is
 * an upper bound (meters keep the last 10).
 */
export function parsePowerFailureLog(
  values: readonly { value: string; unit?: string | null }[],
  standardOffsetMinutes = 60,
): LoggedPowerFailure[] {
  const failures: LoggedPowerFailure[] = [];
  const count = Number(values[0]?.value ?? '0');
  for (let i = 2; i + 1 < values.length && failures.length < count; i += 2) {
    const end = dsmrTimestamp(values[i]!.value, standardOffsetMinutes);
    const duration = values[i + 1]!;
    const durationS = Number(duration.value);
    if (!end || !/^\d+$/.test(duration.value) || (typeof duration.unit === 'string' && duration.unit.toLowerCase() !== 's')) continue;
    failures.push({ start: new Date(Date.parse(end) - durationS * 1000).toISOString(), end, durationS });
  }
  return failures;
}

export interface LoggedFailureEvent {
  readonly name: 'powerDown' | 'powerUp';
  readonly eventType: string;
  /** The meter's own time of the event: the start (down) or end (up) of the failure. */
  readonly createdDateTime: string;
  readonly reason: string;
  readonly details: readonly { name: string; value: string }[];
}

/**
 * A power-down and a power-up event (EDETF getPowerDown/PowerUpEventType x.26.38.85 / x.26.38.49)
 * for every logged failure not in the log already reported, dated by the meter.
 */
export function powerFailureLogEvents(
  reported: readonly LoggedPowerFailure[],
  current: readonly LoggedPowerFailure[],
  endDeviceType = 3,
): LoggedFailureEvent[] {
  const known = new Set(reported.map((f) => f.end));
  const events: LoggedFailureEvent[] = [];
  for (const f of [...current].sort((a, b) => a.end.localeCompare(b.end))) {
    if (known.has(f.end)) continue;
    const details = [
      { name: '1-0:99.97.0', value: f.end },
      { name: 'durationS', value: String(f.durationS) },
    ];
    const reason = `Power failure of ${f.durationS} s in the meter's log (1-0:99.97.0)`;
    events.push({
      name: 'powerDown',
      eventType: endDeviceEventTypeFor('powerDown', endDeviceType),
      createdDateTime: f.start,
      reason,
      details,
    });
    events.push({ name: 'powerUp', eventType: endDeviceEventTypeFor('powerUp', endDeviceType), createdDateTime: f.end, reason, details });
  }
  return events;
}
