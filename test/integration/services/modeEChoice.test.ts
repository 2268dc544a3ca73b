/**
 * The optical Read chooses DLMS by itself (issue 22 item 2): a meter whose identification carries
 * `\2` (IEC 62056-21 §6.3.14 item 15, Annex E) is read through HDLC and DLMS/COSEM and saved as the
 * DLMS panel does; a mode C meter is read as before. Both over a real socat PTY.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import type { OpticalReadResult } from '../../../shared/contract/methods/optical';
import { importDlmsPassword } from '../../support/dlmsPassword';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason, startMeter } from '../serial/ptyHarness';

const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';

describe.skipIf(socatSkipReason !== null)(
  `optical.read chooses the protocol the meter offers${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    async function demoApp() {
      const dir = tempDir();
      const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
      await signInAs(app, 'technician');
      await dispatch(app.handlers, 'demo.load', {});
      const stop = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`)).find(
        (m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH,
      );
      if (!stop) throw new Error('no single-register electricity stop in the demo route');
      return { app, dir, stop };
    }

    it(
      'a mode E meter is read through DLMS without being asked: registers saved, the day of profile queued',
      async () => {
        const { app, dir, stop } = await demoApp();
        await importDlmsPassword(app, stop.meterSerial, 'secret01', 'technician');
        const running = await runDlmsMeter(join(dir, 'probe'), { password: 'secret01', days: 2, serial: stop.meterSerial });
        // The register where the stop's usual use puts it today: no question about the value.
        const register = stop.registers[0];
        const days = register?.lastReadAt ? (Date.now() - Date.parse(register.lastReadAt)) / 86_400_000 : 0;
        const usual = Math.round(Number(register?.lastValue ?? '0') + (register?.averageDailyUse ?? 0) * days);
        const objects = running.meter.meter.hdlc.objects;
        objects.registerStartWh = usual * 1000 - objects.registerValue('1-0:1.8.0.255');
        try {
          const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
          const result = await dispatch(app.handlers, 'optical.read', {
            usagePointId: stop.usagePointId,
            port: running.appPath,
            from: day,
            to: day,
          });
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          const value = result.value as OpticalReadResult;
          expect(value).toMatchObject({ manufacturer: 'LGZ', mode: 'E', values: [], serialMatches: true });
          expect(value.dlms).toMatchObject({ meterSerial: stop.meterSerial, savedReadings: 1 });
          expect(value.dlms?.profile?.intervals).toHaveLength(96);
          expect(app.store.outbox.get(value.dlms?.profileMessageId ?? '')?.kind).toBe('loadProfile');
          expect(app.store.meters.get(stop.usagePointId)?.registers[0]?.lastValue).toBe(String(usual));
          // The mode C read stopped at the identification; the DLMS read signed on again.
          expect(running.meter.meter.signOns).toBe(2);
        } finally {
          await running.stop();
          app.close();
        }
      },
      scaled(30_000),
    );

    it(
      'a mode C meter is read as before: its values for the form, nothing saved, no DLMS',
      async () => {
        const { app, stop } = await demoApp();
        const harness = await startMeter('mode-c', { reactionScale: 0.1 });
        try {
          const result = await dispatch(app.handlers, 'optical.read', { usagePointId: stop.usagePointId, port: harness.appPath });
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          const value = result.value as OpticalReadResult;
          expect(value).toMatchObject({ manufacturer: 'ISK', mode: 'C' });
          expect(value.dlms ?? null).toBeNull();
          expect(value.values.length).toBeGreaterThan(0);
          expect(app.store.meters.get(stop.usagePointId)?.registers[0]?.lastValue).toBe(stop.registers[0]?.lastValue);
        } finally {
          await harness.close();
          app.close();
        }
      },
      scaled(30_000),
    );
  },
);
