/**
 * Finishes a meter exchange (issue 8 §2) as ONE transaction: the old meter's final readings,
 * seals removed and photos; the new meter from stock, its initial readings and seals applied;
 * the usage point linkage moved; the work order completed; audit; and the messages the
 * enterprise needs — MasterDataLinkageConfig close (old) and create (new), MeterConfig for both,
 * MeterReadings final and initial. Either all of it lands or none.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { workOrderMethods } from '../../../shared/contract/methods/workOrders';
import { AppError } from '../../../shared/contract/result';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { canonicalDecimal } from '../../../shared/domain/registerValue';
import { serialMatches } from '../../../shared/domain/readingValidation';
import type { LinkagePayload, MeterConfigPayload } from '../messages/renderWorkOrderNouns';
import { enqueueMeterReadings } from '../readings/outbound';
import { linkPhotos } from '../readings/photos';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { applyEvent, requireWorkOrder } from './lifecycle';
import { requireStockMeter } from './stock';

export type ExchangeRequest = z.output<(typeof workOrderMethods)['workOrders.completeExchange']['input']>;

type Values = ExchangeRequest['newMeter']['initialReadings'];

function readingSet(store: Store, deviceId: number, usagePointId: string, values: Values, at: string, note: string, observedSerial: string | null) {
  const registers = store.workOrders.registersOf(deviceId).map((r) => r.id);
  for (const v of values) {
    if (!registers.includes(v.registerId)) throw new AppError('VALIDATION', `Register ${v.registerId} does not belong to this meter. Reload the work order.`);
  }
  const id = randomUUID();
  const quality = readingQuality.manuallyEntered;
  const readings = store.readings.insertSet({
    id,
    usagePointId,
    endDeviceId: deviceId,
    readAt: at,
    source: 'manual',
    note,
    observedSerial,
    position: null,
    values: values.map((v) => ({ registerId: v.registerId, value: canonicalDecimal(v.value) ?? v.value, qualities: [quality], warnings: [], confirmation: null })),
  });
  for (const r of readings) store.meters.setLastValue(r.registerId, r.value, at);
  return { id, readings };
}

export function completeExchange(store: Store, actor: Actor, request: ExchangeRequest, now = new Date()) {
  const at = now.toISOString();
  return store.transaction(() => {
    let order = requireWorkOrder(store, request.workOrderId);
    if (order.kind !== 'exchange') throw new AppError('VALIDATION', `Work order ${order.id} is a ${order.kind}, not an exchange.`);
    const up = order.usagePointId;
    const old = store.workOrders.meterAt(up);
    if (!old) throw new AppError('VALIDATION', `No meter is installed at ${up} on this device. Report back to the office (unable to complete).`);
    if (!serialMatches(old.serialNumber, request.oldMeter.observedSerial)) {
      throw new AppError('VALIDATION', `The meter on site (${request.oldMeter.observedSerial}) is not the one expected at ${up} (${old.serialNumber}). Check the serial, or report back (unable to complete).`, {
        expected: old.serialNumber,
      });
    }
    const fresh = requireStockMeter(store, request.newMeter.serial);
    if (order.status === 'assigned') order = applyEvent(store, actor, order, { type: 'start' }, at);

    // Old meter: final readings, seals off, out of the usage point.
    const final = readingSet(store, old.id, up, request.oldMeter.finalReadings, at, request.note, request.oldMeter.observedSerial);
    linkPhotos(store, request.oldMeter.photoIds, { usagePointId: up, readingSetId: final.id });
    const sealsRemoved = [...new Set([...store.workOrders.openSeals(old.id), ...request.oldMeter.sealsRemoved])];
    store.workOrders.removeSeals(old.id, at);
    store.workOrders.removeMeter(old.id, up, request.oldMeter.disposition, at, order.id);

    // New meter: in, initial readings, seals on.
    store.workOrders.installMeter(fresh.id, up, at, order.id);
    const initial = readingSet(store, fresh.id, up, request.newMeter.initialReadings, at, request.note, fresh.serialNumber);
    linkPhotos(store, request.newMeter.photoIds, { usagePointId: up, readingSetId: initial.id });
    store.workOrders.applySeals(fresh.id, request.newMeter.sealsApplied, at, order.id);

    order = applyEvent(store, actor, order, { type: 'complete' }, at);
    store.workOrders.addStep(order.id, 'exchanged', at, { oldMeter: old.serialNumber, newMeter: fresh.serialNumber, sealsRemoved, sealsApplied: request.newMeter.sealsApplied });
    store.journal.audit(actor, { action: 'meter.exchange', entity: 'usage_point', entityId: up, details: { workOrderId: order.id, oldMeter: old.serialNumber, newMeter: fresh.serialNumber } });

    const messageIds = [
      enqueueMeterReadings(store, { meter: old.serialNumber, usagePoint: up, readings: final.readings.map((r) => ({ readingType: r.readingType, value: r.value, timeStamp: at, qualities: r.qualities, comment: 'final reading (meter removed)' })) }),
      store.journal.enqueue({ noun: 'MasterDataLinkageConfig', verb: 'close', usagePointId: up, payload: { meter: old.serialNumber, usagePoint: up, effectiveDateTime: at, reason: 'meter exchange' } satisfies LinkagePayload }),
      store.journal.enqueue({ noun: 'MeterConfig', verb: 'change', usagePointId: up, payload: { meter: old.serialNumber, usagePoint: null, status: 'removed', at, disposition: request.oldMeter.disposition, sealsRemoved } satisfies MeterConfigPayload }),
      store.journal.enqueue({ noun: 'MasterDataLinkageConfig', verb: 'create', usagePointId: up, payload: { meter: fresh.serialNumber, usagePoint: up, effectiveDateTime: at, reason: 'meter exchange' } satisfies LinkagePayload }),
      store.journal.enqueue({ noun: 'MeterConfig', verb: 'change', usagePointId: up, payload: { meter: fresh.serialNumber, usagePoint: up, status: 'installed', at, sealsApplied: request.newMeter.sealsApplied } satisfies MeterConfigPayload }),
      enqueueMeterReadings(store, { meter: fresh.serialNumber, usagePoint: up, readings: initial.readings.map((r) => ({ readingType: r.readingType, value: r.value, timeStamp: at, qualities: r.qualities, comment: 'initial reading (meter installed)' })) }),
    ];
    return { workOrder: order, messageIds };
  });
}
