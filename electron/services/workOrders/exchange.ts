/**
 * Finishes a meter exchange (issue 8 §2) as ONE transaction: the old meter taken out (final
 * readings, seals removed, photos, link closed) and the new one from stock put in (initial
 * readings, seals applied, photos, link created) — the halves in meterSteps.ts —, the work order
 * completed, audit, and the messages: MeterReadings final, MasterDataLinkageConfig close,
 * MeterConfig removed, MasterDataLinkageConfig create, MeterConfig installed, MeterReadings
 * initial. Either all of it lands or none.
 */
import type { z } from 'zod';
import type { workOrderMethods } from '../../../shared/contract/methods/workOrders';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { beginWork, finishWork } from './lifecycle';
import { putInMeter, requireMeterOnSite, takeOutMeter } from './meterSteps';
import { requireStockMeter } from './stock';

export type ExchangeRequest = z.output<(typeof workOrderMethods)['workOrders.completeExchange']['input']>;

export function completeExchange(store: Store, actor: Actor, request: ExchangeRequest, now = new Date()) {
  const at = now.toISOString();
  return store.mutate(actor, (change) => {
    let order = beginWork(store, change, request.workOrderId, 'exchange', 'exchange a meter', at);
    const old = requireMeterOnSite(store, order, request.oldMeter.observedSerial);
    const fresh = requireStockMeter(store, request.newMeter.serial);
    const out = takeOutMeter(store, order, old, request.oldMeter, at, request.note, 'meter exchange');
    const inIds = putInMeter(store, order, fresh, request.newMeter, at, request.note, 'meter exchange');
    order = finishWork(store, change, order, at);
    store.workOrders.addStep(order.id, 'exchanged', at, {
      oldMeter: old.serialNumber,
      newMeter: fresh.serialNumber,
      sealsRemoved: out.sealsRemoved,
      sealsApplied: request.newMeter.sealsApplied,
    });
    change.audit({
      action: 'meter.exchange',
      entity: 'usage_point',
      entityId: order.usagePointId,
      details: { workOrderId: order.id, oldMeter: old.serialNumber, newMeter: fresh.serialNumber },
    });
    return { workOrder: order, messageIds: [...out.messageIds, ...inIds] };
  });
}
