/**
 * The programming panel's clock set for a DLMS meter (issue 22 item 4), through the contract over a
 * PTY: a SET of Clock 0-0:1.0.0.255 attribute 2 `time` (Blue Book class 8) after the serial check,
 * read back, audited and queued as an EndDeviceControls outcome; installers only. A demand reset
 * through DLMS is refused without a word to the meter.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import type { OpticalProgramResult } from '../../../shared/contract/methods/optical';
import { importDlmsPassword } from '../../support/dlmsPassword';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

describe.skipIf(socatSkipReason !== null)(
  `DLMS clock set from the programming panel${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it(
      'sets the clock of the stop’s DLMS meter, verified, audited and queued; a technician may not; a demand reset without a model is refused',
      async () => {
        const dir = tempDir();
        const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
        await signInAs(app, 'technician');
        await dispatch(app.handlers, 'demo.load', {});
        const stop = app.store.meters.get('UP-1002');
        if (!stop) throw new Error('no UP-1002 in the demo route');
        await importDlmsPassword(app, stop.meterSerial, 'secret01', 'technician');
        const running = await runDlmsMeter(join(dir, 'probe'), { password: 'secret01', days: 1, serial: stop.meterSerial });
        running.meter.meter.hdlc.objects.clockOffsetMs = -95_000;
        const program = (operation: 'timeSync' | 'demandReset') =>
          dispatch(app.handlers, 'optical.program', {
            usagePointId: 'UP-1002',
            port: running.appPath,
            operation,
            password: '',
            protocol: 'dlms',
          });
        try {
          const refused = await program('timeSync');
          expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
          expect(running.meter.meter.signOns).toBe(0);

          await signInAs(app, 'installer');
          const outbox = app.store.outbox.list().length;
          const result = await program('timeSync');
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          const value = result.value as OpticalProgramResult;
          expect(value.timeSync?.before.driftS).toBeLessThan(-90);
          expect(Math.abs(value.timeSync?.after.driftS ?? 99)).toBeLessThan(5);
          expect(Math.abs(running.meter.meter.hdlc.objects.clockOffsetMs)).toBeLessThan(5000);
          expect(app.store.outbox.get(value.messageId)).toMatchObject({ kind: 'opticalControl' });
          expect(app.store.outbox.list()).toHaveLength(outbox + 1);

          const signOns = running.meter.meter.signOns;
          const reset = await program('demandReset');
          expect(reset.ok ? null : reset.error).toMatchObject({
            code: 'OPTICAL_PROGRAM_FAILED',
            details: { reason: 'meterModelNotConfigured', wroteToMeter: false },
          });
          // Signed on to learn the meter type; no ACTION reached the meter.
          expect(running.meter.meter.signOns).toBe(signOns + 1);
          expect(running.meter.meter.hdlc.demand.invoked).toEqual([]);
        } finally {
          await running.stop();
          app.close();
        }
      },
      scaled(30_000),
    );
  },
);
