/**
 * UsagePointConfig in: create or update usage points (issue 19 §4). Where each part goes:
 * - the id: the mRID, else the UsagePoint's own name (a Names whose NameType is not "address");
 * - the service address: ServiceLocation's Names (CX UsagePointConfig.xsd gives ServiceLocation
 *   mRID and Names only, so a CIS writes the address there: the Name whose NameType is "address",
 *   else its first), else a UsagePoint Names with NameType "address" (as this app's own route
 *   export writes it).
 * A UsagePoint's other Names are its names in the enterprise (premise or installation numbers):
 * they never overwrite the service address. Account, access notes and hazards stay as the route
 * import and the crews set them.
 */
import type { Name } from '../../../shared/cim/payloads/common';
import type { UsagePointConfig } from '../../../shared/cim/payloads';
import type { UsagePoint } from '../../../shared/cim/payloads/usagePointConfig';
import { reject, usagePointKey, type Counts, type InboundContext } from './context';

const isAddress = (n: Name) => n.nameType?.trim().toLowerCase() === 'address';
const text = (n: Name | undefined) => n?.name.trim() || undefined;

/** The service address a UsagePoint carries, if any (see above). */
export function serviceAddressOf(up: UsagePoint): string | undefined {
  const location = up.serviceLocation?.names ?? [];
  return text(location.find(isAddress) ?? location[0]) ?? text((up.names ?? []).find(isAddress));
}

/** The usage point's id here: its mRID, else its first name that is not an address. */
function usagePointIdOf(up: UsagePoint): string | undefined {
  return up.mRID?.trim() || text((up.names ?? []).find((n) => !isAddress(n)));
}

export function applyUsagePointConfig(ctx: InboundContext, verb: string, payload: UsagePointConfig): Counts {
  const counts = { usagePointsCreated: 0, usagePointsUpdated: 0 };
  if (payload.usagePoints.length === 0) reject(ctx, 'emptyPayload', { noun: 'UsagePointConfig', element: 'UsagePoint' });
  for (const up of payload.usagePoints) {
    const id = usagePointIdOf(up);
    if (!id) reject(ctx, 'noIdentifier', { element: 'UsagePoint' }, usagePointKey(up));
    const address = serviceAddressOf(up);
    if (ctx.store.meters.hasUsagePoint(id)) {
      if (address) ctx.store.meters.setUsagePointAddress(id, address);
      counts.usagePointsUpdated++;
    } else {
      if (verb === 'change' || verb === 'changed') reject(ctx, 'unknownTarget', { element: 'UsagePoint', id, action: 'change' }, id);
      if (!address)
        // ServiceLocation/Names, or Names with NameType "address".
        reject(ctx, 'missingField', { element: 'UsagePoint', id, field: 'ServiceLocation' }, id);
      ctx.store.meters.createUsagePoint(id, address);
      counts.usagePointsCreated++;
    }
  }
  return counts;
}
