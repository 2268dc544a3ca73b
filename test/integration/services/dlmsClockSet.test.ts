/** Setting a DLMS meter's clock at a stop: installers only, serial checked before any write, verified, audited, queued (issue 22 item 4). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { dlmsClockSetAtUsagePoint } from '../../../electron/services/optical/dlmsClockSet';
import { readDlmsMeter } from '../../../electron/services/serial/dlmsReader';
import { createMemoryLinkPair } from '../../../electron/services/serial/simulator';
import { DlmsMeterOnLink } from '../../../electron/services/serial/simulator/dlmsMeter';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

describe('DLMS clock set at a stop', () => {
  const tempDir = useTempDir();

  async function setUp(serialOf: (expected: string) => string) {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    const installer = await signInAs(app, 'installer');
    await dispatch(app.handlers, 'demo.load', {});
    const stop = app.store.meters.get('UP-1004')!;
    const pair = createMemoryLinkPair();
    // the meter's clock 95 s behind
    const meter = new DlmsMeterOnLink(pair.meter, {
      password: 'pw',
      days: 0,
      serial: serialOf(stop.meterSerial),
      now: () => Date.now() - 95_000,
    });
    const read: typeof readDlmsMeter = (o) => readDlmsMeter({ ...o, openLink: async () => pair.app, wait: async () => undefined });
    const keysFor = () => ({ password: new TextEncoder().encode('pw') });
    return { app, installer, stop, meter, read, keysFor };
  }

  it('sets the clock, verifies it, audits the attempt and queues the clockSet outcome', async () => {
    const { app, installer, stop, meter, read, keysFor } = await setUp((s) => s);
    try {
      const audits = app.store.journal.auditCount();
      const r = await dlmsClockSetAtUsagePoint(app.store, installer, {
        usagePointId: stop.usagePointId,
        port: '/dev/probe',
        keysFor,
        read,
      });
      expect(Math.abs(meter.meter.hdlc.objects.clockOffsetMs - 95_000)).toBeLessThan(2000);
      expect(Number(r.attributes.find((a) => a.name === 'driftBeforeSeconds')?.value)).toBeLessThan(-90);
      const queued = app.store.outbox.get(r.messageId ?? '');
      expect(queued).toMatchObject({ kind: 'opticalControl', payload: { operation: 'timeSync', result: 'OK' } });
      expect(app.store.journal.auditCount()).toBe(audits + 1);
    } finally {
      meter.stop();
      app.close();
    }
  });

  it('writes nothing to another meter, and a technician may not set a clock', async () => {
    const { app, installer, stop, meter, read, keysFor } = await setUp(() => 'X0000001');
    try {
      const outbox = app.store.outbox.list().length;
      await expect(
        dlmsClockSetAtUsagePoint(app.store, installer, { usagePointId: stop.usagePointId, port: '/dev/probe', keysFor, read }),
      ).rejects.toMatchObject({ code: 'OPTICAL_PROGRAM_FAILED', details: { code: 'SERIAL_MISMATCH', wroteToMeter: false } });
      expect(meter.meter.hdlc.objects.clockOffsetMs).toBe(0);
      expect(app.store.outbox.list()).toHaveLength(outbox);
      await expect(
        dlmsClockSetAtUsagePoint(
          app.store,
          { name: 'Tina', role: 'technician' },
          { usagePointId: stop.usagePointId, port: '/dev/probe', keysFor, read },
        ),
      ).rejects.toBeTruthy();
      expect(meter.meter.hdlc.objects.clockOffsetMs).toBe(0);
    } finally {
      meter.stop();
      app.close();
    }
  });
});
