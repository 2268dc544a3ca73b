/**
 * EndDeviceEvents in: the PAN join as the enterprise (head end) reports it after commissioning —
 * with the codes of the profile's table or of any shipped one (codes/codeTables.ts) — for a PAN device known
 * here by its EUI-64 (Assets mRID, serialNumber or Names). Once joined, the install code is no
 * longer kept. Events of other kinds are not imported here; they are counted, so the import result
 * says so, and the message stays in the inbox.
 */
import { panJoinOutcomeIn } from '../../../shared/cim/codes/codeTables';
import { defaultIntegrationProfile, resolveCodeTable } from '../../../shared/cim/integrationProfile';
import type { EndDeviceEvents } from '../../../shared/cim/payloads';
import { checkEui64 } from '../../../shared/domain/installCode';
import { meterKeys, reject, type Counts, type InboundContext } from './context';

export function applyPanJoinEvents(ctx: InboundContext, payload: EndDeviceEvents): Counts {
  const counts = { panJoined: 0, panJoinFailed: 0, eventsNotImported: 0 };
  if (payload.endDeviceEvents.length === 0) reject(ctx, 'EndDeviceEvents holds no EndDeviceEvent');
  const table = resolveCodeTable((ctx.profile ?? defaultIntegrationProfile).codeTable);
  for (const event of payload.endDeviceEvents) {
    const outcome = panJoinOutcomeIn(table, event.eventType);
    if (!outcome) {
      counts.eventsNotImported++;
      continue;
    }
    const keys = meterKeys(event.assets ?? {});
    const eui = keys.map((k) => checkEui64(k)).find((c) => c.valid);
    if (!eui?.valid) reject(ctx, `EndDeviceEvent ${event.eventType}: Assets must name the PAN device by its EUI-64 (16 hex digits)`, event.eventType);
    const device = ctx.store.workOrders.deviceBySerial(eui.eui64);
    if (!device || device.kind !== 'pan') reject(ctx, `PAN device ${eui.eui64} is not known on this device`, keys[0]);
    if (!ctx.store.workOrders.setJoinStatus(device.id, outcome)) {
      reject(ctx, `PAN device ${eui.eui64} is decommissioned on this device; its join status no longer changes`, keys[0]);
    }
    ctx.store.journal.audit(ctx.actor, { action: 'pan.join', entity: 'end_device', entityId: eui.eui64, details: { outcome, eventType: event.eventType, at: event.createdDateTime, messageId: ctx.messageId } });
    if (outcome === 'joined') counts.panJoined++;
    else counts.panJoinFailed++;
  }
  return counts;
}
