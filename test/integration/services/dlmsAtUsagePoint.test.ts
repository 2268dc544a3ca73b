/** A DLMS meter read at a stop, saved as readings and its load profile queued as IntervalBlocks (issue 22 item 3). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { readDlmsAtUsagePoint } from '../../../electron/services/optical/dlmsAtUsagePoint';
import { readDlmsMeter } from '../../../electron/services/serial/dlmsReader';
import { createMemoryLinkPair } from '../../../electron/services/serial/simulator';
import { DlmsMeterOnLink } from '../../../electron/services/serial/simulator/dlmsMeter';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { importDlmsPassword } from '../../support/dlmsPassword';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { xsdSkipReason } from '../../support/xsd';
import { dispatch } from '../../../electron/host/dispatch';
import type { DlmsReadResult } from '../../../shared/contract/methods/dlmsRead';
import { runDlmsMeter } from '../../../electron/services/serial/simulator/dlmsMeter';
import { socatSkipReason } from '../serial/ptyHarness';

const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';

describe('DLMS read at a stop', () => {
  const tempDir = useTempDir();

  async function setUp(serialOf: (expected: string) => string) {
    const dir = tempDir();
    const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
    const actor = await signInAs(app, 'technician');
    await dispatch(app.handlers, 'demo.load', {});
    // a stop whose meter has one active-import register in kWh, as the simulated meter's 1-0:1.8.0
    const stops = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`));
    const stop = stops.find((m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH);
    if (!stop) throw new Error('no single-register electricity stop in the demo route');
    const pair = createMemoryLinkPair();
    const meter = new DlmsMeterOnLink(pair.meter, { password: 'secret01', days: 2, serial: serialOf(stop.meterSerial) });
    const read: typeof readDlmsMeter = (o) => readDlmsMeter({ ...o, openLink: async () => pair.app, wait: async () => undefined });
    return { app, actor, stop, meter, read, photoDir: join(dir, 'photos') };
  }

  it('saves the registers as optical readings and queues the profile as MeterReadings with IntervalBlocks and qualities', async () => {
    const { app, actor, stop, meter, read, photoDir } = await setUp((s) => s);
    try {
      const to = Date.now();
      const from = to - 86_400_000;
      const before = app.store.outbox.list().length;
      const { readout, saved } = await readDlmsAtUsagePoint(app.store, actor, {
        usagePointId: stop.usagePointId,
        port: '/dev/probe',
        keysFor: () => ({ password: new TextEncoder().encode('secret01') }),
        profile: { from, to },
        confirmReason: 'new meter, counts from zero',
        photoDir,
        read,
      });
      expect(readout.data.serial).toBe(stop.meterSerial);
      // Wh from the meter, kWh on the route: shifted exactly, cut to the register's decimals
      const wh = meter.meter.hdlc.objects.registerValue('1-0:1.8.0.255');
      expect(saved.readings.readings).toHaveLength(1);
      expect(saved.readings.readings[0]).toMatchObject({ source: 'optical' });
      expect(stop.registers[0]?.decimals).toBe(0);
      expect(saved.readings.readings[0]?.value).toBe(String(Math.trunc(wh / 1000)));
      const profile = app.store.outbox.get(saved.profileMessageId ?? '');
      expect(profile).toMatchObject({ kind: 'loadProfile', noun: 'MeterReadings', verb: 'created' });
      const payload = profile?.payload as { blocks: { readingType: string; intervals: { qualities: string[] }[] }[] };
      expect(payload.blocks.map((b) => b.readingType)).toEqual([
        '0.0.2.1.1.1.12.0.0.0.0.0.0.0.0.0.72.0',
        '0.0.2.1.19.1.12.0.0.0.0.0.0.0.0.0.72.0',
        '0.0.2.1.1.1.12.0.0.0.0.0.0.0.0.0.73.0',
        '0.0.2.1.19.1.12.0.0.0.0.0.0.0.0.0.73.0',
      ]);
      expect(payload.blocks[0]?.intervals.length).toBeGreaterThanOrEqual(96);
      const qualities = payload.blocks[0]?.intervals.flatMap((i) => i.qualities) ?? [];
      expect(qualities).toEqual(expect.arrayContaining([readingQuality.powerFail, readingQuality.clockChanged, readingQuality.suspect]));
      const queued = app.store.outbox.list().slice(0, app.store.outbox.list().length - before);
      if (!xsdSkipReason)
        expect(outboxSchemaErrors(app.store.outbox.list().filter((e) => e.kind === 'loadProfile' || e.noun === 'MeterReadings'))).toEqual(
          {},
        );
      expect(queued.length).toBeGreaterThan(0);
    } finally {
      meter.stop();
      app.close();
    }
  });

  it('refuses another meter (its serial) and saves and queues nothing', async () => {
    const { app, actor, stop, meter, read, photoDir } = await setUp(() => 'X0000001');
    try {
      const outbox = app.store.outbox.list().length;
      const readings = app.store.meters.get(stop.usagePointId)?.registers[0]?.lastValue;
      await expect(
        readDlmsAtUsagePoint(app.store, actor, {
          usagePointId: stop.usagePointId,
          port: '/dev/probe',
          keysFor: () => ({ password: new TextEncoder().encode('secret01') }),
          profile: { from: Date.now() - 3600_000, to: Date.now() },
          confirmReason: 'x'.repeat(5),
          photoDir,
          read,
        }),
      ).rejects.toMatchObject({ code: 'NEEDS_CONFIRMATION' });
      expect(app.store.outbox.list()).toHaveLength(outbox);
      expect(app.store.meters.get(stop.usagePointId)?.registers[0]?.lastValue).toBe(readings);
    } finally {
      meter.stop();
      app.close();
    }
  });
});

describe.skipIf(socatSkipReason !== null)(
  `optical.dlmsRead from the screen, on a PTY${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it(
      'reads and saves through the contract, with the clock, the disconnect state and the chosen day of profile',
      async () => {
        const dir = tempDir();
        const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web', meterKeys: { encryptor: xorEncryptor } });
        await signInAs(app, 'technician');
        await dispatch(app.handlers, 'demo.load', {});
        const stop = Array.from({ length: 50 }, (_, i) => app.store.meters.get(`UP-${1001 + i}`)).find(
          (m) => m?.registers.length === 1 && m.registers[0]?.readingType === ACTIVE_IMPORT_KWH,
        );
        if (!stop) throw new Error('no single-register electricity stop in the demo route');
        await importDlmsPassword(app, stop.meterSerial, 'secret01', 'technician');
        const running = await runDlmsMeter(join(dir, 'probe'), {
          password: 'secret01',
          days: 2,
          serial: stop.meterSerial,
          now: () => Date.now() - 30_000,
        });
        try {
          const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
          const result = await dispatch(app.handlers, 'optical.dlmsRead', {
            usagePointId: stop.usagePointId,
            port: running.appPath,
            from: day,
            to: day,
            confirmReason: 'simulated meter',
          });
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          const value = result.value as DlmsReadResult;
          expect(value).toMatchObject({ meterSerial: stop.meterSerial, savedReadings: 1, disconnect: { controlState: 'connected' } });
          expect(value.clock?.driftS).toBeLessThan(-20);
          // The day's 96 quarter hours: the interval that ends at 00:00 belongs to the day before
          // (the meter's range access includes both ends, Blue Book §4.3.6 selector 1).
          expect(value.profile?.intervals).toHaveLength(96);
          expect(value.profile?.intervals[0]?.end).not.toMatch(/T00:00/);
          expect(app.store.outbox.get(value.profileMessageId ?? '')?.kind).toBe('loadProfile');
        } finally {
          await running.stop();
          app.close();
        }
      },
      scaled(30_000),
    );
  },
);
