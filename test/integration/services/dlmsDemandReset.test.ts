/**
 * The demand reset of a DLMS meter from the programming panel (issue 22 item 4), through the
 * contract over a PTY against the simulated meter: the ACTION is the one the meter model names —
 * Script Table (class 9) method 1 `execute` of the MDI reset script 0-0:10.0.1.255, or Demand
 * Register (class 5) method 1 `reset` (Blue Book ed. 12 §4.4.5, §4.3.3) — after the serial check,
 * read back, audited and queued as an EndDeviceControls outcome (3.8.0.214) with the event
 * 3.8.0.215. A meter type without a model, or a model without a DLMS reset, gets nothing sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { assignModel } from '../../../electron/services/optical/meterModelCatalog';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import type { OpticalProgramResult } from '../../../shared/contract/methods/optical';
import { importDlmsPassword } from '../../support/dlmsPassword';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const modeC = {
  format: 'fieldmeter-meter-model/1',
  source: 'The register map of the Fieldmeter DLMS meter simulator (shared/dlms/simulator/demandObjects.ts)',
  password: { command: 'P1', algorithm: 'clear' },
  clock: { date: { address: '0.9.2', format: 'YYMMDD' }, time: { address: '0.9.1', format: 'hhmmss' }, timeBasis: 'localStandard' },
  demandReset: null,
  serialRegister: 'C.1.0',
};
const models = {
  'sim-mdi-script': {
    dlmsDemandReset: {
      method: 'scriptExecute',
      script: '0-0:10.0.1.255',
      scriptId: 1,
      demandRegisters: [{ classId: 4, obis: '1-0:1.6.0.255' }],
      resetCounter: '1-0:0.1.0.255',
    },
  },
  'sim-demand-register': {
    dlmsDemandReset: { method: 'demandRegisterReset', demandRegisters: [{ classId: 5, obis: '1-0:1.4.0.255' }], resetCounter: null },
  },
  'sim-no-dlms-reset': {},
};

describe.skipIf(socatSkipReason !== null)(
  `DLMS demand reset from the programming panel${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it(
      'acts as the model says, verifies, audits and queues; refuses without a word to the meter when the model has no DLMS reset',
      async () => {
        const dir = tempDir();
        const folder = join(dir, 'meter-models');
        mkdirSync(folder);
        for (const [name, extra] of Object.entries(models))
          writeFileSync(join(folder, `${name}.json`), JSON.stringify({ ...modeC, name, description: name, ...extra }));
        const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
        await signInAs(app, 'installer');
        await dispatch(app.handlers, 'demo.load', {});
        const stop = app.store.meters.get('UP-1002');
        if (!stop) throw new Error('no UP-1002 in the demo route');
        await importDlmsPassword(app, stop.meterSerial, 'secret01', 'installer');
        const running = await runDlmsMeter(join(dir, 'probe'), { password: 'secret01', days: 1, serial: stop.meterSerial });
        const demand = running.meter.meter.hdlc.demand;
        const reset = () =>
          dispatch(app.handlers, 'optical.program', {
            usagePointId: 'UP-1002',
            port: running.appPath,
            operation: 'demandReset',
            password: '',
            protocol: 'dlms',
          });
        // The meter type as the meter identifies: the ident after the baud character, mode E marker `\2` included (§6.3.14 item 15).
        const use = (model: string) => assignModel(app.store, { manufacturer: 'LGZ', identPrefix: '\\2ZMF100' }, model);
        const audits = () =>
          app.store.db.prepare("SELECT details FROM audit_log WHERE action = 'optical.demandReset' ORDER BY rowid").all() as {
            details: string;
          }[];
        try {
          // No model for the meter type: read, never programmed.
          const unassigned = await reset();
          expect(unassigned.ok ? null : unassigned.error).toMatchObject({
            details: { reason: 'meterModelNotConfigured', wroteToMeter: false },
          });
          use('sim-no-dlms-reset');
          const noReset = await reset();
          expect(noReset.ok ? null : noReset.error).toMatchObject({
            code: 'OPTICAL_PROGRAM_FAILED',
            details: { reason: 'dlmsDemandResetNotConfigured', code: 'NOT_SUPPORTED', wroteToMeter: false, meterType: 'LGZ \\2ZMF100AC' },
          });
          expect(demand.invoked).toEqual([]);

          use('sim-mdi-script');
          const outbox = app.store.outbox.list().length;
          const done = await reset();
          if (!done.ok) throw new Error(JSON.stringify(done.error));
          const value = done.value as OpticalProgramResult;
          expect(demand.invoked).toEqual(['execute 0-0:10.0.1.255 #1']);
          expect(value.demandReset).toEqual({
            demandBefore: [{ value: '4312', unit: 'W' }],
            demandAfter: [{ value: '0', unit: 'W' }],
            resetCounterBefore: '17',
            resetCounterAfter: '18',
          });
          const control = app.store.outbox.get(value.messageId);
          expect(control).toMatchObject({
            kind: 'opticalControl',
            payload: { controlType: '3.8.0.214', result: 'OK', operation: 'demandReset' },
          });
          // The outcome, the demand before the reset as a reading, and the event 3.8.0.215.
          expect(app.store.outbox.list().length).toBe(outbox + 3);
          expect(JSON.stringify(app.store.outbox.list().map((m) => m.payload))).toContain('3.8.0.215');
          expect(JSON.parse(audits().at(-1)?.details ?? '{}')).toMatchObject({ protocol: 'dlms', result: 'OK', wroteToMeter: true });

          use('sim-demand-register');
          const byRegister = await reset();
          if (!byRegister.ok) throw new Error(JSON.stringify(byRegister.error));
          expect(demand.invoked.at(-1)).toBe('reset 1-0:1.4.0.255');
          expect((byRegister.value as OpticalProgramResult).demandReset?.demandAfter).toEqual([{ value: '0', unit: 'W' }]);

          // A meter that acknowledges the script and does nothing did not reset: reported as failed.
          use('sim-mdi-script');
          demand.scriptWorks = false;
          const unverified = await reset();
          expect(unverified.ok ? null : unverified.error).toMatchObject({
            details: { reason: 'demandResetNotVerified', code: 'DEMAND_RESET_NOT_VERIFIED', wroteToMeter: true },
          });
          expect(
            app.store.outbox.get((unverified.ok ? null : (unverified.error.details as { messageId: string }))?.messageId ?? ''),
          ).toMatchObject({
            payload: { result: 'FAILED' },
          });
          expect(audits()).toHaveLength(5);
        } finally {
          await running.stop();
          app.close();
        }
      },
      scaled(60_000),
    );
  },
);
