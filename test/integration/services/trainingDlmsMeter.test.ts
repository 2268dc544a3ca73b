/**
 * The demo route's DLMS stop on the training port (issue 22 item 6, README "Training"): the Read
 * of the optical panel meets a mode E meter served in process, reads registers, clock, disconnect
 * state and a day of load profile through DLMS/COSEM, and saves them with no probe and no key in
 * the meter-key store. The other stops still answer in mode C.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { DLMS_STOP, demoUsagePointId } from '../../../electron/services/demo/demoRoute';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { TRAINING_PORT, type OpticalProgramResult, type OpticalReadResult } from '../../../shared/contract/methods/optical';
import type { DlmsObjectsResult } from '../../../shared/contract/methods/dlmsRead';
import { xorEncryptor } from '../../support/encryptor';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { xsdSkipReason } from '../../support/xsd';

const DAY_MS = 86_400_000;

describe('the training route’s DLMS meter', () => {
  const tempDir = useTempDir();

  async function demoApp() {
    const dir = tempDir();
    const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
    await signInAs(app, 'technician');
    const loaded = await dispatch(app.handlers, 'demo.load', {});
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    return app;
  }

  it(
    'reads the DLMS stop in mode E through the training port and saves its register and load profile',
    async () => {
      const app = await demoApp();
      try {
        const usagePointId = demoUsagePointId(DLMS_STOP);
        const stop = app.store.meters.get(usagePointId);
        expect(stop?.registers).toHaveLength(1);
        const lastValue = stop?.registers[0]?.lastValue;
        const outboxBefore = new Set(app.store.outbox.list({ limit: 100_000 }).map((m) => m.id));
        const day = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
        const result = await dispatch(app.handlers, 'optical.read', { usagePointId, port: TRAINING_PORT, from: day, to: day });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const read = result.value as OpticalReadResult;
        expect(read).toMatchObject({ mode: 'E', manufacturer: 'FMT', meterSerial: stop?.meterSerial, serialMatches: true });
        const dlms = read.dlms;
        if (!dlms) throw new Error('no DLMS result');
        expect(dlms).toMatchObject({ meterSerial: stop?.meterSerial, savedReadings: 1, disconnect: { controlState: 'connected' } });
        // The training meter's clock runs 97 s behind, to practise reading the drift.
        expect(dlms.clock?.driftS).toBeLessThan(-90);
        expect(dlms.registers.find((r) => r.obis === '1-0:1.8.0.255')).toMatchObject({ unit: 'Wh' });
        // A day of 15-minute intervals (Blue Book §4.3.6 selector 1: the interval ending at 00:00 is the day before's).
        expect(dlms.profile?.intervals).toHaveLength(96);
        // The register stands where the last reading and the average daily use put it: saved with no question asked.
        const saved = app.store.meters.get(usagePointId)?.registers[0];
        expect(saved?.lastValue).not.toBe(lastValue);
        expect(Number(saved?.lastValue)).toBeGreaterThan(Number(lastValue));
        const queued = app.store.outbox.list({ limit: 100_000 }).filter((m) => !outboxBefore.has(m.id));
        expect(app.store.outbox.get(dlms.profileMessageId ?? '')).toMatchObject({ kind: 'loadProfile', noun: 'MeterReadings' });
        expect(queued.some((m) => m.messageId === dlms.profileMessageId)).toBe(true);
        if (!xsdSkipReason) expect(outboxSchemaErrors(queued)).toEqual({});
        // The same stop's object list, as the DLMS panel asks for it.
        const objects = await dispatch(app.handlers, 'optical.dlmsObjects', { usagePointId, port: TRAINING_PORT });
        if (!objects.ok) throw new Error(JSON.stringify(objects.error));
        expect((objects.value as DlmsObjectsResult).objects?.map((o) => o.obis)).toEqual(
          expect.arrayContaining(['0-0:1.0.0.255', '1-0:1.8.0.255', '1-0:99.1.0.255']),
        );
      } finally {
        app.close();
      }
    },
    scaled(30_000),
  );

  it(
    'sets the DLMS stop’s clock through the training port for an installer',
    async () => {
      const app = await demoApp();
      try {
        await signInAs(app, 'installer');
        const usagePointId = demoUsagePointId(DLMS_STOP);
        const result = await dispatch(app.handlers, 'optical.program', {
          usagePointId,
          port: TRAINING_PORT,
          operation: 'timeSync',
          password: '',
          protocol: 'dlms',
        });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const done = result.value as OpticalProgramResult;
        expect(done.meterSerialRead).toBe(app.store.meters.get(usagePointId)?.meterSerial);
        expect(done.timeSync?.before.driftS).toBeLessThan(-90);
        expect(Math.abs(done.timeSync?.after.driftS ?? 99)).toBeLessThan(5);
        expect(app.store.outbox.get(done.messageId)).toMatchObject({ kind: 'opticalControl', noun: 'EndDeviceControls' });
      } finally {
        app.close();
      }
    },
    scaled(30_000),
  );

  it('leaves the other stops to the mode C training meter', async () => {
    const app = await demoApp();
    try {
      const result = await dispatch(app.handlers, 'optical.read', { usagePointId: demoUsagePointId(DLMS_STOP - 10), port: TRAINING_PORT });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const read = result.value as OpticalReadResult;
      expect(read.mode).toBe('C');
      expect(read.dlms ?? null).toBeNull();
    } finally {
      app.close();
    }
  });
});
