/**
 * Reporting a work order's outcome back to the enterprise when no field data carries it: unable to
 * complete (with the reason), or a cancel that arrived after the work was done (the field data
 * stays and was sent with the work). MeterServiceRequests is the only noun in the schemas we have
 * that names meter service work (../shared/cim/NOTES.md §5, EPRI draft); the outcome goes as a
 * "changed" MeterServiceWork whose status holds it, correlated to the request by the work order id. A work order made on the device goes
 * out the same way as "created", so the office knows of it before its outcome arrives.
 */
import type { WorkOrderStatus } from '../../../shared/domain/workOrder';
import type { Store } from '../store';
import type { WorkOrderRow } from '../store/repositories/workOrders';

export function queueReportBack(
  store: Store,
  order: WorkOrderRow,
  outcome: { status: WorkOrderStatus; reason: string; remark?: string; at: string },
  verb: 'created' | 'changed' = 'changed',
): string {
  return store.journal.enqueue(
    'serviceReport',
    {
      workOrderId: order.id,
      kind: order.kind,
      meter: order.expectedMeterSerial,
      usagePoint: order.usagePointId,
      status: outcome.status,
      reason: outcome.reason,
      ...(outcome.remark ? { remark: outcome.remark } : {}),
      at: outcome.at,
    },
    { verb, usagePointId: order.usagePointId },
  );
}
