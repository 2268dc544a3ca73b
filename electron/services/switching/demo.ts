/**
 * Demo switch orders for training (issue 9), due today: a move-out at UP-1005, a move-in at
 * UP-1006, a change of supplier at UP-1008 and a disconnect at UP-1009, with the customer
 * agreements they concern. Idempotent: loading the demo twice adds nothing twice.
 */
import type { SwitchKind } from '../../../shared/domain/switching';
import { windowOf } from '../../../shared/domain/switching';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

const agreements = [
  {
    id: 'CA-DEMO-5',
    usagePointId: 'UP-1005',
    customerId: 'C-5',
    customerName: 'Erika Mustermann',
    account: 'ACC-100-2005',
    supplierName: 'Springfield Energy',
    tariff: 'H0 Basic',
  },
  {
    id: 'CA-DEMO-6',
    usagePointId: 'UP-1006',
    customerId: 'C-6',
    customerName: 'Jonas Weber',
    account: 'ACC-100-2006',
    supplierName: 'Springfield Energy',
    tariff: 'H0 Basic',
  },
  {
    id: 'CA-DEMO-8-OLD',
    usagePointId: 'UP-1008',
    customerId: 'C-8',
    customerName: 'Aylin Demir',
    account: 'ACC-100-2008',
    supplierName: 'Springfield Energy',
    tariff: 'HT/NT',
  },
  {
    id: 'CA-DEMO-8',
    usagePointId: 'UP-1008',
    customerId: 'C-8',
    customerName: 'Aylin Demir',
    account: 'ACC-300-7008',
    supplierName: 'Green Valley Power',
    tariff: 'HT/NT Green',
  },
  {
    id: 'CA-DEMO-9',
    usagePointId: 'UP-1009',
    customerId: 'C-9',
    customerName: 'Peter Novak',
    account: 'ACC-100-2009',
    supplierName: 'Springfield Energy',
    tariff: 'H0 Basic',
  },
];

const orders: {
  id: string;
  kind: SwitchKind;
  usagePointId: string;
  agreementId: string;
  previousAgreementId: string | null;
  description: string;
}[] = [
  {
    id: 'SW-DEMO-MO5',
    kind: 'moveOut',
    usagePointId: 'UP-1005',
    agreementId: 'CA-DEMO-5',
    previousAgreementId: null,
    description: 'Move-out reading (training)',
  },
  {
    id: 'SW-DEMO-MI6',
    kind: 'moveIn',
    usagePointId: 'UP-1006',
    agreementId: 'CA-DEMO-6',
    previousAgreementId: null,
    description: 'Move-in reading (training)',
  },
  {
    id: 'SW-DEMO-SC8',
    kind: 'supplierChange',
    usagePointId: 'UP-1008',
    agreementId: 'CA-DEMO-8',
    previousAgreementId: 'CA-DEMO-8-OLD',
    description: 'Change of supplier (training)',
  },
  {
    id: 'SW-DEMO-DC9',
    kind: 'disconnect',
    usagePointId: 'UP-1009',
    agreementId: 'CA-DEMO-9',
    previousAgreementId: null,
    description: 'Disconnect for non-payment (training)',
  },
];

export function seedDemoSwitching(store: Store, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  const window = windowOf(at);
  store.mutate(actor, (change) => {
    let added = 0;
    for (const o of orders) {
      const meter = store.workOrders.meterAt(o.usagePointId);
      if (!meter || store.switching.get(o.id)) continue; // demo route not loaded, or seeded before
      for (const a of agreements.filter((x) => x.id === o.agreementId || x.id === o.previousAgreementId)) {
        store.switching.upsertAgreement({
          ...a,
          supplierId: null,
          startAt: a.id.endsWith('OLD') ? '2020-01-01T00:00:00.000Z' : at,
          endAt: null,
          at,
          messageId: 'demo',
        });
      }
      added += Number(
        store.switching.insert({
          ...o,
          meterSerial: meter.serialNumber,
          dueAt: at,
          windowStart: window.start,
          windowEnd: window.end,
          messageId: 'demo',
          at,
        }),
      );
    }
    if (added > 0) change.audit({ action: 'demo.switching', entity: 'switch_order', entityId: 'SW-DEMO', details: { orders: added } });
  });
}
