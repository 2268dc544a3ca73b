/**
 * A value the meter dated itself (DSMR 5.0.2 §6.12 0-n:24.2.1 `(capture time)(value*m3)`) is sent
 * with that time as the reading's timestamp, not the time of the visit; a capture time after the
 * read is not believed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

describe('readings dated by the meter', () => {
  const tempDir = useTempDir();

  it('takes the capture time of an optical value as its timestamp', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'fm.db'));
    const actor = { name: 't', role: 'technician' } as const;
    importRoute(store, actor, {
      fileName: 'r.csv',
      content: csv(row({}), row({ seq: '20', up: 'UP-2', serial: 'E2' })),
      acceptValidRows: false,
    });
    const context = { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date('2026-11-23T08:00:00Z') };
    const register = (up: string) => store.meters.get(up)!.registers[0]!.id;
    saveManualReadings(
      store,
      actor,
      {
        usagePointId: 'UP-1',
        source: 'optical',
        values: [{ registerId: register('UP-1'), value: '1001', capturedAt: '2026-11-23T07:55:00+01:00' }],
      },
      context,
    );
    saveManualReadings(
      store,
      actor,
      {
        usagePointId: 'UP-2',
        source: 'optical',
        values: [{ registerId: register('UP-2'), value: '1001', capturedAt: '2026-11-23T09:00:00Z' }],
      },
      context,
    );
    const stamps = store.outbox
      .list()
      .filter((e) => e.noun === 'MeterReadings')
      .map((e) => (e.payload as { readings: { timeStamp: string }[] }).readings[0]!.timeStamp);
    expect(stamps).toEqual(['2026-11-23T06:55:00.000Z', '2026-11-23T08:00:00.000Z']);
    store.close();
  });
});
