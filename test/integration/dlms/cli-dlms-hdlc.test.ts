/**
 * `fieldmeter dlms read --medium hdlc` over a real socat PTY: a meter on a serial/RS-485 adapter
 * that speaks HDLC at a fixed rate 8N1 from the first byte (IEC 62056-46; the Green Book's
 * three-layer, connection-oriented HDLC based profile), so the read opens with the SNRM and never
 * sends the IEC 62056-21 sign-on (issue 22 item 2, the second medium).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

describe.skipIf(socatSkipReason !== null)(
  `fieldmeter dlms read --medium hdlc on a PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir('dlms-hdlc-');

    it(
      'reads the registers, clock and disconnect state starting with the SNRM, without a sign-on',
      async () => {
        const running = await runDlmsMeter(join(tempDir(), 'rs485'), { password: 'secret01', days: 1, serial: '98765432', hdlcBaud: 9600 });
        try {
          const read = await fieldmeter(['dlms', 'read', '--port', running.appPath, '--medium', 'hdlc', '--baud', '9600', '--json'], {
            FIELDMETER_DLMS_PASSWORD: 'secret01',
          });
          expect(read.stderr).toBe('');
          expect(read.code).toBe(0);
          const out = JSON.parse(read.stdout);
          expect(out).toMatchObject({
            meter: { manufacturer: '', ident: '', serial: '98765432' },
            medium: 'hdlc',
            baud: 9600,
            released: true,
            disconnect: { outputConnected: true, controlState: 'connected' },
            profile: null,
          });
          expect(out.registers).toContainEqual({
            obis: '1-0:1.8.0.255',
            classId: 3,
            value: String(running.meter.meter.hdlc.objects.registerValue('1-0:1.8.0.255')),
            unit: 'Wh',
            scaler: 0,
          });
          expect(Math.abs(out.clock.driftS)).toBeLessThan(10);
          expect(running.meter.meter.signOns).toBe(0);
        } finally {
          await running.stop();
        }
      },
      scaled(30_000),
    );

    it(
      '`simulate dlms-meter --medium hdlc --baud 19200` answers a read at that rate',
      async () => {
        const link = join(tempDir(), 'rs485');
        const child = spawn(
          process.execPath,
          [fieldmeterBin, 'simulate', 'dlms-meter', '--link', link, '--days', '1', '--medium', 'hdlc', '--baud', '19200', '--json'],
          { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
        );
        try {
          const info = await new Promise<{ appPath: string; medium: string; baud: number }>((resolve, reject) => {
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
          expect(info).toMatchObject({ appPath: link, medium: 'hdlc', baud: 19200 });
          const read = await fieldmeter(['dlms', 'read', '--port', link, '--medium', 'hdlc', '--baud', '19200', '--json'], {
            FIELDMETER_DLMS_PASSWORD: '00000000',
          });
          expect(read.code).toBe(0);
          expect(JSON.parse(read.stdout)).toMatchObject({ meter: { serial: '98765432' }, medium: 'hdlc', baud: 19200 });
        } finally {
          child.kill('SIGTERM');
          await new Promise((resolve) => child.once('exit', resolve));
        }
      },
      scaled(30_000),
    );
  },
);
