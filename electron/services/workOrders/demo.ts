/**
 * Demo work orders for training (issue 8): an exchange at UP-1001, a PAN commissioning at
 * UP-1002, a removal at UP-1008, a PAN decommissioning at UP-1004 (whose in-home display was
 * commissioned earlier), an install at a new connection (UP-2001, no meter yet), and two meters in
 * the van stock. Idempotent: loading the demo twice adds nothing twice.
 */
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export const DEMO_STOCK_METERS = ['E9100001', 'E9100002'] as const;
export const DEMO_NEW_CONNECTION = { usagePointId: 'UP-2001', address: 'Neubaugasse 1 (new connection)' } as const;
/** A display already paired at UP-1004, to decommission; its label is the Zigbee spec's example install code. */
export const DEMO_PAN_DEVICE = { eui64: '000D6F0000DEC0DE', installCode: '83FED3407A939723A5C639B26916D505C3B5' } as const;
const kwh = { readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', label: 'kWh', dials: 6, decimals: 0 };

export function seedDemoWorkOrders(store: Store, actor: Actor, now = new Date()): void {
  const at = now.toISOString();
  store.mutate(actor, (change) => {
    const exchangeAt = store.workOrders.meterAt('UP-1001');
    const panAt = store.workOrders.meterAt('UP-1002');
    const removeAt = store.workOrders.meterAt('UP-1008');
    const unpairAt = store.workOrders.meterAt('UP-1004');
    if (!exchangeAt || !panAt || !removeAt || !unpairAt) return; // the demo route is not loaded: nothing to attach to
    for (const serial of DEMO_STOCK_METERS) {
      if (store.workOrders.deviceBySerial(serial)) continue;
      store.workOrders.addRegister(store.workOrders.addStockMeter(serial), kwh);
    }
    if (!store.meters.hasUsagePoint(DEMO_NEW_CONNECTION.usagePointId))
      store.meters.createUsagePoint(DEMO_NEW_CONNECTION.usagePointId, DEMO_NEW_CONNECTION.address);
    const added = [
      store.workOrders.insert({
        id: 'WO-DEMO-EX1',
        kind: 'exchange',
        usagePointId: 'UP-1001',
        expectedMeterSerial: exchangeAt.serialNumber,
        description: 'Periodic exchange (training)',
        source: 'enterprise',
        at,
      }),
      store.workOrders.insert({
        id: 'WO-DEMO-PAN1',
        kind: 'panCommission',
        usagePointId: 'UP-1002',
        expectedMeterSerial: panAt.serialNumber,
        description: 'Commission an in-home display (training)',
        source: 'enterprise',
        at,
      }),
      store.workOrders.insert({
        id: 'WO-DEMO-RM1',
        kind: 'remove',
        usagePointId: 'UP-1008',
        expectedMeterSerial: removeAt.serialNumber,
        description: 'Remove the meter: supply ended (training)',
        source: 'enterprise',
        at,
      }),
      store.workOrders.insert({
        id: 'WO-DEMO-PAN2',
        kind: 'panDecommission',
        usagePointId: 'UP-1004',
        expectedMeterSerial: unpairAt.serialNumber,
        description: `Decommission in-home display ${DEMO_PAN_DEVICE.eui64} (training)`,
        source: 'enterprise',
        at,
      }),
      store.workOrders.insert({
        id: 'WO-DEMO-IN1',
        kind: 'install',
        usagePointId: DEMO_NEW_CONNECTION.usagePointId,
        expectedMeterSerial: null,
        description: 'Install a meter at a new connection (training)',
        source: 'enterprise',
        at,
      }),
    ];
    if (!store.workOrders.deviceBySerial(DEMO_PAN_DEVICE.eui64)) {
      store.workOrders.addPan({
        ...DEMO_PAN_DEVICE,
        usagePointId: 'UP-1004',
        deviceType: 'inHomeDisplay',
        meterId: unpairAt.id,
        at,
        workOrderId: 'WO-DEMO-PAN2',
      });
    }
    if (added.some(Boolean))
      change.audit({
        action: 'demo.workOrders',
        entity: 'work_order',
        entityId: 'WO-DEMO',
        details: { stock: DEMO_STOCK_METERS },
      });
  });
}
