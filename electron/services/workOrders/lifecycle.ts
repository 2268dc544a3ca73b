/**
 * Work-order lifecycle on the device (issue 8): every move asks the pure state machine
 * (shared/domain/workOrder.ts) first, then writes the status, a step, the audit row and — so
 * the enterprise hears of it — nothing more: the outcome messages are queued by the step that
 * finishes the work (exchange.ts, pan.ts).
 */
import { AppError } from '../../../shared/contract/result';
import { transition, type WorkOrderEvent } from '../../../shared/domain/workOrder';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { WorkOrderRow } from '../store/repositories/workOrders';

export function requireWorkOrder(store: Store, id: string): WorkOrderRow {
  const order = store.workOrders.get(id);
  if (!order) throw new AppError('NOT_FOUND', `Work order ${id} is not on this device. Sync to fetch it, or check the number.`);
  return order;
}

/** Applies one event inside the caller's transaction; throws VALIDATION with the machine's reason. */
export function applyEvent(store: Store, actor: Actor, order: WorkOrderRow, event: WorkOrderEvent, at: string): WorkOrderRow {
  const result = transition(order.status, event);
  if (!result.ok) throw new AppError('VALIDATION', result.reason, { status: order.status });
  store.workOrders.setStatus({ id: order.id, status: result.status, reason: result.reason, at, cancelledWhileActive: event.type === 'cancel' && order.status === 'inProgress' });
  store.workOrders.addStep(order.id, event.type, at, event.type === 'unable' ? { reason: result.reason } : {});
  store.journal.audit(actor, { action: `workOrder.${event.type}`, entity: 'work_order', entityId: order.id, details: { from: order.status, to: result.status } });
  return { ...order, status: result.status, reason: result.reason, updatedAt: at };
}

export function startWorkOrder(store: Store, actor: Actor, id: string, now = new Date()): WorkOrderRow {
  return store.transaction(() => applyEvent(store, actor, requireWorkOrder(store, id), { type: 'start' }, now.toISOString()));
}

/**
 * Unable to complete, with the reason. No 61968-9 noun carries a work order's outcome in the
 * schemas we have (MeterServiceRequests is a CIM15 draft, NOTES.md §5), so it stays in the
 * audit log and the steps until the sync issue adds a work-order reply.
 */
export function reportUnable(store: Store, actor: Actor, id: string, reason: string, now = new Date()): WorkOrderRow {
  return store.transaction(() => applyEvent(store, actor, requireWorkOrder(store, id), { type: 'unable', reason }, now.toISOString()));
}

/** A cancel from the enterprise (inbound sync). A job already under way is flagged so the installer reports back. */
export function cancelFromEnterprise(store: Store, actor: Actor, id: string, now = new Date()): WorkOrderRow {
  return store.transaction(() => applyEvent(store, actor, requireWorkOrder(store, id), { type: 'cancel' }, now.toISOString()));
}
