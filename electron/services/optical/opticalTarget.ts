/**
 * Which meter the optical probe talks to: by default the meter installed at the usage point; in
 * an install or exchange, the NEW meter from stock (issue 8 §2), named by its serial and checked
 * against the job — a meter not yet installed has no usage point of its own, so the read matches
 * its values against its own registers and the programming outcome names it.
 */
import { AppError } from '../../../shared/contract/result';
import { isFinal, transition } from '../../../shared/domain/workOrder';
import type { Store } from '../store';
import { requireWorkOrder } from '../workOrders/lifecycle';
import { requireStockMeter } from '../workOrders/stock';

/** The new meter of an install or exchange job. */
export interface JobMeter {
  workOrderId: string;
  meterSerial: string;
}

export interface OpticalTarget {
  deviceId: number;
  meterSerial: string;
  usagePointId: string;
  registers: readonly {
    id: number;
    readingType: string;
    decimals: number;
    dials?: number;
    lastValue: string | null;
    lastReadAt?: string | null;
    averageDailyUse?: number | null;
  }[];
  /** Set when the target is the new meter of this work order. */
  workOrderId: string | null;
}

export function opticalTarget(store: Store, usagePointId: string, job?: JobMeter): OpticalTarget {
  if (!job) {
    const meter = store.meters.get(usagePointId);
    if (!meter)
      throw new AppError('NOT_FOUND', `Usage point ${usagePointId} is not on any route on this device.`, { reason: 'usagePointUnknown' });
    return { deviceId: meter.deviceId, meterSerial: meter.meterSerial, usagePointId, registers: meter.registers, workOrderId: null };
  }
  const order = requireWorkOrder(store, job.workOrderId);
  if (order.usagePointId !== usagePointId) {
    throw new AppError('VALIDATION', `Work order ${order.id} is for ${order.usagePointId}, not ${usagePointId}. Reload the work order.`, {
      reason: 'orderForOtherUsagePoint',
      usagePointId: order.usagePointId,
    });
  }
  if (order.kind !== 'install' && order.kind !== 'exchange') {
    throw new AppError(
      'VALIDATION',
      `Work order ${order.id} is a ${order.kind}: only the new meter of an install or exchange is read from stock.`,
      { reason: 'orderKindNoStock', kind: order.kind },
    );
  }
  // A finished or cancelled job takes no more work on its new meter (the machine says why).
  const refused = isFinal(order.status) ? transition(order.status, { type: 'start' }) : null;
  if (refused && !refused.ok)
    throw new AppError('VALIDATION', refused.reason, {
      reason: 'statusRefuses',
      order: 'workOrder',
      status: order.status,
      action: 'start',
      refusal: refused.refusal,
    });
  const device = requireStockMeter(store, job.meterSerial);
  return {
    deviceId: device.id,
    meterSerial: device.serialNumber,
    usagePointId,
    registers: store.workOrders.registersOf(device.id),
    workOrderId: order.id,
  };
}
