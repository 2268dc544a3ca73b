/**
 * `fieldmeter mbus read … --save` against `fieldmeter simulate mbus-meters` over a real PTY pair
 * (socat), into a real SQLite file: the meter that answers is matched to its stop by manufacturer
 * and id, its current value saved through the reading checks, its due-day value told as a billing
 * reading with the meter's date, its status byte as qualities, one MeterReadings message. The
 * meters answer with the RSP_UD frames libmbus publishes (test/test-frames, see
 * electron/services/mbus/trainingWired.ts): EFE_Engelmann-WaterStar.hex holds volume 0.332 m³
 * now, 0.331 m³ at storage 1 dated 2013-12-31, and status 0x27 (application alarm, power low), told as
 * qualities and, once, as EndDeviceEvents.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { openStore } from '../../../electron/services/store';
import { fieldmeterBin, fieldmeterInProcess } from '../../support/cli';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { addProfile, cliUser } from '../../support/profiles';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

interface Outbox {
  kind: string;
  payload: string;
}

describe.skipIf(socatSkipReason !== null)(
  `wired M-Bus readings saved to the route${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let pair: PtyPair | undefined;
    let child: ChildProcess | undefined;
    afterEach(async () => {
      child?.kill('SIGTERM');
      if (child) await new Promise((resolve) => child!.once('exit', resolve));
      await pair?.stop();
      pair = child = undefined;
    });

    it(
      'saves the meter at address 1 to its stop once, and refuses the meter at address 5 that is not on the route',
      async () => {
        const dir = tempDir();
        const db = join(dir, 'fieldmeter.db');
        const store = openStore(db);
        importRoute(
          store,
          { name: 'Sam', role: 'supervisor' },
          {
            fileName: 'r.csv',
            content: csv(
              row({ seq: '10', up: 'UP-1', serial: 'EFE04990254', type: WATER, dials: '5', decimals: '3', last: '0.3', average: '' }),
              row({ seq: '20', up: 'UP-2', serial: 'ACW09011523', type: WATER, dials: '5', decimals: '3', last: '0.01', average: '' }),
            ),
            acceptValidRows: false,
          },
        );
        await addProfile(store, 'technician');
        store.close();

        pair = await startPtyPair(join(dir, 'app'), join(dir, 'bus'));
        child = spawn(process.execPath, [fieldmeterBin, 'simulate', 'mbus-meters', '--port', pair.meterPath], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        await new Promise<void>((resolve) => child!.stderr!.on('data', () => resolve()));
        const env = cliUser('Tina');
        const read = (address: string) =>
          fieldmeterInProcess(
            ['mbus', 'read', '--port', pair!.appPath, '--address', address, '--timeout-ms', String(scaled(3000))].concat([
              '--save',
              '--route',
              'R1',
              '--db',
              db,
              '--json',
            ]),
            env,
          );

        const saved = await read('1');
        expect(saved.code).toBe(0);
        const out = JSON.parse(saved.stdout) as { saved: { usagePointId: string; values: { value: string }[] } };
        expect(out.saved).toMatchObject({ usagePointId: 'UP-1', meterSerial: 'EFE04990254', values: [{ value: '0.332' }] });

        const refused = await read('5');
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toContain('ELS44493951');

        const after = openStore(db);
        try {
          const sets = after.db.prepare('SELECT usage_point_id, source FROM reading_sets').all();
          expect(sets).toEqual([{ usage_point_id: 'UP-1', source: 'wired' }]);
          const outbox = after.db.prepare('SELECT kind, payload FROM outbox').all() as Outbox[];
          const readings = outbox.filter((m) => m.kind === 'meterReadings');
          expect(readings).toHaveLength(1);
          const payload = JSON.parse(readings[0]!.payload) as {
            meter: string;
            readings: { value: string; timeStamp: string; qualities: string[]; reason?: string }[];
          };
          expect(payload.meter).toBe('EFE04990254');
          // Status 0x27: power low (bit 2) → battery low 1.1.1; bits 0–1 = 11, an abnormal situation → diagnostics 1.1.0.
          expect(payload.readings).toEqual([
            expect.objectContaining({ value: '0.332', qualities: ['1.0.0', '1.1.1', '1.1.0'] }),
            expect.objectContaining({ value: '0.331', timeStamp: '2013-12-31T00:00:00.000Z', reason: 'billing' }),
            // The flow now and its maximum (m³/h, ReadingTypeUnit 125; maximum = aggregate 8): readings of their own.
            expect.objectContaining({ readingType: '0.0.0.12.1.9.155.0.0.0.0.0.0.0.0.0.125.0', value: '0.000' }),
            expect.objectContaining({ readingType: '0.8.0.6.1.9.155.0.0.0.0.0.0.0.0.0.125.0', value: '2.070' }),
          ]);
          // The days on (VIF 0x22) have no ReadingType: kept in the visit's audit details, not sent.
          const audit = after.db.prepare("SELECT details FROM audit_log WHERE action = 'readings.save'").get() as { details: string };
          expect(JSON.parse(audit.details)).toMatchObject({
            recordsNotSent: [{ quantity: 'onTime', value: '1191', reason: 'noReadingType' }],
          });
          // Status 0x27 as alarms, once each: an abnormal situation → meter alarm, power low → battery low (warm water: type 24).
          const events = outbox.filter((m) => m.kind === 'meterStatusEvents');
          expect(events).toHaveLength(1);
          expect((JSON.parse(events[0]!.payload) as { events: { eventType: string }[] }).events.map((e) => e.eventType)).toEqual([
            '24.11.46.79',
            '24.2.22.150',
          ]);
          // The messages as sync sends them, valid against the real XSDs (the due-day value a second reading with its own date).
          expect(outboxSchemaErrors(after.outbox.list().filter((e) => e.noun === 'MeterReadings' || e.noun === 'EndDeviceEvents'))).toEqual(
            {},
          );
          // The due-day value never becomes the register's last value.
          expect(after.meters.get('UP-1')?.registers.map((r) => r.lastValue)).toEqual(['0.332']);
        } finally {
          after.close();
        }
      },
      scaled(60_000),
    );
  },
);
