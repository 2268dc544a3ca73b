/**
 * MasterDataLinkageConfig in: create = link each Meter to the UsagePoint, close = unlink. One
 * UsagePoint applies to every Meter; otherwise they pair up in order. What the crews did wins:
 * a meter is never unlinked while a work order is in progress at its usage point, and a link that
 * contradicts the device's record (the meter is elsewhere, another meter is there) is refused.
 */
import type { MasterDataLinkageConfig } from '../../../shared/cim/payloads';
import { applyAgreements } from './agreements';
import { reject, requireMeter, requireUsagePoint, usagePointKey, type Counts, type InboundContext } from './context';

export function applyLinkage(ctx: InboundContext, verb: string, payload: MasterDataLinkageConfig): Counts {
  // Customer data (issue 9): an agreement linked to a usage point, with or without a meter link.
  if (payload.customerAgreements?.length && !payload.meters?.length) return applyAgreements(ctx, verb, payload);
  const agreements = payload.customerAgreements?.length ? applyAgreements(ctx, verb, payload) : {};
  const counts = { linked: 0, unlinked: 0, unchanged: 0, ...agreements };
  const meters = payload.meters ?? [];
  const points = payload.usagePoints ?? [];
  if (meters.length === 0 || points.length === 0) reject(ctx, 'linkageCounts', { meters: meters.length, usagePoints: points.length });
  if (points.length !== 1 && points.length !== meters.length) {
    reject(ctx, 'linkageCounts', { meters: meters.length, usagePoints: points.length });
  }
  const linking = verb === 'create' || verb === 'created';
  meters.forEach((ref, i) => {
    const device = requireMeter(ctx, ref);
    const upRef = (points.length === 1 ? points[0] : points[i]) ?? {};
    const up = requireUsagePoint(ctx, upRef);
    if (linking) {
      if (device.usagePointId === up) return void counts.unchanged++;
      if (device.usagePointId !== null)
        reject(ctx, 'meterInstalledElsewhere', { serial: device.serialNumber, usagePointId: device.usagePointId }, usagePointKey(upRef));
      if (device.status === 'removed') reject(ctx, 'meterRemoved', { serial: device.serialNumber }, device.serialNumber);
      const there = ctx.store.workOrders.meterAt(up);
      if (there) reject(ctx, 'usagePointOccupied', { usagePointId: up, serial: there.serialNumber }, up);
      ctx.store.workOrders.linkMeter(device.id, up, ctx.at);
      counts.linked++;
    } else {
      if (device.usagePointId === null) return void counts.unchanged++;
      if (device.usagePointId !== up)
        reject(ctx, 'meterNotAt', { serial: device.serialNumber, usagePointId: device.usagePointId, asked: up }, up);
      const busy = ctx.store.workOrders.inProgressAt(up);
      if (busy.length > 0) {
        reject(ctx, 'workInProgress', { serial: device.serialNumber, usagePointId: up, workOrders: busy }, up);
      }
      ctx.store.workOrders.unlinkMeter(device.id, up, ctx.at);
      counts.unlinked++;
    }
  });
  return counts;
}
