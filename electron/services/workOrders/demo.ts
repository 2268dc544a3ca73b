/**
 * Demo work orders for training (issue 8): an exchange at UP-1001, a PAN commissioning at
 * UP-1002, and two meters in the van stock to exchange with. Idempotent: loading the demo
 * twice adds nothing twice.
 */
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export const DEMO_STOCK_METERS = ['E9100001', 'E9100002'] as const;
const kwh = { readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', label: 'kWh', dials: 6, decimals: 0 };

export function seedDemoWorkOrders(store: Store, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  store.transaction(() => {
    const exchangeAt = store.workOrders.meterAt('UP-1001');
    const panAt = store.workOrders.meterAt('UP-1002');
    if (!exchangeAt || !panAt) return; // the demo route is not loaded: nothing to attach to
    for (const serial of DEMO_STOCK_METERS) {
      if (store.workOrders.deviceBySerial(serial)) continue;
      store.workOrders.addRegister(store.workOrders.addStockMeter(serial), kwh);
    }
    const added = [
      store.workOrders.insert({ id: 'WO-DEMO-EX1', kind: 'exchange', usagePointId: 'UP-1001', expectedMeterSerial: exchangeAt.serialNumber, description: 'Periodic exchange (training)', source: 'enterprise', at }),
      store.workOrders.insert({ id: 'WO-DEMO-PAN1', kind: 'panCommission', usagePointId: 'UP-1002', expectedMeterSerial: panAt.serialNumber, description: 'Commission an in-home display (training)', source: 'enterprise', at }),
    ];
    if (added.some(Boolean)) store.journal.audit(actor, { action: 'demo.workOrders', entity: 'work_order', entityId: 'WO-DEMO', details: { stock: DEMO_STOCK_METERS } });
  });
}
