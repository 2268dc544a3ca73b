/**
 * Customer data in (issue 9): a MasterDataLinkageConfig linking a CustomerAgreement — with its
 * Customer, CustomerAccount, ServiceSupplier and PricingStructure (tariff) — to one UsagePoint.
 * create = the agreement starts at ConfigurationEvent/effectiveDateTime (or is updated), close =
 * it ends then. The first Name of Customer and ServiceSupplier is their display name; account and
 * tariff are named by their mRID, else their first Name. Names stay in customer_agreements only.
 */
import type { MasterDataLinkageConfig } from '../../../shared/cim/payloads';
import type { ObjectRef } from '../../../shared/cim/payloads/common';
import { reject, requireUsagePoint, usagePointKey, type Counts, type InboundContext } from './context';

const firstName = (ref: ObjectRef | undefined): string => ref?.names?.find((n) => n.name.trim() !== '')?.name.trim() ?? '';
const idOf = (ref: ObjectRef | undefined): string | null => ref?.mRID?.trim() || firstName(ref) || null;

export function applyAgreements(ctx: InboundContext, verb: string, payload: MasterDataLinkageConfig): Counts {
  const counts = { agreementsSaved: 0, agreementsEnded: 0 };
  const points = payload.usagePoints ?? [];
  if (points.length !== 1) reject(ctx, 'agreementUsagePoints', { usagePoints: points.length });
  const usagePointId = requireUsagePoint(ctx, points[0] ?? {});
  const effective = payload.configurationEvent?.effectiveDateTime ?? null;
  const linking = verb === 'create' || verb === 'created';
  for (const ref of payload.customerAgreements ?? []) {
    const id = idOf(ref);
    if (!id) reject(ctx, 'noIdentifier', { element: 'CustomerAgreement' });
    const known = ctx.store.switching.agreement(id);
    if (known && known.usagePointId !== usagePointId)
      reject(
        ctx,
        'agreementElsewhere',
        { agreement: id, usagePointId: known.usagePointId, asked: usagePointKey(points[0] ?? {}) ?? '' },
        id,
      );
    if (!linking) {
      if (!known) reject(ctx, 'unknownTarget', { element: 'CustomerAgreement', id, action: 'close' }, id);
      ctx.store.switching.endAgreement({ id, endAt: effective ?? ctx.at, at: ctx.at, messageId: ctx.messageId });
      counts.agreementsEnded++;
      continue;
    }
    const customer = payload.customers?.[0];
    const supplier = payload.serviceSuppliers?.[0];
    ctx.store.switching.upsertAgreement({
      id,
      usagePointId,
      customerId: customer?.mRID?.trim() || null,
      customerName: firstName(customer),
      account: idOf(payload.customerAccounts?.[0]) ?? '',
      supplierId: supplier?.mRID?.trim() || null,
      supplierName: firstName(supplier),
      tariff: idOf(payload.pricingStructures?.[0]) ?? '',
      startAt: effective,
      endAt: null,
      at: ctx.at,
      messageId: ctx.messageId,
    });
    counts.agreementsSaved++;
  }
  return counts;
}
