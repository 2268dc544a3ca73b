/**
 * Setting a DLMS meter's clock (Clock class 8, attribute 2 SET; Blue Book §4.5.1), as a plan for
 * ./modeESession: the serial first (Data 0-0:96.1.0.255) and nothing written when it is not the
 * expected meter's; the clock read before, written with the meter's own deviation (so the meter
 * keeps its time zone), and read again to verify. The outcome says which step stopped it.
 */
import type { CosemResponse, ReadPlan } from './cosemRequest';
import { bytesOf, octets, type DlmsValue } from './dataTypes';
import { dateTimeEpoch, encodeDateTime, parseDateTime } from './dateTime';
import { CLOCK, get, ln, SERIAL_NUMBER } from './meterReadPlan';

export type ClockSetOutcome =
  | {
      readonly step: 'done';
      readonly beforeMs: number;
      readonly afterMs: number;
      readonly writtenMs: number;
      readonly hostBeforeMs: number;
      readonly hostAfterMs: number;
    }
  | { readonly step: 'serialMismatch'; readonly observed: string | null }
  | { readonly step: 'clockUnreadable' | 'refused' | 'notVerified'; readonly accessResult?: number };

export function serialOf(value: DlmsValue | null): string | null {
  if (!value) return null;
  if (value.type === 'visible-string' || value.type === 'utf8-string') return value.text.trim();
  const bytes = bytesOf(value);
  return bytes ? new TextDecoder('latin1').decode(bytes).trim() : null;
}

function clockOf(response: CosemResponse): { epoch: number; deviation: number } | null {
  const bytes = response.ok ? bytesOf(response.value ?? undefined) : null;
  if (!bytes || bytes.length !== 12) return null;
  const dt = parseDateTime(bytes);
  const epoch = dateTimeEpoch(dt);
  return epoch === null ? null : { epoch, deviation: dt.deviation ?? 0 };
}

/**
 * `serialMatches` decides whether the meter at the probe is the one to program (the caller's
 * rule: shared/domain/readingValidation serialMatches). `now` is the host clock (injected).
 * The outcome is written into `outcome.value` when the plan ends.
 */
export function* clockSetPlan(
  serialMatches: (observed: string | null) => boolean,
  now: () => number,
  outcome: { value: ClockSetOutcome | null },
): ReadPlan {
  const serial = yield get(1, SERIAL_NUMBER, 2);
  const observed = serial.ok ? serialOf(serial.value) : null;
  if (!serialMatches(observed)) return void (outcome.value = { step: 'serialMismatch', observed });
  const before = yield get(8, CLOCK, 2);
  const was = clockOf(before);
  if (!was) return void (outcome.value = { step: 'clockUnreadable', ...(before.ok ? {} : { accessResult: before.accessResult }) });
  const writtenMs = now();
  const set = yield {
    kind: 'set',
    reference: { classId: 8, logicalName: ln(CLOCK), index: 2 },
    value: octets(encodeDateTime(writtenMs, was.deviation)),
  };
  if (!set.ok) return void (outcome.value = { step: 'refused', accessResult: set.accessResult });
  const after = yield get(8, CLOCK, 2);
  const is = clockOf(after);
  // Verified when the meter's time now follows the host's within 2 s (it counts whole seconds).
  if (!is || Math.abs(is.epoch - after.at) > 2000) return void (outcome.value = { step: 'notVerified' });
  outcome.value = { step: 'done', beforeMs: was.epoch, afterMs: is.epoch, writtenMs, hostBeforeMs: before.at, hostAfterMs: after.at };
}
