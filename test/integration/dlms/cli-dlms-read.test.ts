/** `fieldmeter simulate dlms-meter` and `fieldmeter dlms read` over a real socat PTY (issue 22 items 2, 6, 7). */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import { openStore } from '../../../electron/services/store';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

describe.skipIf(socatSkipReason !== null)(`fieldmeter dlms read on a PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`, () => {
  const tempDir = useTempDir('dlms-pty-');

  it(
    'reads registers, clock drift, disconnect state and a day of load profile with each interval status',
    async () => {
      // The meter's clock runs 2 minutes ahead of the host's.
      const running = await runDlmsMeter(join(tempDir(), 'probe'), {
        password: 'secret01',
        days: 3,
        serial: '98765432',
        now: () => Date.now() + 120_000,
      });
      try {
        const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        const read = await fieldmeter(['dlms', 'read', '--port', running.appPath, '--from', day, '--to', day, '--json'], {
          FIELDMETER_DLMS_PASSWORD: 'secret01',
        });
        expect(read.stderr).toBe('');
        expect(read.code).toBe(0);
        const out = JSON.parse(read.stdout);
        expect(out).toMatchObject({
          meter: { manufacturer: 'LGZ', serial: '98765432' },
          baud: 9600,
          released: true,
          disconnect: { outputConnected: true, controlState: 'connected' },
        });
        expect(out.registers).toContainEqual({
          obis: '1-0:1.8.0.255',
          classId: 3,
          value: String(running.meter.meter.hdlc.objects.registerValue('1-0:1.8.0.255')),
          unit: 'Wh',
          scaler: 0,
        });
        // the drift is measured against the host clock when the answer came: about +120 s
        expect(out.clock.driftS).toBeGreaterThan(110);
        expect(out.clock.driftS).toBeLessThan(130);
        // one whole day by range: 96 interval ends after midnight and midnight itself
        expect(out.profile.intervals).toHaveLength(97);
        expect(out.profile.intervals[0].end).toBe(`${day}T00:00:00.000Z`);
        const flagged = out.profile.intervals.filter((i: { status: string[] }) => i.status.length > 0);
        expect(flagged.length).toBeGreaterThan(0);
        expect(flagged.flatMap((i: { status: string[] }) => i.status)).toEqual(expect.arrayContaining(['power-down']));
      } finally {
        await running.stop();
      }
    },
    scaled(30_000),
  );

  it(
    "--save saves the registers as the stop's reading and queues the load profile as MeterReadings",
    async () => {
      const db = join(tempDir(), 'fm.db');
      const route = join(tempDir(), 'route.csv');
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      writeFileSync(
        route,
        csv(row({ up: 'UP-D', seq: '10', serial: '98765432', type: KWH, dials: '7', last: '10', date: twoDaysAgo, average: '18' })),
      );
      expect((await fieldmeter(['import', 'route', route, '--db', db])).code).toBe(0);
      const running = await runDlmsMeter(join(tempDir(), 'probe'), { password: 'secret01', days: 2, serial: '98765432' });
      try {
        const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        const args = [
          'dlms',
          'read',
          '--port',
          running.appPath,
          '--from',
          day,
          '--to',
          day,
          '--save',
          '--usage-point',
          'UP-D',
          '--db',
          db,
          '--confirm-reason',
          'simulated meter',
          '--json',
        ];
        const r = await fieldmeter(args, { FIELDMETER_DLMS_PASSWORD: 'secret01' });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout);
        expect(out.readings).toEqual([
          { readingType: KWH, value: String(Math.trunc(running.meter.meter.hdlc.objects.registerValue('1-0:1.8.0.255') / 1000)) },
        ]);
        const store = openStore(db);
        try {
          expect(
            store.outbox
              .list()
              .map((e) => e.kind)
              .sort(),
            // The meter's standard event log goes with the reading as EndDeviceEvents.
          ).toEqual(['loadProfile', 'meterReadings', 'meterStatusEvents']);
        } finally {
          store.close();
        }
      } finally {
        await running.stop();
      }
    },
    scaled(30_000),
  );

  it(
    'says a wrong password once and does not try it again',
    async () => {
      const running = await runDlmsMeter(join(tempDir(), 'probe'), { password: 'secret01', days: 1 });
      try {
        const read = await fieldmeter(['dlms', 'read', '--port', running.appPath, '--json'], { FIELDMETER_DLMS_PASSWORD: 'wrong' });
        expect(read.code).toBe(1);
        expect(JSON.parse(read.stdout).error).toMatchObject({ code: 'PASSWORD_REJECTED', reason: 'PASSWORD_REJECTED' });
        expect(running.meter.meter.hdlc.refusals).toBe(1);
      } finally {
        await running.stop();
      }
    },
    scaled(30_000),
  );

  it(
    '`simulate dlms-meter` starts socat itself and a read goes through it',
    async () => {
      const link = join(tempDir(), 'meter');
      const child = spawn(process.execPath, [fieldmeterBin, 'simulate', 'dlms-meter', '--link', link, '--days', '1', '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env },
      });
      try {
        const info = await new Promise<{ appPath: string; startedSocat: boolean }>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            try {
              resolve(JSON.parse(out));
            } catch {
              // not all of it yet
            }
          });
          child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
        });
        expect(info).toMatchObject({ appPath: link, startedSocat: true });
        const read = await fieldmeter(['dlms', 'read', '--port', link, '--json'], { FIELDMETER_DLMS_PASSWORD: '00000000' });
        expect(read.code).toBe(0);
        expect(JSON.parse(read.stdout)).toMatchObject({ meter: { serial: '98765432' }, profile: null });
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      expect(existsSync(link)).toBe(false);
    },
    scaled(30_000),
  );
});
