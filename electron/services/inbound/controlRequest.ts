/**
 * EndDeviceControls in (issue 7: "EndDeviceControls to execute"): the enterprise asks the field
 * to carry out a control on a meter. What a crew can do there through the optical port — set the
 * clock (x.36.116.13, or any published clock code) and reset the maximum demand (x.8.0.214) — becomes an open request at the
 * meter's usage point, shown at the meter and answered by the installer's time sync or demand
 * reset of that meter (its CreatedEndDeviceControls carries this message's MessageID as
 * CorrelationID). Any other control (a remote disconnect is the head-end's, a PAN control the
 * meter's) is refused with the reason, and so is the whole message. A cancel names the controls
 * by their mRID and closes what is still open of them.
 */
import { CLOCK_SET_CODES, endDeviceControlType } from '../../../shared/cim/codes/endDeviceCodes';
import type { EndDeviceControls } from '../../../shared/cim/payloads';
import type { EndDeviceControl } from '../../../shared/cim/payloads/endDeviceControls';
import type { ControlOperation } from '../store/repositories/controlRequests';
import { reject, requireInstalledMeter, requireUsagePoint, type Counts, type InboundContext } from './context';

/** The controls a field visit carries out, by `domain.subDomain.eventOrAction` (any device type). */
const FIELD_CONTROLS: Readonly<Record<string, ControlOperation>> = {
  // Any published clock code asks for a clock set (see CLOCK_SET_CODES for the sources).
  ...Object.fromEntries(CLOCK_SET_CODES.map((code) => [code, 'timeSync' as const])),
  [endDeviceControlType('demandReset').slice(2)]: 'demandReset',
};

function operationOf(ctx: InboundContext, control: EndDeviceControl): ControlOperation {
  const code = control.controlType.trim();
  const operation = FIELD_CONTROLS[code.split('.').slice(1).join('.')];
  if (operation) return operation;
  return reject(
    ctx,
    'controlNotInField',
    { controlType: code, clockSet: endDeviceControlType('clockSet'), demandReset: endDeviceControlType('demandReset') },
    code,
  );
}

/** The installed meters a control names: its EndDevices, else the meter at each of its UsagePoints. */
function metersOf(ctx: InboundContext, control: EndDeviceControl): { serial: string; usagePointId: string }[] {
  const found = new Map<string, { serial: string; usagePointId: string }>();
  for (const device of control.endDevices ?? []) {
    if (device.isPan) reject(ctx, 'panControl', { device: device.mRID ?? device.serialNumber ?? '' }, device.mRID ?? device.serialNumber);
    const meter = requireInstalledMeter(ctx, device, 'EndDevice');
    found.set(meter.serialNumber, { serial: meter.serialNumber, usagePointId: meter.usagePointId });
  }
  for (const ref of control.usagePoints ?? []) {
    const usagePointId = requireUsagePoint(ctx, ref);
    const meter = ctx.store.workOrders.meterAt(usagePointId);
    if (!meter) reject(ctx, 'noMeterAtUsagePoint', { usagePointId }, usagePointId);
    found.set(meter.serialNumber, { serial: meter.serialNumber, usagePointId });
  }
  if (found.size === 0)
    reject(ctx, 'noTarget', { element: 'EndDeviceControl', id: control.mRID ?? control.controlType }, control.mRID ?? control.controlType);
  return [...found.values()];
}

export function applyControlRequests(ctx: InboundContext, verb: string, payload: EndDeviceControls): Counts {
  if (payload.endDeviceControls.length === 0) reject(ctx, 'emptyPayload', { noun: 'EndDeviceControls', element: 'EndDeviceControl' });
  if (verb === 'cancel' || verb === 'canceled') {
    const counts = { controlRequestsCancelled: 0, controlRequestsAlreadyClosed: 0 };
    for (const control of payload.endDeviceControls) {
      const mRID = control.mRID?.trim();
      if (!mRID) reject(ctx, 'missingField', { element: 'EndDeviceControl', field: 'mRID' });
      if (!ctx.store.controlRequests.isKnown(mRID))
        reject(ctx, 'unknownTarget', { element: 'EndDeviceControl', id: mRID, action: 'cancel' }, mRID);
      const closed = ctx.store.controlRequests.cancel(mRID, ctx.at);
      if (closed > 0) counts.controlRequestsCancelled += closed;
      else counts.controlRequestsAlreadyClosed++;
    }
    return counts;
  }
  const counts = { controlRequestsAdded: 0, controlRequestsKnown: 0 };
  for (const control of payload.endDeviceControls) {
    const operation = operationOf(ctx, control);
    for (const meter of metersOf(ctx, control)) {
      const added = ctx.store.controlRequests.add({
        messageId: ctx.messageId,
        controlMrid: control.mRID?.trim() || null,
        operation,
        controlType: control.controlType.trim(),
        usagePointId: meter.usagePointId,
        meterSerial: meter.serial,
        requestedAt: ctx.at,
      });
      if (added) counts.controlRequestsAdded++;
      else counts.controlRequestsKnown++;
    }
  }
  return counts;
}
