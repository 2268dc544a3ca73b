/**
 * Meter install and meter removal (issue 8), each ONE transaction with its audit row and the
 * messages the enterprise needs — the same halves the exchange is made of (meterSteps.ts):
 * install = new meter from stock, link created, MeterConfig installed, initial MeterReadings;
 * removal = final MeterReadings of every register, link closed, MeterConfig removed (returned or
 * scrapped). Either all of it lands or none.
 */
import { AppError } from '../../../shared/contract/result';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { beginWork, finishWork } from './lifecycle';
import { putInMeter, requireMeterOnSite, takeOutMeter, type MeterIn, type MeterOut } from './meterSteps';
import { requireStockMeter } from './stock';

export interface InstallRequest {
  workOrderId: string;
  newMeter: MeterIn;
  note: string;
}

export interface RemovalRequest {
  workOrderId: string;
  oldMeter: MeterOut;
  note: string;
}

export function completeInstall(store: Store, actor: Actor, request: InstallRequest, now = new Date()) {
  const at = now.toISOString();
  return store.mutate(actor, (change) => {
    let order = beginWork(store, change, request.workOrderId, 'install', 'install a meter', at);
    const there = store.workOrders.meterAt(order.usagePointId);
    if (there) {
      throw new AppError(
        'VALIDATION',
        `Meter ${there.serialNumber} is already installed at ${order.usagePointId}. This is an exchange, not an install: report back (unable to complete) so the office sends the right work order.`,
        { reason: 'meterAlreadyHere', installed: there.serialNumber },
      );
    }
    const fresh = requireStockMeter(store, request.newMeter.serial);
    const messageIds = putInMeter(store, order, fresh, request.newMeter, at, request.note, 'meter install');
    order = finishWork(store, change, order, at);
    store.workOrders.addStep(order.id, 'installed', at, { meter: fresh.serialNumber, sealsApplied: request.newMeter.sealsApplied });
    change.audit({
      action: 'meter.install',
      entity: 'usage_point',
      entityId: order.usagePointId,
      details: { workOrderId: order.id, meter: fresh.serialNumber },
    });
    return { workOrder: order, messageIds };
  });
}

export function completeRemoval(store: Store, actor: Actor, request: RemovalRequest, now = new Date()) {
  const at = now.toISOString();
  return store.mutate(actor, (change) => {
    let order = beginWork(store, change, request.workOrderId, 'remove', 'remove a meter', at);
    const old = requireMeterOnSite(store, order, request.oldMeter.observedSerial);
    const { sealsRemoved, messageIds } = takeOutMeter(store, order, old, request.oldMeter, at, request.note, 'meter removal');
    order = finishWork(store, change, order, at);
    store.workOrders.addStep(order.id, 'removed', at, { meter: old.serialNumber, disposition: request.oldMeter.disposition, sealsRemoved });
    change.audit({
      action: 'meter.remove',
      entity: 'usage_point',
      entityId: order.usagePointId,
      details: { workOrderId: order.id, meter: old.serialNumber, disposition: request.oldMeter.disposition },
    });
    return { workOrder: order, messageIds };
  });
}
