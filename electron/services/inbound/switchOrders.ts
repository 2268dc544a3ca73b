/**
 * Switch orders in (issue 9): MeterServiceWork whose `type` names a switch (moveIn, moveOut,
 * supplierChange, disconnect, reconnect). The usage point is where the Meter is installed on this
 * device; `requestDateTime` is the switch date; Meter/MeterReadings/valuesInterval, when given, is
 * the window to read in (else a day either side). The first CustomerAgreement under Customers is
 * the one the switch is about, a second one the agreement it replaces. The order is named by the
 * request's MessageID (inner Header), as installer orders are.
 *
 * verb change = the enterprise reschedules (new date and window), verb cancel = it cancels; both
 * name the order by the inner Header's CorrelationID (else its MessageID). An order the crew has
 * already finished keeps its result — a reading taken stays a reading and is delivered — and the
 * change is flagged for the user to see.
 */
import type { MeterServiceRequests } from '../../../shared/cim/payloads';
import type { MeterServiceWork } from '../../../shared/cim/payloads/meterServiceRequests';
import type { ObjectRef } from '../../../shared/cim/payloads/common';
import { switchKinds, switchTransition, windowOf, type SwitchKind } from '../../../shared/domain/switching';
import { reject, requireInstalledMeter, type Counts, type InboundContext } from './context';

export const isSwitchType = (type: string | undefined): boolean => switchKinds.some((k) => k === type?.trim());

const refId = (ref: ObjectRef | undefined): string | null => ref?.mRID?.trim() || ref?.names?.[0]?.name.trim() || null;

function dateOf(ctx: InboundContext, value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) reject(ctx, 'badValue', { field: what, value, expected: 'dateTime' }, value);
  return value;
}

function planOf(ctx: InboundContext, w: MeterServiceWork, n: number) {
  const dueAt = dateOf(ctx, w.requestDateTime, `MeterServiceWork ${n}: requestDateTime`);
  if (!dueAt) reject(ctx, 'missingField', { element: 'MeterServiceWork', id: String(n), field: 'requestDateTime' }, w.type);
  const given = w.meter.meterReadings?.[0]?.valuesInterval;
  const window = windowOf(dueAt, {
    start: dateOf(ctx, given?.start, 'valuesInterval/start'),
    end: dateOf(ctx, given?.end, 'valuesInterval/end'),
  });
  if (Date.parse(window.start) > Date.parse(window.end))
    reject(ctx, 'windowBackwards', { item: n, start: window.start, end: window.end }, given?.end);
  return { dueAt, window };
}

export function applySwitchWork(
  ctx: InboundContext,
  verb: string,
  payload: MeterServiceRequests,
  w: MeterServiceWork,
  i: number,
  counts: Counts,
): void {
  const n = i + 1;
  const work = payload.work ?? [];
  const kind = switchKinds.find((k) => k === w.type?.trim()) as SwitchKind;
  const add = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  const header = payload.header;
  if (verb === 'create' || verb === 'created') {
    const base = header.messageID?.trim() || ctx.messageId;
    const id = work.length === 1 ? base : `${base}-${n}`;
    const device = requireInstalledMeter(ctx, w.meter);
    const { dueAt, window } = planOf(ctx, w, n);
    const customer = w.customers?.[0];
    const agreements = customer?.customerAgreements ?? [];
    const agreementId = refId(agreements[0]);
    if (agreementId && !ctx.store.switching.agreement(agreementId)) {
      // Known only from this order: keep what it says, so the crew sees whose switch it is.
      ctx.store.switching.upsertAgreement({
        id: agreementId,
        usagePointId: device.usagePointId,
        customerId: customer?.mRID?.trim() || null,
        customerName: customer?.names?.[0]?.name.trim() ?? '',
        account: '',
        supplierId: null,
        supplierName: '',
        tariff: '',
        startAt: null,
        endAt: null,
        at: ctx.at,
        messageId: ctx.messageId,
      });
    }
    const description = [w.kind, w.priority && `priority ${w.priority}`, w.status?.remark].filter(Boolean).join(', ');
    const created = ctx.store.switching.insert({
      id,
      kind,
      usagePointId: device.usagePointId,
      meterSerial: device.serialNumber,
      agreementId,
      previousAgreementId: refId(agreements[1]),
      dueAt,
      windowStart: window.start,
      windowEnd: window.end,
      description,
      messageId: ctx.messageId,
      at: ctx.at,
    });
    if (created)
      ctx.change.audit({
        action: 'switching.received',
        entity: 'switch_order',
        entityId: id,
        details: { kind, dueAt, agreementId, messageId: ctx.messageId },
      });
    return void add(created ? 'switchOrdersCreated' : 'switchOrdersKnown');
  }

  const base = header.correlationID?.trim() || header.messageID?.trim();
  if (!base) reject(ctx, 'missingField', { element: 'Header', field: 'CorrelationID' });
  const id = work.length === 1 ? base : `${base}-${n}`;
  const order = ctx.store.switching.get(id);
  if (!order)
    reject(
      ctx,
      'unknownTarget',
      { element: 'MeterServiceWork', id, action: verb === 'cancel' || verb === 'canceled' ? 'cancel' : 'change' },
      base,
    );
  if (order.kind !== kind) reject(ctx, 'switchKindMismatch', { id, kind: order.kind, asked: kind }, w.type);
  const cancelling = verb === 'cancel' || verb === 'canceled';
  const result = switchTransition(order, { type: cancelling ? 'cancel' : 'reschedule' });
  if (!result.ok) reject(ctx, 'switchRefused', { id, refusal: result.refusal });
  if (cancelling) {
    ctx.store.switching.cancel({ id, final: result.flagOnly, at: ctx.at, messageId: ctx.messageId });
  } else {
    const { dueAt, window } = planOf(ctx, w, n);
    ctx.store.switching.reschedule({ id, dueAt, windowStart: window.start, windowEnd: window.end, at: ctx.at, messageId: ctx.messageId });
  }
  ctx.change.audit({
    action: cancelling ? 'switching.cancelledByEnterprise' : 'switching.rescheduledByEnterprise',
    entity: 'switch_order',
    entityId: id,
    details: { status: order.status, afterWork: result.flagOnly, messageId: ctx.messageId },
  });
  add(result.flagOnly ? 'switchChangesAfterWork' : cancelling ? 'switchOrdersCancelled' : 'switchOrdersRescheduled');
}
