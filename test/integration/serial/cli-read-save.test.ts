/**
 * `fieldmeter read --save`: the CLI reads the simulated meter on a real socat PTY and saves the
 * values as the stop's optical reading through the app's own services — the same checks, with
 * the form's confirmations given as options; a refused save stores no reading.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { fieldmeter } from '../../support/cli';
import { csv, KWH, KWH_T1, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { setClockWithinS, socatSkipReason, startMeter, type Harness } from './ptyHarness';
import { assignModel } from '../../../electron/services/optical/meterModelCatalog';
import { scaled } from '../../support/timeouts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(socatSkipReason !== null)(
  `fieldmeter read --save on a real socat PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    async function setUp(profile = 'mode-c') {
      harness = await startMeter(profile, { reactionScale: 0.1 });
      const db = join(tempDir(), 'fm.db');
      const route = join(tempDir(), 'route.csv');
      // The simulated meter sends serial 12345678, 1.8.0 = 12345.678 kWh and 1.8.1 = 8000.123 kWh.
      writeFileSync(
        route,
        csv(
          row({ up: 'UP-A', seq: '10', serial: '12345678', type: KWH, dials: '7', last: '12300', date: daysAgo(10), average: '4.5' }),
          row({ up: 'UP-A', seq: '10', serial: '12345678', type: KWH_T1, dials: '7', last: '7990', date: daysAgo(10), average: '1' }),
          row({ up: 'UP-B', seq: '20', serial: 'E777', type: KWH, dials: '7', last: '12344', date: daysAgo(10), average: '4.5' }),
        ),
      );
      expect((await fieldmeter(['import', 'route', route, '--db', db])).code).toBe(0);
      return { db, port: harness.appPath };
    }

    it(
      'saves the read values as the optical reading of the stop, with its audit row and MeterReadings message',
      async () => {
        const { db, port } = await setUp();
        const r = await fieldmeter(['read', '--port', port, '--save', '--usage-point', 'UP-A', '--db', db, '--json']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout);
        expect(out.read).toMatchObject({
          meterSerial: '12345678',
          serialMatches: true,
          status: { errorRegisterSet: false, powerFailCounters: { 'C.7.0': '0003' } },
        });
        expect(out.saved.readings.map((x: { value: string }) => x.value).sort()).toEqual(['12345', '8000']);

        const store = openStore(db);
        try {
          const readings = store.readings.list({ usagePointId: 'UP-A', limit: 10 });
          expect(readings.map((x) => [x.source, x.qualities[0]])).toEqual([
            ['optical', '1.0.0'],
            ['optical', '1.0.0'],
          ]);
          expect(store.outbox.list().map((e) => e.noun)).toEqual(['MeterReadings']);
          expect(
            store.review
              .audit('', 10)
              .map((a) => a.action)
              .sort(),
          ).toEqual(['optical.statusRead', 'readings.save', 'route.import'].sort());
        } finally {
          store.close();
        }
      },
      scaled(30_000),
    );

    it(
      'asks for the same confirmations as the form: --note for a serial that does not match, --confirm-reason for an out-of-range value',
      async () => {
        const { db, port } = await setUp();
        const count = () => {
          const store = openStore(db);
          try {
            return store.readings.list({ usagePointId: 'UP-B', limit: 10 }).length;
          } finally {
            store.close();
          }
        };
        const serial = await fieldmeter(['read', '--port', port, '--save', '--usage-point', 'UP-B', '--db', db]);
        expect(serial.code).toBe(1);
        // The words of the refusal, then the hint its reason gives (cli/hints.ts), not its message.
        expect(serial.stderr).toMatch(/serial is not the one expected here.*\n.*--note "why"/);
        expect(count()).toBe(0);

        const range = await fieldmeter([
          'read',
          '--port',
          port,
          '--save',
          '--usage-point',
          'UP-B',
          '--db',
          db,
          '--note',
          'nameplate replaced',
        ]);
        expect(range.code).toBe(1);
        expect(range.stderr).toMatch(/type it again to confirm it.*\n.*--confirm-reason "why"/);
        expect(count()).toBe(0);

        const done = await fieldmeter([
          'read',
          '--port',
          port,
          '--save',
          '--usage-point',
          'UP-B',
          '--db',
          db,
          '--note',
          'nameplate replaced',
          '--confirm-reason',
          'house empty since October',
        ]);
        expect(done.code).toBe(0);
        expect(done.stdout).toMatch(/Saved reading set/);
        expect(count()).toBe(1);

        const usage = await fieldmeter(['read', '--port', port, '--save', '--db', db, '--verbose']);
        expect(usage.code).toBe(1);
        expect(usage.stderr).toMatch(/--save needs --usage-point/);
      },
      scaled(60_000),
    );

    it(
      'program time-sync --usage-point: installers only; the outcome is audited and queued as EndDeviceControls',
      async () => {
        const { db, port } = await setUp('program-isk');
        const password = { FIELDMETER_METER_PASSWORD: '00000000' };
        // The device's profiles: the first is a supervisor, who adds a technician and an installer.
        expect(
          (await fieldmeter(['profile', 'add', '--name', 'Sam', '--role', 'supervisor', '--db', db], { FIELDMETER_NEW_PIN: '246810' }))
            .code,
        ).toBe(0);
        for (const [name, role] of [
          ['Tina', 'technician'],
          ['Ines', 'installer'],
        ]) {
          const added = await fieldmeter(['--user', 'Sam', 'profile', 'add', '--name', name!, '--role', role!, '--db', db], {
            FIELDMETER_PIN: '246810',
            FIELDMETER_NEW_PIN: '135790',
          });
          expect(added.code, added.stderr).toBe(0);
        }
        const refused = await fieldmeter(['--user', 'Tina', 'program', 'time-sync', '--port', port, '--usage-point', 'UP-A', '--db', db], {
          FIELDMETER_PIN: '135790',
          ...password,
        });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/it needs the role installer/);

        // A supervisor assigned the model to this meter type (optical.models.assign); the CLI programs with it.
        const settings = openStore(db);
        assignModel(settings, { manufacturer: 'ISK', identPrefix: 'MT174' }, 'isk-mt');
        settings.close();
        const asInstaller = { FIELDMETER_USER: 'Ines', FIELDMETER_PIN: '135790', ...password };
        const done = await fieldmeter(['program', 'time-sync', '--port', port, '--usage-point', 'UP-A', '--db', db, '--json'], asInstaller);
        expect(done.stderr).toBe('');
        expect(done.code).toBe(0);
        const result = JSON.parse(done.stdout);
        expect(result.timeSync.before.driftS).toBeLessThan(-90);
        expect(Math.abs(result.timeSync.after.driftS)).toBeLessThanOrEqual(setClockWithinS);

        const wrong = await fieldmeter(
          ['program', 'demand-reset', '--port', port, '--usage-point', 'UP-A', '--db', db, '--password', '11111111', '--verbose'],
          asInstaller,
        );
        expect(wrong.code).toBe(1);
        expect(wrong.stderr).toMatch(/refused the P1 password.*Nothing was changed on the meter/);

        const store = openStore(db);
        try {
          expect(store.outbox.list().map((e) => [e.noun, e.verb, e.messageId])).toEqual([
            ['EndDeviceControls', 'created', result.messageId],
          ]);
          expect(
            store.review
              .audit('optical.', 10)
              .map((a) => [a.action, a.role])
              .sort(),
          ).toEqual([
            ['optical.demandReset', 'installer'],
            ['optical.timeSync', 'installer'],
          ]);
        } finally {
          store.close();
        }
      },
      scaled(60_000),
    );
  },
);
