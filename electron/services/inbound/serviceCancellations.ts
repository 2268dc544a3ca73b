/**
 * MeterServiceRequests cancel/canceled in: the enterprise withdraws work orders it sent. Header/
 * CorrelationID of the payload names the request (its MessageID) and the MeterServiceWork entries
 * pair up with the work orders made from it, in order (serviceRequests.ts). A work order not yet
 * done is cancelled (flagged when it was under way, so the crew reports what was done on site);
 * one already worked keeps its status and its field data — the cancel is recorded on it, shown to
 * the user, and answered with its outcome (workOrders/reportBack.ts). Nothing is discarded.
 */
import { isFinal } from '../../../shared/domain/workOrder';
import type { MeterServiceRequests } from '../../../shared/cim/payloads';
import { CANCELLED_AFTER_WORK_STEP } from '../store/repositories/workOrders';
import { applyEvent } from '../workOrders/lifecycle';
import { queueReportBack } from '../workOrders/reportBack';
import { reject, type Counts, type InboundContext } from './context';
import { workOrderIdFor } from './serviceRequests';

export function applyServiceCancellations(ctx: InboundContext, payload: MeterServiceRequests): Counts {
  const counts = { workOrdersCancelled: 0, workOrdersAlreadyWorked: 0, workOrdersUnchanged: 0, workOrdersUnknown: 0 };
  const base = payload.header.correlationID?.trim();
  // Header/CorrelationID names the request (its MessageID) whose work orders are cancelled.
  if (!base) reject(ctx, 'missingField', { element: 'Header', field: 'CorrelationID' });
  const work = payload.work ?? [];
  if (work.length === 0) reject(ctx, 'emptyPayload', { noun: 'MeterServiceRequests', element: 'MeterServiceWork' });
  const { store, change, at } = ctx;
  work.forEach((_w, i) => {
    const id = workOrderIdFor(base, i, work.length);
    const order = store.workOrders.get(id);
    if (!order) return void counts.workOrdersUnknown++;
    if (order.status === 'cancelled' || order.cancelledAfterWork) return void counts.workOrdersUnchanged++;
    if (!isFinal(order.status)) {
      applyEvent(store, change, order, { type: 'cancel' }, at);
      return void counts.workOrdersCancelled++;
    }
    store.workOrders.addStep(id, CANCELLED_AFTER_WORK_STEP, at, { messageId: ctx.messageId, status: order.status });
    change.audit({
      action: 'workOrder.cancelAfterWork',
      entity: 'work_order',
      entityId: id,
      details: { status: order.status, messageId: ctx.messageId },
    });
    queueReportBack(store, order, {
      status: order.status,
      reason: order.reason ?? 'the work was already done when the cancel arrived',
      remark: 'cancel received after the work; the field data is kept and was sent with the work',
      at,
    });
    counts.workOrdersAlreadyWorked++;
  });
  return counts;
}
