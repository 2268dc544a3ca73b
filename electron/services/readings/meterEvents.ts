/**
 * A meter's events for its history screen: each code named through the integration profile's code
 * table (codeTables.ts eventNameIn), so the screen can say it in words and show the code beside.
 */
import { eventNameIn, IEC_61968_9_TABLE, type CodeTable } from '../../../shared/cim/codes/codeTables';
import { resolveCodeTable } from '../../../shared/cim/integrationProfile';
import { meterAlarmKinds, type MeterAlarmKind } from '../../../shared/mbus/alarms';
import { AppError } from '../../../shared/contract/result';
import type { Store } from '../store';
import { storedProfile } from '../sync/profileFile';

export function meterEvents(store: Store, usagePointId: string, limit: number) {
  let table: CodeTable;
  try {
    table = resolveCodeTable(storedProfile(store).codeTable);
  } catch (error) {
    // A stored profile that no longer passes stops a sync run; the history still names what the shipped tables know.
    if (!(error instanceof AppError)) throw error;
    table = IEC_61968_9_TABLE;
  }
  return store.endDevices.eventsAt(usagePointId, limit).map((e) => ({
    id: e.id,
    eventType: e.event_type,
    name: eventNameIn(table, e.event_type),
    alarm: meterAlarmKinds.includes(e.mbus_alarm as MeterAlarmKind) ? (e.mbus_alarm as MeterAlarmKind) : null,
    createdAt: e.created_at,
    reason: e.reason,
    fromEnterprise: e.source === 'enterprise',
  }));
}
