/**
 * A finished work order or switch order shows what was done (issue 17 §3), read back from the
 * database: readings with values and units (final of the meter taken out, initial of the one put
 * in), seals removed and applied, photos, PAN devices.
 */
import { describe, expect, it } from 'vitest';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { recordControl } from '../../../electron/services/switching/control';
import { completeExchange } from '../../../electron/services/workOrders/exchange';
import { commissionPan } from '../../../electron/services/workOrders/pan';
import { switchOrderRecord, workOrderRecord } from '../../../electron/services/workOrders/record';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';

const installer = { name: 'Ines Installer', role: 'installer' } as const;
// An install code with a valid CRC, as the PAN tests use it (Zigbee install code, CRC-16/X-25).
const CODE = '83FED3407A939723A5C639B26916D505C3B5';

describe('what a finished order did', () => {
  const tempDir = useTempDir();

  it('an exchange: final and initial readings with units, seals off and on', () => {
    const store = openDemoStore(tempDir(), installer);
    const old = store.workOrders.meterAt('UP-1001');
    const fresh = store.workOrders.deviceBySerial('E9100001');
    if (!old || !fresh) throw new Error('demo not loaded');
    expect(workOrderRecord(store, 'WO-DEMO-EX1').readings).toEqual([]);
    const finals = store.workOrders.registersOf(old.id).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    completeExchange(store, installer, {
      workOrderId: 'WO-DEMO-EX1',
      oldMeter: {
        observedSerial: old.serialNumber,
        finalReadings: finals,
        finalSource: 'manual',
        sealsRemoved: ['S-OLD-1'],
        disposition: 'returned',
        photoIds: [],
      },
      newMeter: {
        serial: 'E9100001',
        initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '5' })),
        sealsApplied: ['S-NEW-1'],
        photoIds: [],
      },
      note: '',
    });
    const record = workOrderRecord(store, 'WO-DEMO-EX1');
    expect(record.readings.filter((r) => r.role === 'final').map((r) => [r.meter, r.value, r.unit])).toEqual(
      finals.map((f) => [old.serialNumber, f.value, 'kWh']),
    );
    expect(record.readings.filter((r) => r.role === 'initial').map((r) => [r.meter, r.value, r.unit])).toEqual([['E9100001', '5', 'kWh']]);
    expect(record.sealsRemoved).toContain('S-OLD-1');
    expect(record.sealsApplied).toEqual(['S-NEW-1']);
    expect(record.photos).toBe(0);
    store.close();
  });

  it('a PAN commissioning lists the device', () => {
    const store = openDemoStore(tempDir(), installer);
    commissionPan(store, installer, {
      workOrderId: 'WO-DEMO-PAN1',
      deviceType: 'inHomeDisplay',
      eui64: '000D6F000ABCDEF0',
      installCode: CODE,
    });
    expect(workOrderRecord(store, 'WO-DEMO-PAN1').panDevices).toEqual([
      { eui64: '000D6F000ABCDEF0', deviceType: 'inHomeDisplay', change: 'commissioned', at: expect.any(String) },
    ]);
    store.close();
  });

  it('a disconnect: its reading with units and the seal applied', () => {
    const store = openDemoStore(tempDir(), installer);
    const values = (store.meters.get('UP-1009')?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
    recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'localSwitch', sealNumber: 'SEAL-9', values },
      { settings: defaultValidationSettings, photoDir: tempDir() },
    );
    const record = switchOrderRecord(store, 'SW-DEMO-DC9');
    expect(record.readings.map((r) => [r.role, r.value])).toEqual(values.map((v) => ['reading', v.value]));
    expect(record.readings.every((r) => r.unit !== '')).toBe(true);
    expect(record.sealsApplied).toEqual(['SEAL-9']);
    expect(record.sealsRemoved).toEqual([]);
    store.close();
  });
});
