/**
 * One read model of what a visit recorded: the job record a finished order shows
 * (workOrders.record, switching.record) and the canonical visit record a receipt is sealed over
 * (evidence/visitRecord) read the same reading sets, readings and photos. Both callers' outputs on
 * one seeded database are kept as they were before the two readers were merged (the snapshot was
 * taken from the two separate readers); ids and times are replaced by their order of first appearance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visitRecord } from '../../../electron/services/evidence/visitRecord';
import { addPhoto } from '../../../electron/services/readings/photos';
import { recordControl } from '../../../electron/services/switching/control';
import { takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { completeExchange } from '../../../electron/services/workOrders/exchange';
import { completeRemoval } from '../../../electron/services/workOrders/meterJobs';
import { switchOrderRecord, workOrderRecord } from '../../../electron/services/workOrders/record';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';

const installer = { name: 'Ines Installer', role: 'installer' } as const;
const png = readFileSync(join(import.meta.dirname, '../../fixtures/meter-photo.png'));
/** Photos are kept by their content's hash: each one here gets bytes of its own after the image's end. */
const photoBytes = (n: number) => Buffer.concat([png, Buffer.from([n])]).toString('base64');
const volatile = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,64}/g;

/** The value as JSON with each distinct id or time replaced by its order of first appearance. */
function stable(value: unknown): unknown {
  const seen = new Map<string, string>();
  const text = JSON.stringify(value).replace(volatile, (v) => {
    if (!seen.has(v)) seen.set(v, `${v.includes('T') ? 'time' : 'id'}#${seen.size + 1}`);
    return seen.get(v)!;
  });
  return JSON.parse(text) as unknown;
}

describe('one visit read model', () => {
  const tempDir = useTempDir();

  it("the job records and the receipts' visit records read the same facts as before", () => {
    const dir = tempDir();
    const photoDir = join(dir, 'photos');
    const store = openDemoStore(dir, installer);
    let photos = 0;
    const photo = (usagePointId: string) =>
      addPhoto(store, installer, photoDir, {
        usagePointId,
        fileName: 'register.png',
        mimeType: 'image/png',
        dataBase64: photoBytes(++photos),
      }).photoId;
    const context = { settings: defaultValidationSettings, photoDir };

    const old = store.workOrders.meterAt('UP-1001')!;
    const fresh = store.workOrders.deviceBySerial('E9100001')!;
    completeExchange(store, installer, {
      workOrderId: 'WO-DEMO-EX1',
      oldMeter: {
        observedSerial: old.serialNumber,
        finalReadings: store.workOrders.registersOf(old.id).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' })),
        finalSource: 'manual',
        sealsRemoved: ['S-OLD-1'],
        disposition: 'returned',
        photoIds: [photo('UP-1001')],
      },
      newMeter: {
        serial: 'E9100001',
        initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '5' })),
        sealsApplied: ['S-NEW-1'],
        photoIds: [photo('UP-1001')],
      },
      note: 'exchanged',
    });
    const removed = store.workOrders.meterAt('UP-1008')!;
    completeRemoval(store, installer, {
      workOrderId: 'WO-DEMO-RM1',
      oldMeter: {
        observedSerial: removed.serialNumber,
        finalReadings: store.workOrders
          .registersOf(removed.id)
          .map((r) => ({ registerId: r.id, value: '4321', confirmation: { method: 'reentered' as const } })),
        finalSource: 'manual',
        sealsRemoved: ['S-RM-1'],
        disposition: 'scrapped',
        photoIds: [],
      },
      note: '',
    });
    const valuesAt = (usagePointId: string) =>
      (store.meters.get(usagePointId)?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    takeSwitchReading(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-MO5', values: valuesAt('UP-1005'), photoIds: [photo('UP-1005')] },
      {
        ...context,
        now: new Date(),
      },
    );
    recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'localSwitch', sealNumber: 'SEAL-9', values: valuesAt('UP-1009') },
      context,
    );

    const workOrders = ['WO-DEMO-EX1', 'WO-DEMO-RM1', 'WO-DEMO-IN1'];
    const switchOrders = ['SW-DEMO-MO5', 'SW-DEMO-DC9'];
    const outputs = {
      jobRecords: {
        ...Object.fromEntries(workOrders.map((id) => [id, workOrderRecord(store, id)])),
        ...Object.fromEntries(switchOrders.map((id) => [id, switchOrderRecord(store, id)])),
      },
      visitRecords: {
        ...Object.fromEntries(workOrders.slice(0, 2).map((id) => [id, visitRecord(store, { kind: 'workOrder', id })])),
        ...Object.fromEntries(switchOrders.map((id) => [id, visitRecord(store, { kind: 'switchOrder', id })])),
      },
    };
    store.close();
    expect(outputs.jobRecords['WO-DEMO-EX1']!.photos).toBe(2);
    expect(stable(outputs)).toMatchSnapshot();
  });
});
