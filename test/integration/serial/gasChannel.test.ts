/**
 * A gas meter read through the optical Read (issue 20 §1, gas volume): the electricity meter at the
 * probe — the simulator on a real socat PTY — sends a DSMR-style readout whose M-Bus channel 1 is a
 * gas meter (DSMR 5.0.2 §6.12: 0-1:24.1.0 device type 3, 0-1:96.1.0 its id, 0-1:24.2.1 capture time
 * and volume). The read names the gas meter by its own id and gives the volume with its unit and the
 * meter's capture time; saved, it is the gas meter's reading in m³, dated by that capture time.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { csv, KWH_T1, row } from '../../support/routeCsv';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { socatSkipReason, startMeter, type Harness } from './ptyHarness';

/** Gas volume, temperature converted (61968-9 commodity 7 natural gas, kind 58 volume, UnitSymbol 167 m3Compensated). */
const GAS_M3 = '0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.167.0';

interface ReadValue {
  obis: string;
  value: string;
  unit: string | null;
  registerId: number | null;
  registerValue: string | null;
  capturedAt?: string | null;
}

describe.skipIf(socatSkipReason !== null)(
  `the gas channel of a DSMR readout through the optical Read${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('reads the volume with its unit and capture time, and saves it as the gas meter’s reading', async () => {
      harness = await startMeter('dsmr-gas', { reactionScale: 0.1 });
      const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
      try {
        const actor = await signInAs(app, 'technician');
        importRoute(app.store, actor, {
          fileName: 'gas.csv',
          content: csv(
            row({
              up: 'UP-GAS',
              seq: '10',
              serial: 'G0078510012345678',
              type: GAS_M3,
              dials: '5',
              decimals: '3',
              // Read 20 days ago at 1215 m³, about 1 m³ a day: the simulator's 1234.567 m³ is a usual use.
              last: '1215',
              date: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
              average: '1',
            }),
            row({ up: 'UP-EL', seq: '20', serial: 'E0031003001699515', type: KWH_T1, dials: '6', last: '120' }),
          ),
          acceptValidRows: false,
        });

        const read = await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-GAS', port: harness.appPath });
        if (!read.ok) throw new Error(JSON.stringify(read.error));
        const result = read.value as { meterSerial: string | null; serialMatches: boolean | null; values: ReadValue[] };
        // The gas meter by its own id from the channel, not the electricity meter's.
        expect(result).toMatchObject({ meterSerial: 'G0078510012345678', serialMatches: true });
        const gas = result.values.find((v) => v.registerId !== null);
        expect(gas).toMatchObject({
          obis: '0-1:24.2.1',
          value: '01234.567',
          unit: 'm3',
          registerValue: '1234.567',
          // 2024-01-15 12:30:00 winter time (W) = UTC+1.
          capturedAt: '2024-01-15T11:30:00.000Z',
        });
        // The electricity registers of the host meter are not this usage point's.
        expect(result.values.filter((v) => v.registerId !== null)).toHaveLength(1);

        const register = app.store.meters.get('UP-GAS')!.registers[0]!;
        const saved = await dispatch(app.handlers, 'readings.save', {
          usagePointId: 'UP-GAS',
          source: 'optical',
          observedSerial: result.meterSerial!,
          values: [{ registerId: gas!.registerId!, value: gas!.registerValue!, capturedAt: gas!.capturedAt! }],
          note: '',
        });
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
        const message = app.store.outbox.list().find((e) => e.kind === 'meterReadings');
        expect(message?.payload).toMatchObject({
          meter: 'G0078510012345678',
          usagePoint: 'UP-GAS',
          readings: [{ readingType: GAS_M3, value: '1234.567', timeStamp: '2024-01-15T11:30:00.000Z' }],
        });
        expect(app.store.meters.get('UP-GAS')!.registers[0]).toMatchObject({ id: register.id, lastValue: '1234.567' });
      } finally {
        app.close();
      }
    }, 30_000);
  },
);
