/**
 * The messages of installer work orders reach the enterprise (issue 8): install, removal, PAN
 * decommissioning, unable to complete and a work order made on the device, sent by the real sync
 * to the enterprise simulator, which validates each one against the reference XSDs.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { DEMO_PAN_DEVICE } from '../../../electron/services/workOrders/demo';
import { createWorkOrder, reportUnable, startWorkOrder } from '../../../electron/services/workOrders/lifecycle';
import { completeInstall, completeRemoval } from '../../../electron/services/workOrders/meterJobs';
import { decommissionPan } from '../../../electron/services/workOrders/pan';
import { fieldmeterInProcess } from '../../support/cli';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';
import { xsdSkipReason } from '../../support/xsd';
import { scaled } from '../../support/timeouts';

const installer = { name: 'Ines Installer', role: 'installer' } as const;

describe.skipIf(xsdSkipReason !== null)(`work-order messages through sync${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  let sim: EnterpriseSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it(
    'are all accepted by the enterprise simulator',
    async () => {
      const dir = tempDir();
      const store = openDemoStore(dir, installer);
      const fresh = store.workOrders.deviceBySerial('E9100002');
      const old = store.workOrders.meterAt('UP-1008');
      if (!fresh || !old) throw new Error('demo not loaded');
      completeInstall(store, installer, {
        workOrderId: 'WO-DEMO-IN1',
        newMeter: {
          serial: 'E9100002',
          initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '0' })),
          sealsApplied: ['S-1'],
          photoIds: [],
        },
        note: '',
      });
      completeRemoval(store, installer, {
        workOrderId: 'WO-DEMO-RM1',
        oldMeter: {
          observedSerial: old.serialNumber,
          finalReadings: store.workOrders
            .registersOf(old.id)
            .map((r) => ({ registerId: r.id, value: '77', confirmation: { method: 'reentered' as const } })),
          finalSource: 'manual',
          sealsRemoved: [],
          disposition: 'returned',
          photoIds: [],
        },
        note: '',
      });
      decommissionPan(store, installer, { workOrderId: 'WO-DEMO-PAN2', eui64: DEMO_PAN_DEVICE.eui64 });
      startWorkOrder(store, installer, 'WO-DEMO-EX1');
      reportUnable(store, installer, 'WO-DEMO-EX1', 'Meter cupboard blocked');
      createWorkOrder(store, installer, { kind: 'remove', usagePointId: 'UP-1010', description: 'Vacant' });
      const pending = store.outbox.list({ status: 'pending' }).length;
      const nouns = new Set(store.outbox.list().map((e) => e.noun));
      store.close();
      expect(nouns).toEqual(
        new Set(['MasterDataLinkageConfig', 'MeterConfig', 'MeterReadings', 'EndDeviceConfig', 'MeterServiceRequests']),
      );

      sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise') });
      const synced = await fieldmeterInProcess(['sync', '--db', join(dir, 'demo.db'), '--endpoint', sim.url, '--json']);
      expect(synced.code, synced.stderr).toBe(0);
      expect(JSON.parse(synced.stdout)).toEqual({ sent: pending, accepted: pending, rejected: 0, pending: 0 });
    },
    scaled(60_000),
  );
});
