/**
 * Switch orders as the crew sees them (issue 9): the list with personal data masked, the opened
 * order with the customer's name (needed at the door) but the account masked, and the
 * acknowledgement of an enterprise cancel or reschedule that arrived while the device was offline.
 */
import type { z } from 'zod';
import type { agreementView, SwitchOrderDetail, SwitchOrderSummary } from '../../../shared/contract/methods/switching';
import { AppError } from '../../../shared/contract/result';
import { maskAccount, maskName } from '../../../shared/domain/switching';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { AgreementRow, SwitchOrderRow } from '../store/repositories/switching';

export function requireSwitchOrder(store: Store, id: string): SwitchOrderRow {
  const order = store.switching.get(id);
  if (!order)
    throw new AppError('NOT_FOUND', `Switch order ${id} is not on this device. Sync to fetch it, or check the number.`, {
      reason: 'switchOrderUnknown',
    });
  return order;
}

const agreementOf = (store: Store, id: string | null): AgreementRow | null => (id ? store.switching.agreement(id) : null);

export function summaryOf(store: Store, o: SwitchOrderRow): SwitchOrderSummary {
  const agreement = agreementOf(store, o.agreementId);
  return {
    id: o.id,
    kind: o.kind,
    status: o.status,
    usagePointId: o.usagePointId,
    address: o.address,
    meterSerial: o.meterSerial,
    dueAt: o.dueAt,
    windowStart: o.windowStart,
    windowEnd: o.windowEnd,
    description: o.description,
    customer: maskName(agreement?.customerName ?? ''),
    supplier: agreement?.supplierName ?? '',
    enterpriseChange: o.enterpriseChange,
    enterpriseChangeAt: o.enterpriseChangeAt,
    enterpriseChangeSeen: o.enterpriseChangeSeen,
    previousDueAt: o.previousDueAt,
    finishedAt: o.finishedAt,
  };
}

const view = (a: AgreementRow | null): z.infer<typeof agreementView> | null =>
  a && {
    id: a.id,
    customerName: a.customerName,
    account: maskAccount(a.account),
    supplierName: a.supplierName,
    tariff: a.tariff,
    startAt: a.startAt,
    endAt: a.endAt,
  };

export function listSwitchOrders(store: Store): SwitchOrderSummary[] {
  return store.switching.list().map((o) => summaryOf(store, o));
}

export function switchOrderDetail(store: Store, id: string, actor: Actor): SwitchOrderDetail {
  const o = requireSwitchOrder(store, id);
  // The meter installed now: its registers are the ones a reading is saved against.
  const meter = store.workOrders.meterAt(o.usagePointId);
  return {
    ...summaryOf(store, o),
    agreement: view(agreementOf(store, o.agreementId)),
    previousAgreement: view(agreementOf(store, o.previousAgreementId)),
    registers: meter ? store.workOrders.registersOf(meter.id) : [],
    readingSetId: o.readingSetId,
    readInWindow: o.readInWindow,
    notReadReason: o.notReadReason,
    outcome: o.outcome,
    action: o.action,
    controlResult: o.controlResult,
    sealNumber: o.sealNumber,
    note: o.note,
    mayControl: actor.role === 'installer' || actor.role === 'supervisor',
  };
}

export function acknowledgeEnterpriseChange(store: Store, actor: Actor, id: string): SwitchOrderSummary {
  return store.mutate(actor, (change) => {
    const o = requireSwitchOrder(store, id);
    if (o.enterpriseChange === null)
      throw new AppError('VALIDATION', `Switch order ${id} has no change from the enterprise to acknowledge.`, {
        reason: 'nothingToAcknowledge',
      });
    if (store.switching.acknowledge(id))
      change.audit({
        action: 'switching.acknowledge',
        entity: 'switch_order',
        entityId: id,
        details: { change: o.enterpriseChange },
      });
    return summaryOf(store, { ...o, enterpriseChangeSeen: true });
  });
}
