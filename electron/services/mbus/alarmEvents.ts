/**
 * An M-Bus meter's alarms told once per onset (issue 23 §4): the keys of the alarms the meter
 * raised in the telegram last reported are kept per meter (setting `mbus.alarmMarks.<serial>`); a
 * saved reading's alarms not among them are recorded in end_device_events and queued as one
 * EndDeviceEvents message (kind meterStatusEvents) at the time the meter was heard or read. An
 * alarm still raised is not sent again; one that cleared and comes back is. Written in the
 * caller's transaction, with the reading: a refused save queues nothing and moves no mark. An alarm
 * whose end has a published code (tamper → tamper cleared) is told again when it is no longer raised.
 */
import { z } from 'zod';
import { mbusAlarmClearedEvent, mbusAlarmEvent } from '../../../shared/cim/codes/mbusAlarmEvents';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import { alarmOnsets, endEvidence, type AlarmSourceRead, type MeterAlarm } from '../../../shared/mbus/alarms';
import type { Store } from '../store';

const marksSchema = z.array(z.string());
const settingKey = (meterSerial: string) => `mbus.alarmMarks.${meterSerial}`;

export const alarmMarks = (store: Store, meterSerial: string): string[] => store.settings.getJson(settingKey(meterSerial), marksSchema, []);

export interface MeterAlarmsAt {
  readonly alarms: readonly MeterAlarm[];
  /** The flag sources the telegram carried (alarmSources): only those can show an alarm ended. */
  readonly sources: readonly AlarmSourceRead[];
  /** The meter's EndDeviceType for the published codes (endDeviceTypeOfMbus). */
  readonly endDeviceType: number;
}

/** Queues the onsets among `alarms` and the published ends; returns the MessageID, or null when nothing is new. */
export function queueMeterAlarms(
  store: Store,
  meter: { readonly deviceId: number; readonly meterSerial: string; readonly usagePointId: string },
  { alarms, sources, endDeviceType }: MeterAlarmsAt,
  at: string,
): string | null {
  const { onsets, cleared, raised } = alarmOnsets(alarms, alarmMarks(store, meter.meterSerial), sources);
  store.settings.set(settingKey(meter.meterSerial), JSON.stringify(raised));
  const events = [
    ...onsets.map((alarm) => mbusAlarmEvent(alarm, endDeviceType)),
    ...cleared.flatMap((key) => mbusAlarmClearedEvent(key, endDeviceType, endEvidence(key, sources)) ?? []),
  ];
  if (events.length === 0) return null;
  for (const e of events)
    store.meterStatus.recordEvent(meter.deviceId, {
      eventType: e.eventType,
      createdAt: at,
      reason: e.reason,
      details: Object.fromEntries(e.details.map((d) => [d.name, d.value])),
    });
  const payload: OutboxPayloadInput<'meterStatusEvents'> = {
    meter: meter.meterSerial,
    usagePoint: meter.usagePointId,
    events: events.map((e) => ({
      eventType: e.eventType,
      createdDateTime: at,
      reason: e.reason,
      details: e.details.map((d) => ({ ...d })),
    })),
  };
  return store.journal.enqueue('meterStatusEvents', payload, { usagePointId: meter.usagePointId });
}
