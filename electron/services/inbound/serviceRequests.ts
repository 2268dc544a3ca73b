/**
 * MeterServiceRequests in: one work order per MeterServiceWork whose type is a work-order kind the
 * device knows (exchange, remove; install needs a usage point, which MeterServiceWork does not
 * carry), or an on-demand read (READ_TYPES). The usage point is where the meter to replace, remove
 * or read is installed on this device.
 */
import type { MeterServiceRequests } from '../../../shared/cim/payloads';
import { reject, requireInstalledMeter, type Counts, type InboundContext } from './context';
import { applySwitchWork, isSwitchType } from './switchOrders';

const KINDS = ['exchange', 'remove'] as const;
/**
 * Work types that ask for an on-demand reading of the meter: like a GetMeterReadings, a task on the
 * route and at the meter, answered by the next reading there with this message's MessageID as
 * CorrelationID (readings/outbound.ts).
 */
const READ_TYPES = ['read', 'specialRead', 'onDemandRead'];

/**
 * What a MeterServiceWork asks for, as other vendors write it (issue 19): its coded `kind` where that
 * names work this device does by itself (disconnect, reconnect; 61968-9 MeterServiceWorkKind), else
 * the free-text `type` the utility agreed on (moveIn, exchange, read …). The free text never
 * overrides the code: a `kind=disconnect` order whose type reads "Sperrung" is a disconnect.
 */
const DISPATCHED_KINDS = new Set(['disconnect', 'reconnect']);
export const dispatchType = (w: { kind?: string; type?: string }): string | undefined =>
  w.kind && DISPATCHED_KINDS.has(w.kind) ? w.kind : w.type?.trim();

/** The work order id of the i-th MeterServiceWork of the request whose MessageID is `base`. */
export const workOrderIdFor = (base: string, index: number, count: number): string => (count === 1 ? base : `${base}-${index + 1}`);

export function applyServiceRequests(ctx: InboundContext, payload: MeterServiceRequests, verb = 'create'): Counts {
  const counts: Counts & { workOrdersCreated: number; workOrdersKnown: number } = { workOrdersCreated: 0, workOrdersKnown: 0 };
  const work = payload.work ?? [];
  if (work.length === 0) reject(ctx, 'emptyPayload', { noun: 'MeterServiceRequests', element: 'MeterServiceWork' });
  const base = payload.header.messageID?.trim() || ctx.messageId;
  work.forEach((w, i) => {
    // Customer switching (issue 9): created, rescheduled (change) or cancelled by the enterprise.
    if (isSwitchType(w.type)) return applySwitchWork(ctx, verb, payload, w, i, counts);
    if (verb !== 'create' && verb !== 'created') reject(ctx, 'onlySwitchByVerb', { item: i + 1, verb }, w.type);
    if (READ_TYPES.includes(w.type?.trim() ?? '')) {
      if (!w.meter) reject(ctx, 'missingField', { element: 'MeterServiceWork', id: String(i + 1), field: 'Meter' }, w.type);
      const meter = requireInstalledMeter(ctx, w.meter);
      const added = ctx.store.readRequests.add({
        messageId: ctx.messageId,
        usagePointId: meter.usagePointId,
        readingTypes: [],
        requestedAt: ctx.at,
      });
      const key = added ? 'readRequestsAdded' : 'readRequestsKnown';
      counts[key] = (counts[key] ?? 0) + 1;
      return;
    }
    const kind = KINDS.find((k) => k === w.type?.trim());
    if (!kind) reject(ctx, 'workTypeUnknown', { item: i + 1, type: w.type ?? '', known: [...KINDS, ...READ_TYPES] }, w.type);
    const target = kind === 'exchange' ? w.oldMeter : w.meter;
    if (!target) reject(ctx, 'missingField', { element: 'MeterServiceWork', id: String(i + 1), field: 'OldMeter' });
    const device = requireInstalledMeter(ctx, target, kind === 'exchange' ? 'OldMeter' : 'Meter');
    const id = workOrderIdFor(base, i, work.length);
    const description = [w.kind, w.type, w.priority && `priority ${w.priority}`, w.status?.remark].filter(Boolean).join(', ');
    const created = ctx.store.workOrders.insert({
      id,
      kind,
      usagePointId: device.usagePointId,
      expectedMeterSerial: device.serialNumber,
      description,
      source: 'enterprise',
      at: ctx.at,
    });
    if (created) {
      ctx.store.workOrders.addStep(id, 'received', ctx.at, { messageId: ctx.messageId });
      counts.workOrdersCreated++;
    } else counts.workOrdersKnown++;
  });
  return counts;
}
