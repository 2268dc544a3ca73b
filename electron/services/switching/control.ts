/**
 * A disconnect or reconnect (issue 9 §3), one transaction: the outcome (done, refused by the
 * customer, unsafe, meter not found), how the supply was switched and — where the meter's own
 * switch was used — the EndDeviceControl and its result; the seal applied (disconnect) or removed
 * (reconnect: that seal only, the meter's cover and terminal seals stay); the reading if one was taken (ReadingReasonKind serviceDisconnect/serviceConnect);
 * audit; and in the outbox EndDeviceControls (the control used) and EndDeviceEvents (what the
 * supply or the meter's switch did). A disconnect or reconnect not done for a reason on site
 * (customer refused, unsafe, meter not found) is the order's outcome, not something the device
 * did: it goes out as MeterServiceRequests, as every work order's outcome does (issue 20 §1).
 */
import {
  endDeviceControlType,
  endDeviceEventTypeFor,
  endDeviceTypeOfReadingTypes,
  type EndDeviceEventName,
} from '../../../shared/cim/codes/endDeviceCodes';
import type { ControlResult, SwitchAction, SwitchOutcome } from '../../../shared/domain/switching';
import { checkWindow } from '../../../shared/domain/switching';
import { AppError } from '../../../shared/contract/result';
import { requireInstaller } from '../review/roles';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import type { SaveContext, SaveReadingsRequest } from '../readings/saveReadings';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { requireSwitchOrder, summaryOf } from './orders';
import { requireSwitchMeter, requireTransition, saveSwitchReading, switchTag } from './switchRead';

export interface SwitchControlRequest {
  switchOrderId: string;
  outcome: SwitchOutcome;
  action: SwitchAction;
  controlResult?: ControlResult | undefined;
  sealNumber?: string | undefined;
  values?: SaveReadingsRequest['values'] | undefined;
  source?: 'manual' | 'optical';
  observedSerial?: string | undefined;
  /** The serial on the meter's plate, scanned or typed (switchRead.ts requireSwitchMeter). */
  meterSerial?: string | undefined;
  outOfWindowReason?: string | undefined;
  note?: string;
}

/**
 * The EndDeviceEvent of what happened to the supply (codes and sources in shared/cim/README.md):
 * switched by hand at the fuse or breaker → ManualDisconnection/ManualConnection x.15.26.68/42;
 * with the meter's own switch → x.31.26.68/42; the meter's switch did not operate →
 * DisconnectFailed/ConnectFailed x.31.26.84/67; not done for a reason on site → none (the order's
 * outcome goes as MeterServiceRequests).
 */
export function switchEventName(
  disconnecting: boolean,
  outcome: SwitchOutcome,
  action: SwitchAction,
  controlResult: ControlResult | null,
): EndDeviceEventName | null {
  if (action === 'meterSwitch' && controlResult === 'failed') return disconnecting ? 'disconnectFailed' : 'connectFailed';
  if (outcome !== 'done') return null;
  if (action === 'localSwitch') return disconnecting ? 'manualDisconnected' : 'manualConnected';
  return disconnecting ? 'remoteDisconnected' : 'remoteConnected';
}

export function recordControl(store: Store, actor: Actor, request: SwitchControlRequest, context: SaveContext) {
  const at = (context.now ?? new Date()).toISOString();
  // Switching a supply off or on is installer work, as installing a meter is; any crew member may read.
  requireInstaller(actor, 'disconnect or reconnect a supply');
  return store.mutate(actor, (change) => {
    const order = requireSwitchOrder(store, request.switchOrderId);
    const position = checkWindow(at, { start: order.windowStart, end: order.windowEnd });
    const { outcome, action } = request;
    const result = requireTransition(
      order,
      { type: 'control', outcome, action, controlResult: request.controlResult, position, outOfWindowReason: request.outOfWindowReason },
      position,
    );
    requireSwitchMeter(store, order, request.meterSerial);
    if (action === 'meterSwitch' && request.controlResult === undefined)
      throw new AppError('VALIDATION', "Say whether the meter's switch operated.", { reason: 'switchOutcomeMissing' });
    const controlResult = action === 'meterSwitch' ? (request.controlResult ?? null) : null;
    const sealNumber = outcome === 'done' ? (request.sealNumber ?? null) : null;
    const device = store.workOrders.meterAt(order.usagePointId);
    const disconnecting = order.kind === 'disconnect';
    // EndDeviceType of the meter's commodity (3 electric, 4 gas, 24 water; 0 when unknown).
    const endDeviceType = endDeviceTypeOfReadingTypes(store.meters.get(order.usagePointId)?.registers.map((r) => r.readingType) ?? []);

    const reading = request.values?.length
      ? saveSwitchReading(
          store,
          actor,
          order,
          { ...request, values: request.values },
          switchTag(order, position, request.outOfWindowReason),
          { ...context, now: new Date(at) },
        )
      : null;
    if (device && sealNumber) {
      if (disconnecting) store.workOrders.applySeals(device.id, [sealNumber], at, order.id);
      else store.switching.removeSeal(device.id, sealNumber, at);
    }
    const note = (request.note ?? '').trim();
    const reason = `${order.kind} ${outcome}${note ? `: ${note}` : ''}`;
    const common = { switchOrder: order.id, meter: device?.serialNumber ?? order.meterSerial, usagePoint: order.usagePointId, at, reason };
    const messageIds = reading ? [reading.messageId] : [];
    if (action === 'meterSwitch' && controlResult) {
      const control: OutboxPayloadInput<'switchControl'> = {
        ...common,
        controlType: endDeviceControlType(disconnecting ? 'disconnect' : 'connect', endDeviceType || 3 /* CX contactor commands use 3 */),
        result: controlResult,
      };
      messageIds.push(store.journal.enqueue('switchControl', control, { usagePointId: order.usagePointId }));
    }
    const eventName = switchEventName(disconnecting, outcome, action, controlResult);
    if (eventName) {
      const event: OutboxPayloadInput<'switchEvent'> = {
        ...common,
        eventType: endDeviceEventTypeFor(eventName, endDeviceType),
        outcome,
        action,
        controlResult,
        sealNumber,
      };
      messageIds.push(store.journal.enqueue('switchEvent', event, { usagePointId: order.usagePointId }));
    }
    if (outcome !== 'done') {
      // MeterServiceWork status: the order's new status, the outcome as its reason, the technician's note as remark.
      const outcomeReport: OutboxPayloadInput<'serviceReport'> = {
        workOrderId: order.id,
        kind: order.kind,
        meter: common.meter,
        usagePoint: order.usagePointId,
        status: result.status,
        reason: outcome,
        remark: note || `usage point ${order.usagePointId}`,
        at,
      };
      messageIds.push(store.journal.enqueue('serviceReport', outcomeReport, { verb: 'changed', usagePointId: order.usagePointId }));
    }

    store.switching.finish({
      id: order.id,
      status: result.status,
      readingSetId: reading?.readingSetId ?? null,
      readInWindow: reading ? position === 'inWindow' : null,
      notReadReason: null,
      outcome,
      action,
      controlResult,
      sealNumber,
      note,
      at,
    });
    change.audit({
      action: 'switching.control',
      entity: 'switch_order',
      entityId: order.id,
      details: { kind: order.kind, outcome, action, controlResult, sealNumber, readingSetId: reading?.readingSetId ?? null, position },
    });
    return { order: summaryOf(store, requireSwitchOrder(store, order.id)), readingSetId: reading?.readingSetId ?? null, messageIds };
  });
}
