/**
 * UsagePointConfig in: create or update usage points. The address comes from the Names (the one
 * whose NameType is "address", else the first); account, access notes and hazards stay as the
 * route import and the crews set them.
 */
import type { UsagePointConfig } from '../../../shared/cim/payloads';
import { reject, usagePointKey, type Counts, type InboundContext } from './context';

export function applyUsagePointConfig(ctx: InboundContext, verb: string, payload: UsagePointConfig): Counts {
  const counts = { usagePointsCreated: 0, usagePointsUpdated: 0 };
  if (payload.usagePoints.length === 0) reject(ctx, 'UsagePointConfig holds no UsagePoint');
  for (const up of payload.usagePoints) {
    const id = up.mRID?.trim();
    if (!id) reject(ctx, 'UsagePointConfig: a UsagePoint has no mRID', usagePointKey(up));
    const names = up.names ?? [];
    const address = (names.find((n) => n.nameType?.toLowerCase() === 'address') ?? names[0])?.name.trim();
    if (ctx.store.meters.hasUsagePoint(id)) {
      if (address) ctx.store.meters.setUsagePointAddress(id, address);
      counts.usagePointsUpdated++;
    } else {
      if (verb === 'change' || verb === 'changed') reject(ctx, `UsagePoint ${id} is not known on this device (verb "${verb}" changes a known usage point)`, id);
      if (!address) reject(ctx, `UsagePoint ${id}: a new usage point needs its address in Names`, id);
      ctx.store.meters.createUsagePoint(id, address);
      counts.usagePointsCreated++;
    }
  }
  return counts;
}
