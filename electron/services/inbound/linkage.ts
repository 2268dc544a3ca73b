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
  if (meters.length === 0 || points.length === 0) reject(ctx, 'MasterDataLinkageConfig needs at least one Meter and one UsagePoint');
  if (points.length !== 1 && points.length !== meters.length) {
    reject(
      ctx,
      `MasterDataLinkageConfig has ${meters.length} Meter and ${points.length} UsagePoint elements: give one UsagePoint, or one per Meter`,
    );
  }
  const linking = verb === 'create' || verb === 'created';
  meters.forEach((ref, i) => {
    const device = requireMeter(ctx, ref);
    const upRef = (points.length === 1 ? points[0] : points[i]) ?? {};
    const up = requireUsagePoint(ctx, upRef);
    if (linking) {
      if (device.usagePointId === up) return void counts.unchanged++;
      if (device.usagePointId !== null)
        reject(
          ctx,
          `Meter ${device.serialNumber} is installed at ${device.usagePointId} on this device; close that link first`,
          usagePointKey(upRef),
        );
      if (device.status === 'removed')
        reject(ctx, `Meter ${device.serialNumber} was removed from service and cannot be linked again`, device.serialNumber);
      const there = ctx.store.workOrders.meterAt(up);
      if (there) reject(ctx, `UsagePoint ${up} already has meter ${there.serialNumber} installed; close that link first`, up);
      ctx.store.workOrders.linkMeter(device.id, up, ctx.at);
      counts.linked++;
    } else {
      if (device.usagePointId === null) return void counts.unchanged++;
      if (device.usagePointId !== up)
        reject(ctx, `Meter ${device.serialNumber} is installed at ${device.usagePointId}, not at ${up}, on this device`, up);
      const busy = ctx.store.workOrders.inProgressAt(up);
      if (busy.length > 0) {
        reject(
          ctx,
          `Meter ${device.serialNumber} is not unlinked: work order ${busy.join(', ')} is in progress at ${up}. Let the crew finish (or cancel it) and send the close again`,
          up,
        );
      }
      ctx.store.workOrders.unlinkMeter(device.id, up, ctx.at);
      counts.unlinked++;
    }
  });
  return counts;
}
