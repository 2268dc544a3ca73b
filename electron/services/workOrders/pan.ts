/**
 * PAN commissioning (issue 8 §4): the device, named by its EUI-64, becomes an end device of kind
 * 'pan' linked to the meter and usage point, in one transaction with its audit row and the
 * messages the head end needs — EndDeviceConfig (isPan, installCode) and EndDeviceControls opening
 * the pairing window on the meter (x.10.73.298, ../shared/cim/NOTES.md §7). The join status comes
 * back from the enterprise later. The install code is never written to the audit log or a log
 * line; the link key is derived on request only and never stored.
 */
import { AppError } from '../../../shared/contract/result';
import { endDeviceControlType } from '../../../shared/cim/codes/endDeviceCodes';
import { checkEui64, checkInstallCode, hexToBytes } from '../../../shared/domain/installCode';
import { panDeviceTypeNames, panDeviceTypes, type PanDeviceType } from '../../../shared/domain/workOrder';
import { linkKeyFromInstallCode } from '../pan/linkKey';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { beginWork, finishWork } from './lifecycle';

/** Minutes the meter's trust center accepts joins; the common head-end default for SE 1.x pairing. */
const PAIRING_WINDOW_MINUTES = 15;

export interface CommissionRequest {
  workOrderId: string;
  deviceType: PanDeviceType;
  eui64: string;
  installCode: string;
}

export function commissionPan(store: Store, actor: Actor, request: CommissionRequest, now = new Date()) {
  const at = now.toISOString();
  const eui = checkEui64(request.eui64);
  if (!eui.valid) throw new AppError('VALIDATION', eui.reason, { reason: 'euiInvalid', field: 'eui64' });
  const code = checkInstallCode(request.installCode);
  if (!code.valid) throw new AppError('VALIDATION', code.reason, { reason: 'installCodeInvalid', field: 'installCode' });
  return store.mutate(actor, (change) => {
    let order = beginWork(store, change, request.workOrderId, 'panCommission', 'commission a PAN device', at);
    const meter = store.workOrders.meterAt(order.usagePointId);
    if (!meter)
      throw new AppError(
        'VALIDATION',
        `No meter is installed at ${order.usagePointId}, so there is nothing to pair with. Report back (unable to complete).`,
        { reason: 'noMeterInstalled' },
      );
    const existing = store.workOrders.deviceBySerial(eui.eui64);
    if (existing && existing.status !== 'removed') {
      throw new AppError(
        'VALIDATION',
        `A device with EUI-64 ${eui.eui64} is already commissioned${existing.usagePointId ? ` at ${existing.usagePointId}` : ''}. Check the label; if the device moved, decommission it there first.`,
        { reason: 'euiCommissioned', field: 'eui64' },
      );
    }
    if (existing)
      throw new AppError(
        'VALIDATION',
        `EUI-64 ${eui.eui64} belongs to a decommissioned device. Ask the office to release it before commissioning it again.`,
        { reason: 'euiDecommissioned', field: 'eui64' },
      );

    store.workOrders.addPan({
      eui64: eui.eui64,
      usagePointId: order.usagePointId,
      deviceType: request.deviceType,
      installCode: code.installCode,
      meterId: meter.id,
      at,
      workOrderId: order.id,
    });
    order = finishWork(store, change, order, at);
    store.workOrders.addStep(order.id, 'panCommissioned', at, {
      eui64: eui.eui64,
      deviceType: request.deviceType,
      meter: meter.serialNumber,
    });
    change.audit({
      action: 'pan.commission',
      entity: 'end_device',
      entityId: eui.eui64,
      details: { workOrderId: order.id, meter: meter.serialNumber, deviceType: request.deviceType },
    });

    const deviceTypeCode = String(panDeviceTypes[request.deviceType]);
    const messageIds = [
      store.journal.enqueue(
        'panConfig',
        {
          eui64: eui.eui64,
          deviceType: deviceTypeCode,
          installCode: code.installCode,
          meter: meter.serialNumber,
          usagePoint: order.usagePointId,
          status: 'commissioned',
          at,
        },
        { verb: 'create', usagePointId: order.usagePointId },
      ),
      store.journal.enqueue(
        'panPairing',
        {
          controlType: endDeviceControlType('panPairingWindowOpen'),
          eui64: eui.eui64,
          installCode: code.installCode,
          meter: meter.serialNumber,
          usagePoint: order.usagePointId,
          durationMinutes: PAIRING_WINDOW_MINUTES,
          at,
        },
        { usagePointId: order.usagePointId },
      ),
    ];
    return { workOrder: order, messageIds };
  });
}

/**
 * PAN decommissioning (issue 8 §4): the device at the order's usage point leaves service — asset
 * removed, install code dropped, join status 'decommissioned', link closed — in one transaction
 * with its audit row, EndDeviceConfig (status decommissioned, no install code) and
 * MasterDataLinkageConfig close (the EndDevice off the usage point), so the head end removes it
 * from the meter's trust center.
 */
export function decommissionPan(store: Store, actor: Actor, request: { workOrderId: string; eui64: string }, now = new Date()) {
  const at = now.toISOString();
  const eui = checkEui64(request.eui64);
  if (!eui.valid) throw new AppError('VALIDATION', eui.reason, { reason: 'euiInvalid', field: 'eui64' });
  return store.mutate(actor, (change) => {
    let order = beginWork(store, change, request.workOrderId, 'panDecommission', 'decommission a PAN device', at);
    const up = order.usagePointId;
    const pan = store.workOrders.panAt(up, eui.eui64);
    if (!pan) {
      const known = store.workOrders
        .pansAt(up)
        .map((p) => p.eui64)
        .filter((e) => e !== eui.eui64);
      throw new AppError(
        'VALIDATION',
        `No commissioned PAN device with EUI-64 ${eui.eui64} is at ${up}${known.length ? ` (here: ${known.join(', ')})` : ''}. Check the label, or report back (unable to complete).`,
        { reason: 'panDeviceUnknown', field: 'eui64' },
      );
    }
    store.workOrders.decommissionPan(pan.id, at, order.id);
    order = finishWork(store, change, order, at);
    store.workOrders.addStep(order.id, 'panDecommissioned', at, { eui64: pan.eui64, deviceType: pan.deviceType });
    change.audit({
      action: 'pan.decommission',
      entity: 'end_device',
      entityId: pan.eui64,
      details: { workOrderId: order.id, meter: pan.meter },
    });
    const meter = pan.meter ?? store.workOrders.meterAt(up)?.serialNumber ?? order.expectedMeterSerial ?? 'unknown';
    const messageIds = [
      store.journal.enqueue(
        'panConfig',
        {
          eui64: pan.eui64,
          deviceType: String(panDeviceTypes[panDeviceTypeNames.find((n) => n === pan.deviceType) ?? 'other']),
          meter,
          usagePoint: up,
          status: 'decommissioned',
          at,
        },
        { verb: 'change', usagePointId: up },
      ),
      store.journal.enqueue(
        'linkage',
        { endDevice: pan.eui64, usagePoint: up, effectiveDateTime: at, reason: 'PAN device decommissioned' },
        { verb: 'close', usagePointId: up },
      ),
    ];
    return { workOrder: order, messageIds };
  });
}

/** The link key for a valid install code, only when the installer asks (never stored). */
export function linkKeyOnRequest(installCode: string): string {
  const code = checkInstallCode(installCode);
  if (!code.valid) throw new AppError('VALIDATION', code.reason, { reason: 'installCodeInvalid', field: 'installCode' });
  return linkKeyFromInstallCode(hexToBytes(code.installCode));
}
