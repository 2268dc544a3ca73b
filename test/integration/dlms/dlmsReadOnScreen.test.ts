/**
 * A DLMS read as the Read panel runs it, over a real socat PTY against the simulated meter (issue
 * 22 item 2 and "Bad input"): the object list (by block transfer), progress with the time left,
 * Cancel (a DISC, so the meter leaves HDLC at once), a probe pulled out mid-read, and the raw
 * transcript of a failed read kept without the password. Nothing partial is ever saved.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { readDlmsAtUsagePoint } from '../../../electron/services/optical/dlmsAtUsagePoint';
import { transcriptFile } from '../../../electron/services/optical/probeDoctor';
import { DlmsReadError, readDlmsMeter, type DlmsReadProgress } from '../../../electron/services/serial/dlmsReader';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import { AppError } from '../../../shared/contract/appError';
import type { TranscriptDetail } from '../../../shared/contract/methods/optical';
import type { DlmsObjectsResult } from '../../../shared/contract/methods/dlmsRead';
import { importDlmsPassword } from '../../support/dlmsPassword';
import { encodeValue, estimatedMsLeft, expectedReadBytes } from '../../../shared/dlms';
import { fieldmeter } from '../../support/cli';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const password = (text: string) => () => ({ password: new TextEncoder().encode(text) });
const DAY_MS = 86_400_000;

async function readError(promise: Promise<unknown>): Promise<DlmsReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DlmsReadError) return error;
    throw error;
  }
  throw new Error('the read succeeded but should have failed');
}

describe.skipIf(socatSkipReason !== null)(
  `a DLMS read on the Read panel, on a PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir('dlms-screen-');
    // Only a DISC ends the meter's HDLC session in these tests, never its inactivity time-out.
    const meterOn = (days: number, more: Partial<Parameters<typeof runDlmsMeter>[1]> = {}) =>
      runDlmsMeter(join(tempDir(), 'probe'), { password: 'secret01', days, serial: '98765432', inactivityMs: 600_000, ...more });

    it(
      '`dlms read --objects` lists what the meter offers, the list coming by block transfer',
      async () => {
        const running = await meterOn(1, { maxPdu: 256 });
        try {
          // The simulated meter's list is longer than its PDU: it answers in blocks (Green Book §9.3.5.3).
          expect(encodeValue(running.meter.meter.hdlc.objects.objectList()).length).toBeGreaterThan(256);
          const r = await fieldmeter(['dlms', 'read', '--port', running.appPath, '--objects', '--json'], {
            FIELDMETER_DLMS_PASSWORD: 'secret01',
          });
          expect(r.stderr).toBe('');
          expect(r.code).toBe(0);
          const out = JSON.parse(r.stdout);
          expect(out.listed).toBe(true);
          expect(out.objects).toContainEqual({
            obis: '1-0:99.1.0.255',
            classId: 7,
            version: 0,
            className: 'Profile generic',
            group: 'profiles',
          });
          expect(out.objects).toContainEqual({
            obis: '0-0:99.98.0.255',
            classId: 7,
            version: 0,
            className: 'Profile generic',
            group: 'eventLogs',
          });
          expect(out.objects).toContainEqual({
            obis: '0-0:96.3.10.255',
            classId: 70,
            version: 0,
            className: 'Disconnect control',
            group: 'disconnect',
          });
          const list = running.meter.meter.hdlc.objects.objectList();
          expect(out.objects).toHaveLength(list.type === 'array' ? list.items.length : -1);
          const text = await fieldmeter(['dlms', 'read', '--port', running.appPath, '--objects'], { FIELDMETER_DLMS_PASSWORD: 'secret01' });
          expect(text.stdout).toMatch(/1-0:1\.8\.0\.255 +class {3}3 v0 {2}Register/);
        } finally {
          await running.stop();
        }
      },
      scaled(30_000),
    );

    it(
      'tells the bytes and the time left from the line, at the negotiated rate',
      async () => {
        const running = await meterOn(2);
        try {
          const progress: DlmsReadProgress[] = [];
          const request = { profile: { from: Date.now() - DAY_MS, to: Date.now() } };
          await readDlmsMeter({ path: running.appPath, keysFor: password('secret01'), request, onProgress: (p) => progress.push(p) });
          const reading = progress.filter((p) => p.phase === 'reading');
          expect(reading.length).toBeGreaterThan(10);
          expect(progress.filter((p) => p.phase === 'identification').every((p) => p.estimatedMsLeft === null)).toBe(true);
          // Every estimate is the line time of what is still expected: the same bytes give the same estimate, however fast they came.
          for (const p of reading) {
            expect(p).toMatchObject({ baud: 9600, attempt: 1 });
            expect(p.estimatedMsLeft).toBe(
              estimatedMsLeft({ expectedBytes: expectedReadBytes(request), bytes: p.bytes, baud: 9600, maxInfo: 128 }),
            );
          }
          expect(reading.at(-1)!.bytes).toBeGreaterThan(reading[0]!.bytes);
        } finally {
          await running.stop();
        }
      },
      scaled(30_000),
    );

    it(
      'Cancel sends a DISC where the link is up: the meter leaves HDLC at once and the read stops as cancelled',
      async () => {
        const running = await meterOn(3);
        try {
          const controller = new AbortController();
          const error = await readError(
            readDlmsMeter({
              path: running.appPath,
              keysFor: password('secret01'),
              request: { profile: { from: Date.now() - 3 * DAY_MS, to: Date.now() } },
              signal: controller.signal,
              onProgress: (p) => p.phase === 'reading' && p.bytes > 2000 && controller.abort(),
            }),
          );
          expect(error).toMatchObject({ code: 'CANCELLED', dlmsCode: 'CANCELLED' });
          // The meter took the DISC: out of normal response mode, waiting at 300 baud for a sign-on (Annex E.2).
          await expect.poll(() => running.meter.meter.phase, { timeout: scaled(5000) }).toBe('idle');
          expect(running.meter.meter.hdlc.linked).toBe(false);
        } finally {
          await running.stop();
        }
      },
      scaled(30_000),
    );

    it(
      'a probe pulled out mid-read gives the coded unplug error',
      async () => {
        const running = await meterOn(3);
        let pulled: Promise<void> | undefined;
        try {
          const error = await readError(
            readDlmsMeter({
              path: running.appPath,
              keysFor: password('secret01'),
              request: { profile: { from: Date.now() - 3 * DAY_MS, to: Date.now() } },
              onProgress: (p) => {
                if (p.phase === 'reading' && p.bytes > 2000) pulled ??= running.stop(); // socat ends: both PTY ends go away
              },
            }),
          );
          expect(error).toMatchObject({ code: 'PROBE_DISCONNECTED', dlmsCode: 'PROBE_DISCONNECTED' });
          expect(error.diagnostic?.bytes).toBeGreaterThan(2000);
        } finally {
          await (pulled ?? running.stop());
        }
      },
      scaled(30_000),
    );

    describe('at a stop', () => {
      async function atStop() {
        const dir = tempDir();
        const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
        const actor = await signInAs(app, 'technician');
        await dispatch(app.handlers, 'demo.load', {});
        const stop = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`)).find(
          (m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH,
        );
        if (!stop) throw new Error('no single-register electricity stop in the demo route');
        const running = await runDlmsMeter(join(dir, 'probe'), {
          password: 'secret01',
          days: 3,
          serial: stop.meterSerial,
          inactivityMs: 600_000,
        });
        const saved = () => ({
          outbox: app.store.outbox.list().length,
          value: app.store.meters.get(stop.usagePointId)?.registers[0]?.lastValue,
        });
        return { app, actor, stop, running, saved, photoDir: join(dir, 'photos') };
      }
      const appError = async (promise: Promise<unknown>): Promise<AppError> => {
        const error = await promise.then(
          () => null,
          (e: unknown) => e,
        );
        if (!(error instanceof AppError)) throw new Error(`not an AppError: ${String(error)}`);
        return error;
      };

      it(
        'a wrong password: a coded error, nothing saved, and the transcript kept without the password bytes',
        async () => {
          const { app, actor, stop, running, saved, photoDir } = await atStop();
          try {
            const before = saved();
            const error = await appError(
              readDlmsAtUsagePoint(app.store, actor, {
                usagePointId: stop.usagePointId,
                port: running.appPath,
                keysFor: password('wrong-pw9'),
                photoDir,
              }),
            );
            expect(error.code).toBe('OPTICAL_READ_FAILED');
            const details = error.details as { reason: string; code: string; transcriptId: string };
            expect(details).toMatchObject({ reason: 'probe', code: 'PASSWORD_REJECTED' });
            expect(saved()).toEqual(before);
            expect(running.meter.meter.hdlc.refusals).toBe(1);

            const transcript = app.store.probeTranscripts.get(details.transcriptId);
            expect(transcript).toMatchObject({ usagePointId: stop.usagePointId, kind: 'read', outcome: 'PASSWORD_REJECTED' });
            const data = Buffer.from(transcript!.data);
            // the sign-on, the SNRM/UA, the AARQ and the refusing AARE, both directions
            expect(transcript!.chunks.some((c) => c[1] === 'tx') && transcript!.chunks.some((c) => c[1] === 'rx')).toBe(true);
            expect(data.includes(Buffer.from([0xe6, 0xe6, 0x00, 0x60]))).toBe(true);
            expect(data.includes(Buffer.from('wrong-pw9'))).toBe(false);
            expect(data.includes(Buffer.from('*********'))).toBe(true);
            const text = transcriptFile(transcript!);
            expect(text).not.toContain('wrong-pw9');
            expect(text).not.toContain(Buffer.from('wrong-pw9').toString('hex').match(/../g)!.join(' '));
            // A supervisor sees it in the meter's history and exports it (contract optical.transcript).
            await signInAs(app, 'supervisor');
            const shown = await dispatch(app.handlers, 'optical.transcript', { id: details.transcriptId });
            expect(shown.ok && (shown.value as TranscriptDetail).summary.outcome).toBe('PASSWORD_REJECTED');
          } finally {
            await running.stop();
            app.close();
          }
        },
        scaled(30_000),
      );

      it(
        'the panel asks what the meter offers (contract optical.dlmsObjects): the object list only, nothing saved',
        async () => {
          const { app, stop, running, saved } = await atStop();
          try {
            await importDlmsPassword(app, stop.meterSerial, 'secret01', 'technician');
            const before = saved();
            const result = await dispatch(app.handlers, 'optical.dlmsObjects', { usagePointId: stop.usagePointId, port: running.appPath });
            if (!result.ok) throw new Error(JSON.stringify(result.error));
            const { objects } = result.value as DlmsObjectsResult;
            expect(objects).toContainEqual({ obis: '1-0:99.1.0.255', classId: 7, version: 0 });
            expect(objects).toContainEqual({ obis: '0-0:1.0.0.255', classId: 8, version: 0 });
            expect(saved()).toEqual(before);
          } finally {
            await running.stop();
            app.close();
          }
        },
        scaled(30_000),
      );

      it(
        'Cancel mid-read saves and queues nothing, and the transcript says cancelled',
        async () => {
          const { app, actor, stop, running, saved, photoDir } = await atStop();
          try {
            const before = saved();
            const controller = new AbortController();
            const error = await appError(
              readDlmsAtUsagePoint(app.store, actor, {
                usagePointId: stop.usagePointId,
                port: running.appPath,
                keysFor: password('secret01'),
                profile: { from: Date.now() - 3 * DAY_MS, to: Date.now() },
                signal: controller.signal,
                onProgress: (p) => p.phase === 'reading' && p.bytes > 2000 && controller.abort(),
                photoDir,
              }),
            );
            expect(error.details).toMatchObject({ reason: 'probe', code: 'CANCELLED' });
            expect(saved()).toEqual(before);
            const [last] = app.store.probeTranscripts.list(stop.usagePointId);
            expect(last).toMatchObject({ outcome: 'CANCELLED', readingSetId: null });
          } finally {
            await running.stop();
            app.close();
          }
        },
        scaled(30_000),
      );
    });
  },
);
