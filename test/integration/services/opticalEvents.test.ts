/**
 * The meter's health read through the probe (F.F, C.5.0, C.7.x): stored per meter when read,
 * reported as EndDeviceEvents in the transaction that saves the optical reading, XSD-valid.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { renderForSync } from '../../../electron/services/messages/renderOutbox';
import { extractPayload } from '../../../electron/services/messages/xsdValidator';
import { TRAINING_PORT, type OpticalReadResult } from '../../../shared/contract/methods/optical';
import { messageXsdFor, payloadXsd, typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';
import { signInAs } from '../../support/profiles';

async function readAndSave(app: Fieldmeter, usagePointId: string): Promise<OpticalReadResult> {
  const read = await dispatch(app.handlers, 'optical.read', { usagePointId, port: TRAINING_PORT });
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const result = read.value as OpticalReadResult;
  const values = result.values.flatMap((v) =>
    v.registerId !== null && v.registerValue !== null ? [{ registerId: v.registerId, value: v.registerValue }] : [],
  );
  const saved = await dispatch(app.handlers, 'readings.save', {
    usagePointId,
    source: 'optical',
    observedSerial: result.meterSerial,
    values,
    note: 'second visit',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return result;
}

const eventMessages = (app: Fieldmeter) => app.store.outbox.list().filter((e) => e.noun === 'EndDeviceEvents');

describe('meter health from the optical probe', () => {
  const tempDir = useTempDir();

  it('a fault in F.F is shown, stored when read, and queued with the saved reading as EndDeviceEvents', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      await dispatch(app.handlers, 'demo.load', {});
      const read = await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1002', port: TRAINING_PORT });
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      expect((read.value as OpticalReadResult).status).toEqual({
        errorRegister: '00000010',
        errorRegisterSet: true,
        statusWord: '0001',
        powerFailCounters: { 'C.7.0': '0002' },
      });
      const meter = app.store.meters.get('UP-1002')!;
      // stored when read, not yet reported, nothing queued before the save
      expect(app.store.meterStatus.history(meter.deviceId)).toMatchObject([
        { errorRegister: '00000010', meterModel: 'isk-mt', readingSetId: null },
      ]);
      expect(eventMessages(app)).toEqual([]);

      await readAndSave(app, 'UP-1002');
      const history = app.store.meterStatus.history(meter.deviceId);
      expect(history).toHaveLength(2);
      expect(history[0]!.readingSetId).toBeNull(); // an earlier read, superseded by the one saved
      expect(history[1]!.readingSetId).not.toBeNull();
      const [message] = eventMessages(app);
      expect(message).toMatchObject({ verb: 'created', usagePointId: 'UP-1002' });
      const payload = message!.payload as { meter: string; events: { eventType: string }[] };
      expect(payload.meter).toBe('E3100002');
      expect(payload.events.map((e) => e.eventType)).toEqual(['3.0.43.79', '3.12.141.212']);
      expect(app.store.endDevices.recordedEvents(10).map((e) => [e.serial_number, e.event_type])).toEqual([
        ['E3100002', '3.0.43.79'],
        ['E3100002', '3.12.141.212'],
      ]);
      // the same meter read and saved again with the same state: nothing new to tell
      await readAndSave(app, 'UP-1002');
      expect(eventMessages(app)).toHaveLength(1);

      if (!xsdSkipReason) {
        const typed = renderForSync(message!, { source: 'FIELDMETER-TEST' }, 'typed');
        expect(validateXml(typed, typedXsd('EndDeviceEvents')).errors).toEqual([]);
        expect(typed).toContain('<m:name>F.F</m:name>');
        const generic = renderForSync(message!, { source: 'FIELDMETER-TEST' }, 'generic');
        expect(validateXml(generic, messageXsdFor('EndDeviceEvents')).errors).toEqual([]);
        expect(validateXml(extractPayload(generic)?.xml ?? '', payloadXsd('EndDeviceEvents')).errors).toEqual([]);
      }
    } finally {
      app.close();
    }
  }, 30_000);

  it("a healthy meter: no warning, no events; a counter rise goes out as a count reading, logged failures as events at the meter's own times", async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      await dispatch(app.handlers, 'demo.load', {});
      const first = await readAndSave(app, 'UP-1004');
      expect(first.status).toMatchObject({ errorRegisterSet: false, powerFailCounters: { 'C.7.0': '0002' } });
      expect(eventMessages(app)).toEqual([]);

      // Two outages since: the meter now counts 4 and logs them (DSMR 5.0.2 §6.12 1-0:99.97.0: end of
      // each failure in the meter's local time, W = winter UTC+1, and its duration), as a later read stores it.
      const meter = app.store.meters.get('UP-1004')!;
      const log = [
        { start: '2026-11-18T02:56:00.000Z', end: '2026-11-18T03:00:00.000Z', durationS: 240 },
        { start: '2026-11-19T11:00:00.000Z', end: '2026-11-19T11:10:00.000Z', durationS: 600 },
      ];
      app.store.meterStatus.insert(meter.deviceId, '2026-11-20T08:00:00.000Z', 'isk-mt', {
        errorRegister: '00000000',
        statusWord: '0000',
        powerFailCounters: { 'C.7.0': '0004' },
        powerFailureLog: log,
      });
      const before = app.store.outbox.list().length;
      const values = first.values.flatMap((v) => (v.registerId !== null ? [{ registerId: v.registerId, value: v.registerValue! }] : []));
      const saved = await dispatch(app.handlers, 'readings.save', { usagePointId: 'UP-1004', source: 'optical', values });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      const [message] = eventMessages(app);
      // Not one down/up pair dated at the visit (the old behaviour): each logged failure, at its own start and end.
      expect((message!.payload as { events: { eventType: string; createdDateTime: string }[] }).events).toEqual([
        expect.objectContaining({ eventType: '3.26.38.85', createdDateTime: '2026-11-18T02:56:00.000Z' }),
        expect.objectContaining({ eventType: '3.26.38.49', createdDateTime: '2026-11-18T03:00:00.000Z' }),
        expect.objectContaining({ eventType: '3.26.38.85', createdDateTime: '2026-11-19T11:00:00.000Z' }),
        expect.objectContaining({ eventType: '3.26.38.49', createdDateTime: '2026-11-19T11:10:00.000Z' }),
      ]);
      // The counter's rise as a count reading in the visit's MeterReadings: MeasurementKind powerOutage 136, unit count 111.
      const readingsMessage = app.store.outbox
        .list()
        .slice(before)
        .find((e) => e.noun === 'MeterReadings')!;
      const readings = (
        readingsMessage.payload as { readings: { readingType: string; value: string; timeStamp: string; comment?: string }[] }
      ).readings;
      expect(readings.find((r) => r.readingType === '0.0.0.1.0.1.136.0.0.0.0.0.0.0.0.0.111.0')).toMatchObject({
        value: '4',
        timeStamp: '2026-11-20T08:00:00.000Z',
        comment: expect.stringContaining('rose by 2'),
      });
      if (!xsdSkipReason) {
        expect(validateXml(renderForSync(message!, { source: 'FIELDMETER-TEST' }, 'typed'), typedXsd('EndDeviceEvents')).errors).toEqual(
          [],
        );
        expect(
          validateXml(renderForSync(readingsMessage, { source: 'FIELDMETER-TEST' }, 'typed'), typedXsd('MeterReadings')).errors,
        ).toEqual([]);
      }
    } finally {
      app.close();
    }
  }, 30_000);
});
