import { sayError } from '../../../shared/i18n/errorKey';
import { errorWordsEn } from '../../../shared/i18n/errorWords.en';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { TRAINING_PORT } from '../../../shared/contract/methods/optical';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { asRegisterValue } from '../../../electron/services/optical/readAtUsagePoint';
import { obisFor, trainingProfile } from '../../../electron/services/optical/trainingMeter';
import { useTempDir } from '../../support/tempDir';
import { signInAs } from '../../support/profiles';

describe('optical read at a stop (training meter in process)', () => {
  const tempDir = useTempDir();

  it('reads the meter, matches values to its registers, checks the serial, and saves them as an optical reading', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      await dispatch(app.handlers, 'demo.load', {});
      const progress: unknown[] = [];
      app.events.on('optical.progress', (p) => progress.push(p));
      const ports = await dispatch(app.handlers, 'optical.ports', { usagePointId: 'UP-1004' });
      // the training meter comes first on a training route; real ports (if any) follow
      expect(ports).toMatchObject({ ok: true, value: { lastPort: null } });
      expect((ports as { ok: true; value: { ports: { path: string; training: boolean }[] } }).value.ports[0]).toMatchObject({
        path: TRAINING_PORT,
        training: true,
      });

      const read = await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1004', port: TRAINING_PORT });
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      const result = read.value as {
        meterSerial: string;
        serialMatches: boolean;
        checksum: string;
        values: { obis: string; registerId: number | null; registerValue: string | null }[];
      };
      expect(result).toMatchObject({ meterSerial: 'E3100004', serialMatches: true, checksum: 'ok' });
      const meter = app.store.meters.get('UP-1004')!;
      const matched = result.values.filter((v) => v.registerId !== null);
      expect(matched.map((v) => v.obis).sort()).toEqual(['1.8.1', '1.8.2']);
      for (const v of matched) {
        const register = meter.registers.find((r) => r.id === v.registerId)!;
        // The training meter has used its average daily use since the last read (the demo route gives one).
        const days = (Date.now() - Date.parse(register.lastReadAt!)) / 86_400_000;
        expect(Number(v.registerValue)).toBeCloseTo(Number(register.lastValue) + register.averageDailyUse! * days, 0);
      }
      expect(progress.length).toBeGreaterThan(0);
      expect(app.store.settings.get('optical.port')).toBe(TRAINING_PORT);

      const saved = await dispatch(app.handlers, 'readings.save', {
        usagePointId: 'UP-1004',
        source: 'optical',
        observedSerial: result.meterSerial,
        values: matched.map((v) => ({ registerId: v.registerId!, value: v.registerValue! })),
      });
      expect(saved).toMatchObject({
        ok: true,
        value: { readings: [{ source: 'optical', qualities: [readingQuality.deviceValid] }, { source: 'optical' }] },
      });
    } finally {
      app.close();
    }
  });

  it('refuses a second read while one runs, and cancels on request', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      await dispatch(app.handlers, 'demo.load', {});
      const first = dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: TRAINING_PORT });
      const second = await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: TRAINING_PORT });
      expect(second).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await dispatch(app.handlers, 'optical.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
      expect(await first).toMatchObject({ ok: false, error: { code: 'OPTICAL_READ_FAILED', details: { code: 'CANCELLED' } } });
    } finally {
      app.close();
    }
  });

  it('a Cancel that arrives before its read or programming still cancels it; other operations are not touched', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      await dispatch(app.handlers, 'demo.load', {});
      await signInAs(app, 'installer', 'Ines');
      expect(await dispatch(app.handlers, 'optical.cancel', { operationId: 'read-0001' })).toEqual({
        ok: true,
        value: { cancelled: true },
      });
      const read = await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: TRAINING_PORT, operationId: 'read-0001' });
      expect(read).toMatchObject({ ok: false, error: { code: 'OPTICAL_READ_FAILED', details: { code: 'CANCELLED' } } });

      expect(await dispatch(app.handlers, 'optical.cancel', { operationId: 'program-0002' })).toEqual({
        ok: true,
        value: { cancelled: true },
      });
      const program = await dispatch(app.handlers, 'optical.program', {
        usagePointId: 'UP-1004',
        port: TRAINING_PORT,
        operation: 'timeSync',
        password: '00000000',
        operationId: 'program-0002',
      });
      expect(program).toMatchObject({
        ok: false,
        error: { code: 'OPTICAL_PROGRAM_FAILED', details: { code: 'CANCELLED', wroteToMeter: false, messageId: null } },
      });
      expect(program.ok ? '' : sayError(errorWordsEn, program.error)).toMatch(/^Cancelled.*Nothing was changed on the meter/);

      // An early cancel is used once: the same id again, and any other id, run normally.
      expect(
        await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: TRAINING_PORT, operationId: 'read-0001' }),
      ).toMatchObject({ ok: true });
      expect(
        await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: TRAINING_PORT, operationId: 'read-0003' }),
      ).toMatchObject({ ok: true });
      // A cancel naming another operation leaves the running one alone.
      const running = dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: TRAINING_PORT, operationId: 'read-0004' });
      await dispatch(app.handlers, 'optical.cancel', { operationId: 'read-0005' });
      expect(await running).toMatchObject({ ok: true });
      expect(await dispatch(app.handlers, 'optical.cancel', { operationId: 'bad id!' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    } finally {
      app.close();
    }
  });

  it('reports a port that does not exist with what to try next', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      await dispatch(app.handlers, 'demo.load', {});
      const read = await dispatch(app.handlers, 'optical.read', { usagePointId: 'UP-1001', port: join(tempDir(), 'no-such-port') });
      expect(read).toMatchObject({ ok: false, error: { code: 'OPTICAL_READ_FAILED', details: { code: 'PORT_NOT_FOUND' } } });
      expect(app.store.settings.get('optical.port')).toBeNull();
    } finally {
      app.close();
    }
  });

  it('maps registers to OBIS codes and cuts values to the digits the register shows', () => {
    expect(obisFor('0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0')).toEqual({ obis: '1.8.2', unit: 'kWh' });
    expect(obisFor('0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0')).toBeNull(); // gas: not on an electricity probe
    expect(trainingProfile({ meterSerial: 'E1', registers: [] }).lines).toEqual([
      'C.1.0(E1)',
      '1.6.0(0004.512*kW)(2401151230)',
      '0.1.0(07)',
      'C.5.0(0000)',
      'C.7.0(0002)',
      'F.F(00000000)',
    ]);
    expect(asRegisterValue('0012345.678', 1)).toBe('12345.6');
    expect(asRegisterValue('0012345.678', 0)).toBe('12345');
    expect(asRegisterValue('0000000.000', 2)).toBe('0');
    expect(asRegisterValue('12a', 2)).toBeNull();
  });
});
