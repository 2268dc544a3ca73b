/**
 * Work-order lifecycle on the device (issue 8): every move asks the pure state machine
 * (shared/domain/workOrder.ts) first, then writes the status, a step and the audit row. The
 * outcome messages of finished work are queued by the step that finishes it (meterJobs.ts,
 * exchange.ts, pan.ts); an outcome without field data (unable to complete, a cancel that came
 * after the work) is reported back here as a MeterServiceRequests "changed" (reportBack.ts).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/result';
import { transition, type WorkOrderEvent, type WorkOrderKind } from '../../../shared/domain/workOrder';
import { requireInstaller } from '../review/roles';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { Change } from '../store/mutation';
import { CANCELLED_AFTER_WORK_STEP, type WorkOrderRow } from '../store/repositories/workOrders';
import { queueReportBack } from './reportBack';

export function requireWorkOrder(store: Store, id: string): WorkOrderRow {
  const order = store.workOrders.get(id);
  if (!order)
    throw new AppError('NOT_FOUND', `Work order ${id} is not on this device. Sync to fetch it, or check the number.`, {
      reason: 'workOrderUnknown',
    });
  return order;
}

/** Applies one event inside the caller's transaction; throws VALIDATION with the machine's reason. */
export function applyEvent(store: Store, change: Change, order: WorkOrderRow, event: WorkOrderEvent, at: string): WorkOrderRow {
  const result = transition(order.status, event);
  if (!result.ok)
    throw new AppError('VALIDATION', result.reason, {
      reason: 'statusRefuses',
      order: 'workOrder',
      status: order.status,
      action: event.type,
      refusal: result.refusal,
    });
  store.workOrders.setStatus({
    id: order.id,
    status: result.status,
    reason: result.reason,
    at,
    cancelledWhileActive: event.type === 'cancel' && order.status === 'inProgress',
  });
  store.workOrders.addStep(order.id, event.type, at, event.type === 'unable' ? { reason: result.reason } : {});
  change.audit({
    action: `workOrder.${event.type}`,
    entity: 'work_order',
    entityId: order.id,
    details: { from: order.status, to: result.status },
  });
  return { ...order, status: result.status, reason: result.reason, updatedAt: at };
}

/**
 * The enterprise cancelled the job while the crew was on it: what was done on site may still be
 * recorded (once), so no field data is lost; it goes to the office with the cancel noted.
 */
const recordableAfterCancel = (o: WorkOrderRow) => o.status === 'cancelled' && o.cancelledWhileActive && !o.cancelledAfterWork;

/**
 * The order, of this kind, in progress (started now if it was only assigned), for an installer or
 * supervisor: the common opening of every finishing step, inside the caller's transaction.
 */
export function beginWork(store: Store, change: Change, id: string, kind: WorkOrderKind, what: string, at: string): WorkOrderRow {
  requireInstaller(change.actor, what);
  const order = requireWorkOrder(store, id);
  if (order.kind !== kind)
    throw new AppError('VALIDATION', `Work order ${order.id} is a ${order.kind}, not a ${kind}.`, {
      reason: 'orderKindMismatch',
      workOrderId: order.id,
      kind: order.kind,
      asked: kind,
    });
  if (order.status === 'assigned') return applyEvent(store, change, order, { type: 'start' }, at);
  if (recordableAfterCancel(order)) return order;
  // Refuse a finished or cancelled order before any field data is written.
  const check = transition(order.status, { type: 'complete' });
  if (!check.ok)
    throw new AppError('VALIDATION', check.reason, {
      reason: 'statusRefuses',
      order: 'workOrder',
      status: order.status,
      action: 'complete',
      refusal: check.refusal,
    });
  return order;
}

/** A work order made on the device (issue 8 §1): installer or supervisor only; the office hears of it. */
export function createWorkOrder(
  store: Store,
  actor: Actor,
  request: { kind: WorkOrderKind; usagePointId: string; description: string },
  now = new Date(),
): WorkOrderRow {
  requireInstaller(actor, 'create a work order');
  const at = now.toISOString();
  const up = request.usagePointId.trim();
  if (!store.meters.hasUsagePoint(up))
    throw new AppError('NOT_FOUND', `Usage point ${up} is not on this device. Check the id, or sync to fetch it.`, {
      reason: 'usagePointUnknown',
      field: 'usagePointId',
    });
  const id = `L-${at.slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8).toUpperCase()}`;
  return store.mutate(actor, (change) => {
    const expectedMeterSerial = request.kind === 'install' ? null : (store.workOrders.meterAt(up)?.serialNumber ?? null);
    store.workOrders.insert({
      id,
      kind: request.kind,
      usagePointId: up,
      expectedMeterSerial,
      description: request.description,
      source: 'local',
      at,
    });
    store.workOrders.addStep(id, 'created', at, { by: actor.name });
    change.audit({
      action: 'workOrder.create',
      entity: 'work_order',
      entityId: id,
      details: { kind: request.kind, usagePointId: up },
    });
    const order = requireWorkOrder(store, id);
    queueReportBack(store, order, { status: 'assigned', reason: request.description || 'created on the device', at }, 'created');
    return order;
  });
}

/**
 * The closing move of every finishing step: completed — or, for a job cancelled while under way,
 * the work recorded on the cancelled order and reported back with its outcome.
 */
export function finishWork(store: Store, change: Change, order: WorkOrderRow, at: string): WorkOrderRow {
  if (!recordableAfterCancel(order)) return applyEvent(store, change, order, { type: 'complete' }, at);
  store.workOrders.addStep(order.id, CANCELLED_AFTER_WORK_STEP, at, { recorded: 'after the cancel reached the crew' });
  change.audit({
    action: 'workOrder.recordAfterCancel',
    entity: 'work_order',
    entityId: order.id,
    details: { status: order.status },
  });
  queueReportBack(store, order, {
    status: 'completed',
    reason: 'the work was done on site before the cancel reached the crew',
    remark: 'cancelled while under way; the field data is sent with this work',
    at,
  });
  return { ...order, cancelledAfterWork: true, updatedAt: at };
}

/** Started on site (explicitly, before the wizard's Finish): the office sees the job under way. */
export function startWorkOrder(store: Store, actor: Actor, id: string, now = new Date()): WorkOrderRow {
  requireInstaller(actor, 'start a work order');
  const at = now.toISOString();
  return store.mutate(actor, (change) => {
    const order = applyEvent(store, change, requireWorkOrder(store, id), { type: 'start' }, at);
    queueReportBack(store, order, { status: 'inProgress', reason: 'started on site', at });
    return order;
  });
}

/** Unable to complete, with the reason; the enterprise hears of it in the same transaction. */
export function reportUnable(store: Store, actor: Actor, id: string, reason: string, now = new Date()): WorkOrderRow {
  requireInstaller(actor, 'report a work order as unable to complete');
  const at = now.toISOString();
  return store.mutate(actor, (change) => {
    const order = applyEvent(store, change, requireWorkOrder(store, id), { type: 'unable', reason }, at);
    queueReportBack(store, order, { status: 'unableToComplete', reason: order.reason ?? reason, at });
    return order;
  });
}

/** A cancel from the enterprise (inbound sync). A job already under way is flagged so the installer reports back. */
export function cancelFromEnterprise(store: Store, actor: Actor, id: string, now = new Date()): WorkOrderRow {
  return store.mutate(actor, (change) => applyEvent(store, change, requireWorkOrder(store, id), { type: 'cancel' }, now.toISOString()));
}
