/**
 * What a meter's health registers, read through the optical probe, tell the enterprise as
 * EndDeviceEvents (NOTES.md §7): the error register F.F, the status word C.5.0 and the
 * power-failure log (DSMR 1-0:99.97.0). Each read is compared with the last one already reported
 * for the meter, so a visit reports what happened since the last one: a status bit that was raised
 * (or a tamper that cleared), an error register that became non-zero or changed, a logged failure
 * not reported yet (dated by the meter). The power-fail counters (C.7.x, DSMR 96.7.21 / 96.7.9) are
 * kept here too, but a rise goes out as a count reading (./powerFailures), not as an event dated at
 * the visit: we cannot tell when those outages were.
 */
import { endDeviceEventTypeFor, type EndDeviceEventName } from './endDeviceCodes';
import { parsePowerFailureLog, powerFailCounterKey, powerFailureLogEvents, type LoggedPowerFailure } from './powerFailures';

export interface MeterStatus {
  /** F.F as the meter sent it (hex digits), or null when not read. */
  readonly errorRegister: string | null;
  /** C.5.0 as the meter sent it (hex digits), or null when not read. */
  readonly statusWord: string | null;
  /** Counter → count as sent, e.g. `{ "C.7.0": "0003", "0-0:96.7.21": "00004" }`. */
  readonly powerFailCounters: Readonly<Record<string, string>>;
  /** The meter's power-failure log (DSMR 1-0:99.97.0); empty when it keeps none. */
  readonly powerFailureLog?: readonly LoggedPowerFailure[];
}

export interface StatusBitEvent {
  readonly bit: number;
  readonly event: EndDeviceEventName;
  readonly clearedEvent?: EndDeviceEventName;
  readonly meaning: string;
}

export interface DerivedEvent {
  readonly name: EndDeviceEventName;
  readonly eventType: string;
  readonly reason: string;
  readonly details: readonly { name: string; value: string }[];
  /** The meter's own time of the event (a logged failure); absent: the time of the read. */
  readonly createdDateTime?: string;
}

const ERROR_REGISTER = 'F.F';
const STATUS_WORD = 'C.5.0';
const POWER_FAILURE_LOG = /^(?:1-0:)?99\.97\.0(?:[.*]255)?$/;

/** The health registers among a readout's data sets; null when the meter sent none of them. */
export function meterStatusOf(
  dataSets: readonly { obis: string; values: readonly { value: string; unit?: string | null }[] }[],
): MeterStatus | null {
  const first = (obis: string) => dataSets.find((d) => d.obis === obis)?.values[0]?.value.trim() ?? null;
  const powerFailCounters: Record<string, string> = {};
  let powerFailureLog: LoggedPowerFailure[] = [];
  for (const d of dataSets) {
    const value = d.values[0]?.value.trim();
    if (powerFailCounterKey(d.obis) && value && /^\d+$/.test(value)) powerFailCounters[d.obis] = value;
    if (POWER_FAILURE_LOG.test(d.obis)) powerFailureLog = parsePowerFailureLog(d.values);
  }
  const status = { errorRegister: first(ERROR_REGISTER), statusWord: first(STATUS_WORD), powerFailCounters, powerFailureLog };
  return status.errorRegister === null &&
    status.statusWord === null &&
    Object.keys(powerFailCounters).length === 0 &&
    powerFailureLog.length === 0
    ? null
    : status;
}

/** True when the error register holds a fault (any digit other than 0). */
export const errorRegisterSet = (value: string | null): boolean => value !== null && /[1-9a-f]/i.test(value);

function bitsOf(word: string | null): bigint | null {
  if (word === null || !/^[0-9a-f]{1,16}$/i.test(word)) return null;
  return BigInt(`0x${word}`);
}

/**
 * `endDeviceType` 3 (ElectricMeter): these registers come through the IEC 62056-21 optical port,
 * whose OBIS mapping is electricity only (A = 1); a caller reading another commodity passes its type.
 */
export function statusEvents(
  previous: MeterStatus | null,
  current: MeterStatus,
  statusBits: readonly StatusBitEvent[],
  endDeviceType = 3,
): DerivedEvent[] {
  const event = (name: EndDeviceEventName, reason: string, details: DerivedEvent['details']): DerivedEvent => ({
    name,
    eventType: endDeviceEventTypeFor(name, endDeviceType),
    reason,
    details,
  });
  const events: DerivedEvent[] = [];
  const error = current.errorRegister;
  if (errorRegisterSet(error) && error !== previous?.errorRegister) {
    // F.F is the fatal error register: CX getFatalErrorEventType (x.0.43.79), not a composed code.
    events.push(event('fatalError', `Error register F.F reads ${error}`, [{ name: ERROR_REGISTER, value: error! }]));
  }

  const now = bitsOf(current.statusWord);
  const before = bitsOf(previous?.statusWord ?? null) ?? 0n;
  if (now !== null) {
    for (const b of statusBits) {
      const mask = 1n << BigInt(b.bit);
      const details = [{ name: STATUS_WORD, value: current.statusWord! }];
      if (now & mask && !(before & mask)) events.push(event(b.event, `Status word C.5.0 bit ${b.bit}: ${b.meaning}`, details));
      if (b.clearedEvent && !(now & mask) && before & mask)
        events.push(event(b.clearedEvent, `Status word C.5.0 bit ${b.bit} cleared: ${b.meaning}`, details));
    }
  }

  // Logged failures carry the meter's own times (DSMR 1-0:99.97.0); counters go out as count readings.
  for (const e of powerFailureLogEvents(previous?.powerFailureLog ?? [], current.powerFailureLog ?? [], endDeviceType))
    events.push({ ...e });
  return events;
}
