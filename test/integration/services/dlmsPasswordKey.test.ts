/**
 * The LLS password of a DLMS meter from the meter-key store (kind `dlms.password`, IEC 62056-5-3
 * low-level security), imported by a supervisor from the utility's key file, used by the stop's
 * Read over a PTY with no FIELDMETER_DLMS_PASSWORD set; a wrong one is refused once and never
 * tried again (meters lock after a few), and neither the error nor the audit holds the password.
 * The app's screens take it from the store only: FIELDMETER_DLMS_PASSWORD is the command line's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const hexOf = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

describe.skipIf(socatSkipReason !== null)(
  `DLMS LLS password from the meter-key store${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it(
      'reads with the stored password; a wrong stored password is refused once, never retried, never shown',
      async () => {
        const saved = process.env.FIELDMETER_DLMS_PASSWORD;
        delete process.env.FIELDMETER_DLMS_PASSWORD;
        const dir = tempDir();
        const app = startFieldmeter({
          databasePath: join(dir, 'fm.db'),
          host: 'web',
          meterKeys: { encryptor: secretEncryptor('a secret from the environment') },
        });
        await signInAs(app, 'supervisor');
        await dispatch(app.handlers, 'demo.load', {});
        const stop = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`)).find(
          (m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH,
        );
        if (!stop) throw new Error('no single-register electricity stop in the demo route');
        const importPassword = async (password: string) => {
          await signInAs(app, 'supervisor');
          const content = ['manufacturer,id,kind,key', `,${stop.meterSerial},dlms.password,${hexOf(password)}`].join('\n');
          const imported = await dispatch(app.handlers, 'meterKeys.import', { fileName: 'keys.csv', content });
          expect(imported.ok, JSON.stringify(imported)).toBe(true);
          await signInAs(app, 'technician');
        };
        const running = await runDlmsMeter(join(dir, 'probe'), { password: 'lls-0042', days: 1, serial: stop.meterSerial });
        const read = () =>
          dispatch(app.handlers, 'optical.dlmsRead', {
            usagePointId: stop.usagePointId,
            port: running.appPath,
            confirmReason: 'simulated meter',
          });
        try {
          const counts = await dispatch(app.handlers, 'meterKeys.count', {});
          expect(counts.ok ? counts.value : null).toMatchObject({ 'dlms.password': 0 });

          await importPassword('lls-0042');
          const ok = await read();
          if (!ok.ok) throw new Error(JSON.stringify(ok.error));
          expect(ok.value).toMatchObject({ meterSerial: stop.meterSerial, savedReadings: 1 });
          expect(running.meter.meter.hdlc.refusals).toBe(0);

          await importPassword('wrong-01');
          const signOns = running.meter.meter.signOns;
          const refused = await read();
          expect(refused.ok ? null : refused.error).toMatchObject({ code: 'OPTICAL_READ_FAILED', details: { code: 'PASSWORD_REJECTED' } });
          // One association attempt, one sign-on: never tried again.
          expect(running.meter.meter.hdlc.refusals).toBe(1);
          expect(running.meter.meter.signOns).toBe(signOns + 1);
          const shown = JSON.stringify(refused) + JSON.stringify(app.store.db.prepare('SELECT details FROM audit_log').all());
          for (const secret of ['lls-0042', 'wrong-01', hexOf('lls-0042'), hexOf('wrong-01')]) expect(shown).not.toContain(secret);
        } finally {
          if (saved !== undefined) process.env.FIELDMETER_DLMS_PASSWORD = saved;
          await running.stop();
          app.close();
        }
      },
      scaled(60_000),
    );
    it(
      'with no stored password the screens refuse, naming the meter, though FIELDMETER_DLMS_PASSWORD is set: no password sent',
      async () => {
        const saved = process.env.FIELDMETER_DLMS_PASSWORD;
        process.env.FIELDMETER_DLMS_PASSWORD = 'lls-0042';
        const dir = tempDir();
        const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
        await signInAs(app, 'technician');
        await dispatch(app.handlers, 'demo.load', {});
        const stop = app.store.meters.get('UP-1002');
        if (!stop) throw new Error('no UP-1002 in the demo route');
        const running = await runDlmsMeter(join(dir, 'probe'), { password: 'lls-0042', days: 1, serial: stop.meterSerial });
        const hdlc = running.meter.meter.hdlc;
        try {
          const read = await dispatch(app.handlers, 'optical.dlmsRead', { usagePointId: 'UP-1002', port: running.appPath });
          expect(read.ok ? null : read.error).toMatchObject({
            code: 'OPTICAL_READ_FAILED',
            details: { reason: 'meterPasswordMissing', meterSerial: stop.meterSerial },
          });
          expect(app.store.meters.get('UP-1002')?.registers).toEqual(stop.registers);

          await signInAs(app, 'installer');
          const clock = await dispatch(app.handlers, 'optical.program', {
            usagePointId: 'UP-1002',
            port: running.appPath,
            operation: 'timeSync',
            password: '',
            protocol: 'dlms',
          });
          expect(clock.ok ? null : clock.error).toMatchObject({
            code: 'OPTICAL_PROGRAM_FAILED',
            details: { reason: 'meterPasswordMissing', meterSerial: stop.meterSerial, wroteToMeter: false },
          });
          // Each attempt asked once, with the lowest-level security: no password guessed, none empty.
          expect(hdlc.associations).toEqual([
            { mechanism: 'none', secret: false },
            { mechanism: 'none', secret: false },
          ]);
        } finally {
          if (saved === undefined) delete process.env.FIELDMETER_DLMS_PASSWORD;
          else process.env.FIELDMETER_DLMS_PASSWORD = saved;
          await running.stop();
          app.close();
        }
      },
      scaled(60_000),
    );
  },
);
