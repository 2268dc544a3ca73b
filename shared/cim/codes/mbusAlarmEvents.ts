/**
 * An M-Bus meter's alarms (shared/mbus/alarms.ts) as EndDeviceEventTypes: the published 61968-9
 * code (endDeviceCodes.ts, each with its Connexo source) where one means the same event, with the
 * meter's device type; otherwise NA 0.0.0.0 with the raw flags in the event's details — never a
 * guessed code, as the DLMS event log does (shared/dlms/eventLog.ts).
 *
 * - power low → battery low (2.22.150): a radio meter's power is its battery;
 * - permanent error → fatal error (0.43.79): the meter needs service (EN 13757-3 "permanent error");
 * - "abnormal situation" (status bits 0–1 = 11) → meter alarm (11.46.79);
 * - Kamstrup reverse flow → reverse flow (0.48.219), burst (flow above the meter's burst limit) →
 *   flow above limit (21.48.93);
 * - tamper (a maker's tamper flag, manufacturerAlarms.ts) → tamper detected (12.43.257); when the
 *   flag is no longer raised, tamper cleared (12.43.291), the one alarm whose end has a published
 *   code of its own;
 * - application error, temporary error, leak, dry and every error-flags bit (its meaning is the
 *   manufacturer's): no published code was found → 0.0.0.0.
 */
import { alarmKindOfKey, type MeterAlarm, type MeterAlarmKind } from '../../mbus/alarms';
import type { DeviceType } from '../../mbus/identity';
import { endDeviceEventTypeFor, endDeviceTypeOfCommodity, type EndDeviceEventName } from './endDeviceCodes';
import { commodityOfDeviceType } from './mbusReadingTypes';

/** Sent when no published code means the event: the raw flags go in its details. */
export const UNMAPPED_EVENT_TYPE = '0.0.0.0';

const published: Readonly<Partial<Record<MeterAlarmKind, EndDeviceEventName>>> = {
  powerLow: 'batteryLow',
  permanentError: 'fatalError',
  alarm: 'meterAlarm',
  backflow: 'reverseFlow',
  burst: 'flowAboveLimit',
  tamper: 'tamperDetected',
};

/** The alarms whose end is an event of its own (CX getTamperClearedEventType); the others just stop being raised. */
const publishedCleared: Readonly<Partial<Record<MeterAlarmKind, EndDeviceEventName>>> = {
  tamper: 'tamperCleared',
};

/** The EndDeviceType of an M-Bus meter (water 24, gas 4, electricity 3; a heat meter has none: 0). */
export const endDeviceTypeOfMbus = (deviceType: DeviceType | null): number => endDeviceTypeOfCommodity(commodityOfDeviceType(deviceType));

export function mbusAlarmEventType(kind: MeterAlarmKind, endDeviceType: number): string {
  const name = published[kind];
  return name ? endDeviceEventTypeFor(name, endDeviceType) : UNMAPPED_EVENT_TYPE;
}

export interface MbusAlarmEvent {
  readonly eventType: string;
  readonly reason: string;
  readonly details: readonly { readonly name: string; readonly value: string }[];
}

/** One EndDeviceEvent for an alarm's onset; the alarm's kind always travels in its details. */
export function mbusAlarmEvent(alarm: MeterAlarm, endDeviceType: number): MbusAlarmEvent {
  return {
    eventType: mbusAlarmEventType(alarm.kind, endDeviceType),
    reason: `M-Bus ${alarm.kind}`,
    details: [{ name: 'mbusAlarm', value: alarm.kind }, ...alarm.details],
  };
}

/**
 * The event for an alarm no longer raised (a key from alarmOnsets' `cleared`), or null when its end
 * has no published code. Its kind travels as mbusAlarmCleared, so the history never says the
 * alarm's own words for its end; `evidence` is the raw flags that showed it ended (alarms.ts endEvidence).
 */
export function mbusAlarmClearedEvent(
  key: string,
  endDeviceType: number,
  evidence: readonly { readonly name: string; readonly value: string }[] = [],
): MbusAlarmEvent | null {
  const kind = alarmKindOfKey(key);
  const name = kind ? publishedCleared[kind] : undefined;
  if (!kind || !name) return null;
  return {
    eventType: endDeviceEventTypeFor(name, endDeviceType),
    reason: `M-Bus ${kind} cleared`,
    details: [{ name: 'mbusAlarmCleared', value: kind }, ...evidence],
  };
}
