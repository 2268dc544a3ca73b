/**
 * EndDeviceEvents in: the PAN join as the enterprise (head end) reports it after commissioning —
 * with the codes of the profile's table or of any shipped one (codes/codeTables.ts) — for a PAN device known
 * here by its EUI-64 (Assets mRID, serialNumber or Names). Once joined, the install code is no
 * longer kept. Events of other kinds for a meter known here are stored against it (storeMeterEvent);
 * the rest are counted, so the import result says so, and the message stays in the inbox.
 */
import { panJoinOutcomeIn } from '../../../shared/cim/codes/codeTables';
import { defaultIntegrationProfile, resolveCodeTable } from '../../../shared/cim/integrationProfile';
import type { EndDeviceEvents } from '../../../shared/cim/payloads';
import { checkEui64 } from '../../../shared/domain/installCode';
import { findMeter, meterKeys, reject, type Counts, type InboundContext } from './context';
import type { EndDeviceEvent } from '../../../shared/cim/payloads/endDeviceEvents';

/**
 * Any other event the enterprise reports for a meter known here (a head end's power-down, tamper,
 * …) is kept against the meter in end_device_events, marked as the enterprise's, so the crew sees
 * what the system saw; an event for a device not known here, or not a meter, is only counted.
 */
function storeMeterEvent(ctx: InboundContext, event: EndDeviceEvent): boolean {
  const device = findMeter(ctx, event.assets ?? {});
  if (!device || device.kind !== 'meter') return false;
  const details: Record<string, string> = { source: 'enterprise', messageId: ctx.messageId };
  for (const d of event.details ?? []) details[`detail:${d.name}`] = d.value ?? '';
  ctx.store.meterStatus.recordEvent(device.id, {
    eventType: event.eventType,
    createdAt: event.createdDateTime,
    reason: event.reason ?? '',
    details,
  });
  return true;
}

export function applyPanJoinEvents(ctx: InboundContext, payload: EndDeviceEvents): Counts {
  const counts: Counts = { panJoined: 0, panJoinFailed: 0, eventsNotImported: 0 };
  if (payload.endDeviceEvents.length === 0) reject(ctx, 'emptyPayload', { noun: 'EndDeviceEvents', element: 'EndDeviceEvent' });
  const table = resolveCodeTable((ctx.profile ?? defaultIntegrationProfile).codeTable);
  for (const event of payload.endDeviceEvents) {
    const outcome = panJoinOutcomeIn(table, event.eventType);
    if (!outcome) {
      if (storeMeterEvent(ctx, event))
        counts.meterEventsStored = (counts.meterEventsStored ?? 0) + 1; // named only when it happened
      else counts.eventsNotImported = (counts.eventsNotImported ?? 0) + 1;
      continue;
    }
    const keys = meterKeys(event.assets ?? {});
    const eui = keys.map((k) => checkEui64(k)).find((c) => c.valid);
    if (!eui?.valid)
      reject(
        ctx,
        'badValue',
        { field: `EndDeviceEvent ${event.eventType}: Assets`, value: keys.join(' / '), expected: 'eui64' },
        event.eventType,
      );
    const device = ctx.store.workOrders.deviceBySerial(eui.eui64);
    if (!device || device.kind !== 'pan') reject(ctx, 'unknownPanDevice', { eui64: eui.eui64 }, keys[0]);
    if (!ctx.store.workOrders.setJoinStatus(device.id, outcome)) {
      reject(ctx, 'panDecommissioned', { eui64: eui.eui64 }, keys[0]);
    }
    ctx.change.audit({
      action: 'pan.join',
      entity: 'end_device',
      entityId: eui.eui64,
      details: { outcome, eventType: event.eventType, at: event.createdDateTime, messageId: ctx.messageId },
    });
    if (outcome === 'joined') counts.panJoined = (counts.panJoined ?? 0) + 1;
    else counts.panJoinFailed = (counts.panJoinFailed ?? 0) + 1;
  }
  return counts;
}
