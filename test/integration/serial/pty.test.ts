import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OpticalReadError } from '../../../electron/services/serial/errors';
import { readMeter, type ReadProgress } from '../../../electron/services/serial/reader';
import { socatSkipReason, startMeter, type Harness } from './ptyHarness';

// retryPauseMs must exceed the simulator's switch back to 300 baud (SWITCH_BACK_MS), as on a real meter.
const fast = { retryPauseMs: 300, identificationMs: 800 };

async function readError(promise: Promise<unknown>): Promise<OpticalReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpticalReadError) return error;
    throw error;
  }
  throw new Error('the read succeeded but should have failed');
}

describe.skipIf(socatSkipReason !== null)(
  `optical read over a real socat PTY with serialport${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('reads a mode C meter: sign-on with address, option select, switch to 9600, BCC ok', async () => {
      harness = await startMeter('mode-c');
      const progress: ReadProgress[] = [];
      const result = await readMeter({ path: harness.appPath, address: '12345678', onProgress: (p) => progress.push(p) });
      expect(progress.filter((p) => p.phase === 'retry').map((p) => p.retryReason)).toEqual([]);
      expect(result).toMatchObject({ mode: 'C', baud: 9600, checksum: 'ok', attempts: 1 });
      expect(harness.simulator.requests).toEqual(['/?12345678!\r\n', '\x06050\r\n']);
      const byObis = Object.fromEntries(result.dataSets.map((s) => [s.obis, s]));
      expect(byObis['1.8.0']?.values).toEqual([{ value: '0012345.678', unit: 'kWh' }]);
      expect(byObis['1.8.2']?.readingType).toBe('0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0');
      expect(byObis['2.8.0']?.readingType).toBe('0.0.0.1.19.1.12.0.0.0.0.0.0.0.0.3.72.0');
      expect(byObis['1.6.0']?.readingType).toBe('8.8.2.6.1.1.8.0.0.0.0.0.0.0.0.3.38.0');
      expect(byObis['F.F']?.event?.kind).toBe('errorRegister');
      expect(progress.some((p) => p.phase === 'data' && p.baud === 9600 && p.estimatedMsLeft !== null)).toBe(true);
    });

    it('reads through a noisy, echoing probe and a lower-case (20 ms) meter', async () => {
      harness = await startMeter('noisy');
      expect(await readMeter({ path: harness.appPath })).toMatchObject({ baud: 4800, checksum: 'ok' });
      await harness.close();
      harness = await startMeter('lower-case');
      const result = await readMeter({ path: harness.appPath, maxBaud: 2400 });
      expect(result).toMatchObject({ baud: 2400, checksum: 'ok' });
      expect(result.identification.reactionTimeMs).toBe(20);
    });

    it('a meter that announces 9600 baud but keeps only 4800 is read at the next lower rate, not failed (§6.3.14 item 14)', async () => {
      harness = await startMeter('false-baud');
      const result = await readMeter({ path: harness.appPath, timeouts: { ...fast, dataStartMs: 800 } });
      expect(result).toMatchObject({ baud: 4800, attempts: 2, checksum: 'ok' });
      expect(harness.simulator.requests.filter((r) => r.startsWith('\x06'))).toEqual(['\x06050\r\n', '\x06040\r\n']);
    });

    it('signs on again after a bad BCC and then reads correctly', async () => {
      harness = await startMeter('bad-bcc-once');
      const result = await readMeter({ path: harness.appPath, timeouts: fast });
      expect(result).toMatchObject({ attempts: 2, checksum: 'ok' });
      expect(harness.simulator.requests.filter((r) => r.startsWith('/?'))).toHaveLength(2);
    });

    it('gives NO_RESPONSE after three sign-ons to a silent meter', async () => {
      harness = await startMeter('silent');
      const error = await readError(readMeter({ path: harness.appPath, timeouts: { ...fast, identificationMs: 300 } }));
      expect(error.code).toBe('NO_RESPONSE');
      expect(error.attempts).toBe(3);
      expect(error.message).toMatch(/Clean the probe window.*retry at 300 baud/);
      expect(harness.simulator.requests).toHaveLength(3);
    });

    it('reports PROBE_DISCONNECTED when the port vanishes mid-read and keeps the partial bytes as a diagnostic', async () => {
      harness = await startMeter('slow');
      const pair = harness.pair;
      const read = readMeter({
        path: harness.appPath,
        onProgress: (p) => {
          if (p.phase === 'data' && p.bytes > 40) void pair.stop(); // kill socat: both PTY ends go away
        },
      });
      const error = await readError(read);
      expect(error.code).toBe('PROBE_DISCONNECTED');
      expect(error.message).toMatch(/Plug the probe back in/);
      expect(error.diagnostic?.bytes).toBeGreaterThan(40);
      expect(error.diagnostic?.log).toContain('/ISK0MT174-SLOW');
      expect(error.diagnostic?.log).toContain('<STX>');
    });

    it('cancels a running read', async () => {
      harness = await startMeter('slow');
      const controller = new AbortController();
      const started = Date.now();
      const error = await readError(
        readMeter({
          path: harness.appPath,
          signal: controller.signal,
          onProgress: (p) => p.phase === 'data' && p.bytes > 25 && controller.abort(),
        }),
      );
      expect(error.code).toBe('CANCELLED');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('reports a missing port as PORT_NOT_FOUND', async () => {
      const error = await readError(readMeter({ path: '/nonexistent/ttyUSB9' }));
      expect(error.code).toBe('PORT_NOT_FOUND');
    });

    it.skipIf(process.platform === 'win32')(
      'refuses a typed path that is a file or a folder, not a device, and leaves it untouched',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-not-a-port-'));
        try {
          const file = join(dir, 'readings.csv');
          writeFileSync(file, 'keep me\n');
          for (const path of [file, dir]) {
            const error = await readError(readMeter({ path }));
            expect(error.code).toBe('PORT_OPEN_FAILED');
            expect(error.message).toContain(`Cannot open ${path}: it is not a serial port (not a device).`);
          }
          expect(readFileSync(file, 'utf8')).toBe('keep me\n');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  },
);
